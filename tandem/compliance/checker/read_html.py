"""HTML: block elements in document order, placed under the nearest heading."""

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from .blocks import BlockBuilder, Extracted
from .text import clean

_SKIP = {"script", "style", "noscript", "template", "svg", "nav", "head", "iframe"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = {
    "p", "li", "dt", "dd", "blockquote", "pre", "caption", "figcaption",
    "address", "div", "section", "article", "main", "header", "footer", "aside",
    "table", "tr", "ul", "ol", "dl", "form", "fieldset", "body", "html",
}  # fmt: skip
_BOLD = {"strong", "b"}
# Deeper than this, a subtree is read as one block (hostile or broken nesting).
MAX_DEPTH = 150


def read_html(data: bytes) -> Extracted:
    """Parse with the standard library parser (tolerant of broken markup)."""

    soup = BeautifulSoup(data, "html.parser")
    walker = _Walker()
    walker.walk(soup, depth=0)
    walker.flush()

    return Extracted("html", walker.builder.blocks)


class _Walker:
    def __init__(self) -> None:
        self.builder = BlockBuilder()
        self.pieces: list[str] = []
        self.lead = ""  # bold words the current block opens with

    def flush(self) -> None:
        self.builder.run_in(self.lead, clean(" ".join(self.pieces)))
        self.pieces = []
        self.lead = ""

    def walk(self, node: Tag, *, depth: int) -> None:
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                self.pieces.append(str(child))
            elif isinstance(child, Tag):
                self._tag(child, depth=depth + 1)

    def _tag(self, tag: Tag, *, depth: int) -> None:
        name = tag.name.lower()
        if name in _SKIP or tag.get("role") == "navigation":
            return
        if name in _HEADINGS:
            self.flush()
            self.builder.heading_block(clean(tag.get_text(" ")))
        elif depth > MAX_DEPTH:
            self.pieces.append(tag.get_text(" "))
        elif name in _BLOCKS:
            self.flush()
            self.walk(tag, depth=depth)
            self.flush()
        elif name == "a":
            self.walk(tag, depth=depth)
            href = str(tag.get("href") or "")
            if href.startswith(("http://", "https://", "mailto:")):
                address = href.removeprefix("mailto:")
                if address not in tag.get_text():
                    self.pieces.append(f"({address})")
        elif name in ("td", "th"):
            # Cells are read along their row, so a contacts row stays together.
            if self.pieces:
                self.pieces.append(" | ")
            self.walk(tag, depth=depth)
        elif name in _BOLD and not "".join(self.pieces).strip():
            self.walk(tag, depth=depth)
            self.lead = clean(" ".join(self.pieces))
        elif name == "br":
            self.pieces.append(" ")
        else:
            self.walk(tag, depth=depth)
