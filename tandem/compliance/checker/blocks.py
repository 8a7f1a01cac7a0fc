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
