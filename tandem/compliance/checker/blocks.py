"""What a reader hands to the rules: the document as located blocks of text."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Block:
    """One paragraph, list item, table cell or heading, with where it sits."""

    text: str
    where: str
    is_heading: bool = False


@dataclass
class Extracted:
    """A document's text, in reading order, and what the reader noticed on the way."""

    format: str
    blocks: list[Block]
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def body(self) -> list[Block]:
        return [block for block in self.blocks if not block.is_heading]


class BlockBuilder:
    """Collects blocks and names their place after the heading they sit under."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.heading: str | None = None
        self.paragraphs = 0

    def heading_block(self, text: str) -> None:
        if text:
            self.heading = text[:120]
            self.blocks.append(
                Block(text, f'heading "{self.heading}"', is_heading=True)
            )

    def run_in(self, lead: str, text: str) -> None:
        """A paragraph that opens with bold words ("Our approach to teaching."): they
        head this paragraph only, and the next sits under the section heading again."""

        if not is_run_in(lead, text):
            self.body_block(text)
            return
        section = self.heading
        self.heading_block(lead.rstrip(".: "))
        self.body_block(text[len(lead) :].strip())
        self.heading = section

    def body_block(self, text: str, *, where: str | None = None) -> None:
        if not text:
            return
        self.paragraphs += 1
        if where is None:
            where = (
                f'heading "{self.heading}"'
                if self.heading
                else f"paragraph {self.paragraphs}"
            )
        self.blocks.append(Block(text, where))


def is_run_in(lead: str, text: str) -> bool:
    """Whether text opens with a run-in heading: bold words that end in a full stop or
    colon, with the paragraph after them (bold that starts a sentence is not one)."""

    return (
        bool(lead)
        and lead.endswith((".", ":"))
        and text.startswith(lead)
        and len(text) > len(lead) + 1
    )
