"""PDF: text with page numbers, from pdfium's text layer, grouped into paragraphs."""

import ctypes
import statistics
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .blocks import Block, Extracted
from .errors import (
    KIND_DAMAGED,
    KIND_NO_TEXT_LAYER,
    KIND_PASSWORD,
    UnreadableReport,
)
from .text import clean

# Fewer visible characters than this in the whole file means there is no text layer.
MIN_TEXT_CHARS = 40


@dataclass
class _Line:
    text: str
    baseline: float
    size: float
    height: float


def read_pdf(data: bytes) -> Extracted:
    """Read every page's text layer; a PDF without one is unreadable, not empty."""

    document = _open(data)
    try:
        pages = [_page_lines(page) for page in document]
    finally:
        document.close()
    if not pages:
        raise UnreadableReport("The PDF has no pages.", kind=KIND_DAMAGED)

    visible = sum(len("".join(line.text.split())) for lines in pages for line in lines)
    if visible < MIN_TEXT_CHARS:
        raise UnreadableReport(
            "The PDF has no text layer; it looks scanned and needs OCR "
            "(text recognition) before it can be checked.",
            kind=KIND_NO_TEXT_LAYER,
        )

    extracted = Extracted("pdf", [], pages=len(pages))
    for number, lines in enumerate(pages, start=1):
        if not lines:
            extracted.warnings.append(
                f"Page {number} has no text layer (scanned?); it was not checked."
            )
        extracted.blocks.extend(_blocks(lines, f"page {number}"))

    return extracted


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise UnreadableReport(
                "The PDF is password-protected; save a copy without a password.",
                kind=KIND_PASSWORD,
            ) from error
        raise UnreadableReport(
            "The PDF is damaged and cannot be opened.", kind=KIND_DAMAGED
        ) from error


def _page_lines(page: pdfium.PdfPage) -> list[_Line]:
    """The page's text as lines (pieces on one baseline merged), with font sizes."""

    textpage = page.get_textpage()
    lines: list[_Line] = []
    try:
        for index in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(index)
            text = textpage.get_text_bounded(left, bottom, right, top).strip()
            if not text:
                continue
            baseline, size = _origin_and_size(textpage, left, (bottom + top) / 2)
            previous = lines[-1] if lines else None
            if previous and abs(previous.baseline - baseline) < 1:
                previous.text += " " + text
            else:
                lines.append(_Line(text, baseline, size, top - bottom))
    finally:
        textpage.close()
        page.close()

    return lines


def _origin_and_size(
    textpage: pdfium.PdfTextPage, x: float, y: float
) -> tuple[float, float]:
    """The baseline and font size of the character at (x, y)."""

    index = textpage.get_index(x + 0.5, y, 2, 2)
    if index is None or index < 0:
        return y, 0.0
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    pdfium_c.FPDFText_GetCharOrigin(textpage.raw, index, origin_x, origin_y)

    return origin_y.value, pdfium_c.FPDFText_GetFontSize(textpage.raw, index)


def _blocks(lines: list[_Line], where: str) -> list[Block]:
    """Group lines into paragraphs by the space between baselines and by type size."""

    if not lines:
        return []
    unit = statistics.median(line.height for line in lines) or 1.0
    body_size = _body_size(lines)

    groups: list[list[_Line]] = [[lines[0]]]
    for previous, line in zip(lines, lines[1:], strict=False):
        pitch = previous.baseline - line.baseline
        resized = abs(line.size - previous.size) > 0.1 * max(body_size, 1.0)
        if pitch > 1.5 * unit or pitch < 0 or resized:
            groups.append([line])
        else:
            groups[-1].append(line)

    return [_block(group, body_size, where) for group in groups]


def _body_size(lines: list[_Line]) -> float:
    """The font size that carries most of the page's characters."""

    weights: dict[float, int] = {}
    for line in lines:
        size = round(line.size, 1)
        weights[size] = weights.get(size, 0) + len(line.text)

    return max(weights, key=lambda size: weights[size])


def _block(group: list[_Line], body_size: float, where: str) -> Block:
    text = ""
    for line in group:
        text += _joiner(text) + line.text.replace("\x02", "-")
    text = clean(text)
    heading = (
        len(group) <= 2
        and len(text) < 120
        and group[0].size > 1.15 * body_size
        and not text.endswith(".")
    )

    return Block(text, where, is_heading=heading)


def _joiner(text: str) -> str:
    """No space after a line-end hyphen (pdfium marks it \\x02) or inside a link."""

    last = text.rsplit(" ", 1)[-1]
    if not text or text.endswith("-"):
        return ""
    if ("://" in last or last.startswith("www.")) and last[-1] not in ".,;:)":
        return ""

    return " "
