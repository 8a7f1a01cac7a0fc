"""Plain text: paragraphs split on blank lines, headings guessed from their shape."""

import re

from .blocks import BlockBuilder, Extracted
from .text import clean

_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(.*)$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*\u2022]|\d{1,2}[.)])\s+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_CONTACT = re.compile(r"[@/:]|\d{3}|www\.")


def read_text(text: str) -> Extracted:
    """Split decoded text into headings and body blocks."""

    builder = BlockBuilder()
    for paragraph in _PARAGRAPH_BREAK.split(text.replace("\r\n", "\n")):
        lines = [line for line in paragraph.split("\n") if line.strip()]
        if lines and _looks_like_heading(lines):
            builder.heading_block(clean(_MARKDOWN_HEADING.sub(r"\1", lines.pop(0))))
        for chunk in _chunks(lines):
            builder.body_block(clean(chunk))

    return Extracted("text", builder.blocks)


def _looks_like_heading(lines: list[str]) -> bool:
    first = lines[0].strip()
    if _MARKDOWN_HEADING.match(first):
        return True
    if _LIST_ITEM.match(first) or len(first) > 120 or first[-1] in ".,;:":
        return False
    if len(lines) == 1:
        return first.endswith("?") or (
            len(first) < 70 and first[0].isupper() and not _CONTACT.search(first)
        )
    longest = max(len(line) for line in lines[1:])

    return len(first) < 60 and len(first) < 0.6 * longest


def _chunks(lines: list[str]) -> list[str]:
    """Join wrapped lines, keeping each list item as a chunk of its own."""

    chunks: list[str] = []
    for line in lines:
        if _LIST_ITEM.match(line) or not chunks:
            chunks.append(_LIST_ITEM.sub("", line))
        else:
            chunks[-1] += " " + line

    return chunks
