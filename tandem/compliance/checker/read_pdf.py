"""PDF: text with page numbers, from pdfium's text layer, grouped into paragraphs.

A paragraph is rebuilt from its lines, so a sentence reads whole however the page
wrapped it: across line ends, hyphenation and a page break. A bold run-in heading
("Our approach to teaching.") becomes a heading of its own, not part of the text.
"""

import ctypes
import re
import statistics
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .blocks import Block, Extracted, is_run_in
from .errors import (
    KIND_DAMAGED,
    KIND_NO_TEXT_LAYER,
    KIND_PASSWORD,
    UnreadableReport,
)
from .text import SENTENCE_ENDS, clean

# Fewer visible characters than this in the whole file means there is no text layer.
MIN_TEXT_CHARS = 40
# A font named like this is bold, which tells a run-in heading from its paragraph.
_BOLD_NAME = re.compile(r"bold|black|heavy", re.IGNORECASE)
_BOLD_WEIGHT = 600
# Hyphens that only split a word at a line end (WeasyPrint's and Word's soft hyphens).
_SOFT_HYPHENS = ("\u2010", "\u00ad")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass
class _Line:
    text: str
    baseline: float
    middle: float
    size: float
    height: float
    bold: str = ""  # the bold words the line starts with, if any


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

    words = {
        word.lower()
        for lines in pages
        for line in lines
        for word in _WORD.findall(line.text)
    }
    paged: list[list[Block]] = []
    extracted = Extracted("pdf", [], pages=len(pages))
    for number, lines in enumerate(pages, start=1):
        if not lines:
            extracted.warnings.append(
                f"Page {number} has no text layer (scanned?); it was not checked."
            )
        paged.append(_blocks(lines, f"page {number}", words))
    extracted.blocks = _join_pages(paged, words)

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
    """The page's text as lines (pieces side by side merged), with font sizes."""

    textpage = page.get_textpage()
    lines: list[_Line] = []
    try:
        for index in range(textpage.count_rects()):
            box = textpage.get_rect(index)
            text = textpage.get_text_bounded(*box).strip()
            if text:
                _add_piece(lines, _piece(textpage, box, text))
    finally:
        textpage.close()
        page.close()

    return lines


def _add_piece(lines: list[_Line], piece: _Line) -> None:
    """Append a piece of text to the line it sits on, or start a new line."""

    previous = lines[-1] if lines else None
    if previous is None or abs(previous.middle - piece.middle) > 0.3 * piece.height:
        lines.append(piece)
        return
    if previous.bold == previous.text and piece.bold:
        previous.bold += " " + piece.bold
    previous.text += " " + piece.text
    previous.size = previous.size or piece.size


def _piece(textpage: pdfium.PdfTextPage, box: tuple, text: str) -> _Line:
    """A run of text with the baseline, size and weight of its characters."""

    left, bottom, right, top = box
    middle = (bottom + top) / 2
    index = _char_in(textpage, left, right, middle)
    if index is None:
        return _Line(text, middle, middle, 0.0, top - bottom)
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    pdfium_c.FPDFText_GetCharOrigin(textpage.raw, index, origin_x, origin_y)
    size = pdfium_c.FPDFText_GetFontSize(textpage.raw, index)
    bold = text if _is_bold(textpage, index) else ""

    return _Line(text, origin_y.value, middle, size, top - bottom, bold)


def _char_in(
    textpage: pdfium.PdfTextPage, left: float, right: float, y: float
) -> int | None:
    """A character inside the run; its first may sit just off pdfium's hit box."""

    for x in (left + 0.5, left + min(3.0, (right - left) / 2), (left + right) / 2):
        index = textpage.get_index(x, y, 2, 2)
        if index is not None and index >= 0:
            return index

    return None


def _is_bold(textpage: pdfium.PdfTextPage, index: int) -> bool:
    if pdfium_c.FPDFText_GetFontWeight(textpage.raw, index) >= _BOLD_WEIGHT:
        return True
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, name, len(name), flags)

    return bool(_BOLD_NAME.search(name.value.decode("latin-1")))


def _blocks(lines: list[_Line], where: str, words: set[str]) -> list[Block]:
    """Group lines into paragraphs by the space between baselines and by type size."""

    if not lines:
        return []
    body_size = _body_size(lines)
    unit = statistics.median(line.height for line in lines) or 1.0
    gap = _paragraph_gap(lines, unit)

    groups: list[list[_Line]] = [[lines[0]]]
    for previous, line in zip(lines, lines[1:], strict=False):
        pitch = previous.baseline - line.baseline
        if (
            pitch > gap * max(1.0, previous.height / unit)
            or pitch < 0
            or _resized(previous, line, body_size)
        ):
            groups.append([line])
        else:
            groups[-1].append(line)

    return [
        block for group in groups for block in _block(group, body_size, where, words)
    ]


def _paragraph_gap(lines: list[_Line], unit: float) -> float:
    """More space than this between baselines starts a new paragraph.

    The page's own line spacing is learnt from lines that plainly run on (no full
    stop, the next starting in lower case), so loose line spacing is not read as
    a paragraph break; without such lines, one and a half line heights. A line of
    larger type (a title on two lines) may stand further from the next.
    """

    wrapped = [
        previous.baseline - line.baseline
        for previous, line in zip(lines, lines[1:], strict=False)
        if _runs_on(previous.text, line.text)
        and abs(previous.size - line.size) < 0.1
        and 0 < previous.baseline - line.baseline < 3 * unit
    ]
    if not wrapped:
        return 1.5 * unit

    return max(1.5 * unit, 1.2 * statistics.median(wrapped))


def _runs_on(text: str, following: str) -> bool:
    """Whether a sentence plainly carries on from text into the following text."""

    return not text.endswith(SENTENCE_ENDS) and following[:1].islower()


def _resized(previous: _Line, line: _Line, body_size: float) -> bool:
    if not (previous.size and line.size):
        return False

    return abs(line.size - previous.size) > 0.1 * max(body_size, 1.0)


def _body_size(lines: list[_Line]) -> float:
    """The font size that carries most of the page's characters."""

    weights: dict[float, int] = {}
    for line in lines:
        size = round(line.size, 1)
        weights[size] = weights.get(size, 0) + len(line.text)

    return max(weights, key=lambda size: weights[size])


def _block(
    group: list[_Line], body_size: float, where: str, words: set[str]
) -> list[Block]:
    """The paragraph, after its run-in heading when it starts with one."""

    lead = _bold_lead(group)
    text = ""
    for line in group:
        text = _join(text, line.text, words)
    text = clean(text)
    heading = (
        len(group) <= 2
        and len(text) < 120
        and group[0].size > 1.15 * body_size
        and not text.endswith(".")
    )
    if heading or not is_run_in(lead, text):
        return [Block(text, where, is_heading=heading)]

    return [
        Block(lead.rstrip(".: "), where, is_heading=True),
        Block(text[len(lead) :].strip(), where),
    ]


def _bold_lead(group: list[_Line]) -> str:
    """The bold words the paragraph opens with, over as many lines as they take."""

    lead = ""
    for line in group:
        lead += " " + line.bold
        if line.bold != line.text:
            break

    return clean(lead)


def _join(text: str, line: str, words: set[str]) -> str:
    """Add a line to a paragraph, mending the word a line-end hyphen split."""

    line = line.replace("\x02", "-")
    if not text:
        return line
    if text.endswith(_SOFT_HYPHENS):
        return text[:-1] + line
    last = text.rsplit(" ", 1)[-1]
    if text.endswith("-"):
        whole = last[:-1] + line.split(" ", 1)[0]
        split = _WORD.fullmatch(last[:-1]) and _WORD.fullmatch(whole)
        if split and whole.lower() in words:
            return text[:-1] + line
        return text + line
    if ("://" in last or last.startswith("www.")) and last[-1] not in ".,;:)":
        return text + line

    return text + " " + line


def _join_pages(pages: list[list[Block]], words: set[str]) -> list[Block]:
    """Every page's blocks, with a paragraph a page break cut joined back together.

    Lines repeated on several pages (running headers and footers, "Page 2") are
    stepped over when looking for the two halves.
    """

    running = _running_lines(pages)
    blocks = list(pages[0]) if pages else []
    for page in pages[1:]:
        page = list(page)
        end = _last_text(blocks, running)
        start = _first_text(page, running)
        if end is not None and start is not None:
            before, after = blocks[end], page[start]
            if _runs_on(before.text, after.text):
                blocks[end] = Block(_join(before.text, after.text, words), before.where)
                del page[start]
        blocks.extend(page)

    return blocks


def _running_lines(pages: list[list[Block]]) -> set[str]:
    seen: dict[str, int] = {}
    for page in pages:
        for text in {re.sub(r"\d+", "#", block.text) for block in page}:
            seen[text] = seen.get(text, 0) + 1

    return {text for text, count in seen.items() if count > 1}


def _last_text(blocks: list[Block], running: set[str]) -> int | None:
    for index in range(len(blocks) - 1, -1, -1):
        if re.sub(r"\d+", "#", blocks[index].text) not in running:
            return None if blocks[index].is_heading else index

    return None


def _first_text(blocks: list[Block], running: set[str]) -> int | None:
    for index, block in enumerate(blocks):
        if re.sub(r"\d+", "#", block.text) not in running:
            return None if block.is_heading else index

    return None
