"""Assemble the inspection evidence pack: a contents page, then each section's PDF.

Sections arrive as finished PDFs (signed documents with their statements, the duties
map, the latest termly report, meeting records). This module only merges them with
pypdfium2, puts a contents page rendered by WeasyPrint in front, and stamps a footer
with the page number on every page, so that the contents can be followed on paper.
"""

import ctypes
import html
import io
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from tandem.lib.pdf import DEFAULT_PAPER, paper_colour

logger = logging.getLogger(__name__)

FOOTER_FONT = "Helvetica"
FOOTER_SIZE = 8.0
FOOTER_MARGIN = 18.0
MAX_LAYOUT_ROUNDS = 5


class PackError(ValueError):
    """A section could not go into the pack. `str()` names the section."""


@dataclass(frozen=True)
class PackPart:
    title: str
    pdf: bytes
    note: str = ""


@dataclass(frozen=True)
class ContentsLine:
    title: str
    note: str
    first_page: int
    page_count: int

    @property
    def pages(self) -> str:
        last = self.first_page + self.page_count - 1
        if last == self.first_page:
            return str(last)

        return f"{self.first_page}–{last}"


ContentsRenderer = Callable[[Sequence[ContentsLine]], bytes]


def assemble_pack(
    parts: Sequence[PackPart], *, render_contents: ContentsRenderer, footer: str
) -> bytes:
    """One PDF: the contents (numbered to match), then every part in order."""

    documents = [_open(part) for part in parts]
    counts = [len(document) for document in documents]

    contents_pdf, lines = _lay_out_contents(parts, counts, render_contents)
    pack = pdfium.PdfDocument.new()
    pack.import_pages(pdfium.PdfDocument(contents_pdf))
    for document in documents:
        pack.import_pages(document)
    _stamp_footers(pack, footer)

    logger.info("Evidence pack: %s sections, %s pages", len(parts), len(pack))
    return _save(pack)


def merge_pdfs(pdfs: Sequence[bytes]) -> bytes:
    """One PDF made of the given PDFs, in order."""

    merged = pdfium.PdfDocument.new()
    for pdf in pdfs:
        merged.import_pages(pdfium.PdfDocument(pdf))

    return _save(merged)


def page_count(pdf: bytes) -> int:
    return len(pdfium.PdfDocument(pdf))


def contents_html(
    lines: Sequence[ContentsLine],
    *,
    heading: str,
    school_name: str,
    generated_on: date,
    paper: str = DEFAULT_PAPER,
) -> str:
    """The contents page as a small self-contained HTML document."""

    rows = "".join(
        f"<tr><th scope='row'>{html.escape(line.title)}"
        f"{_note(line.note)}</th><td>{line.pages}</td></tr>"
        for line in lines
    )
    body = (
        f"<table><thead><tr><th scope='col'>Section</th><th scope='col'>Pages</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
        if lines
        else "<p>There are no sections to include yet.</p>"
    )
    return (
        "<!doctype html><html lang='en-GB'><head><meta charset='utf-8'>"
        f"<title>{html.escape(heading)}</title><style>{CONTENTS_CSS}"
        f"@page {{ background: {paper_colour(paper)}; }}</style></head>"
        f"<body><h1>{html.escape(heading)}</h1>"
        f"<p class='school'>{html.escape(school_name)}</p>"
        f"<p>Prepared on {generated_on:%d/%m/%Y}.</p>"
        f"<h2>Contents</h2>{body}</body></html>"
    )


def weasyprint_contents(
    *, heading: str, school_name: str, generated_on: date, paper: str = DEFAULT_PAPER
) -> ContentsRenderer:
    """A contents renderer that draws contents_html with WeasyPrint, on `paper`."""

    from weasyprint import HTML

    def render(lines: Sequence[ContentsLine]) -> bytes:
        page = contents_html(
            lines,
            heading=heading,
            school_name=school_name,
            generated_on=generated_on,
            paper=paper,
        )
        return HTML(string=page).write_pdf()

    return render


CONTENTS_CSS = """
@page { size: A4; margin: 20mm 18mm 25mm; }
body { font-family: sans-serif; font-size: 11pt; color: #0b0c0c; }
h1 { font-size: 20pt; margin: 0 0 4pt; }
.school { font-size: 13pt; margin: 0 0 12pt; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: 5pt 4pt; border-bottom: 0.5pt solid #b1b4b6; }
td { text-align: right; white-space: nowrap; }
thead th:last-child { text-align: right; }
.note { display: block; font-weight: normal; color: #505a5f; font-size: 9.5pt; }
"""


def _note(note: str) -> str:
    return f"<span class='note'>{html.escape(note)}</span>" if note else ""


def _open(part: PackPart) -> pdfium.PdfDocument:
    try:
        document = pdfium.PdfDocument(part.pdf)
    except pdfium.PdfiumError as error:
        raise PackError(f"{part.title}: the section is not a readable PDF.") from error
    if len(document) == 0:
        raise PackError(f"{part.title}: the section has no pages.")

    return document


def _lay_out_contents(
    parts: Sequence[PackPart], counts: Sequence[int], render: ContentsRenderer
) -> tuple[bytes, list[ContentsLine]]:
    """Render the contents until its own length stops moving the page numbers."""

    contents_pages = 1
    for _ in range(MAX_LAYOUT_ROUNDS):
        lines = _number(parts, counts, start=contents_pages + 1)
        contents_pdf = render(lines)
        rendered_pages = page_count(contents_pdf)
        if rendered_pages == contents_pages:
            return contents_pdf, lines
        contents_pages = rendered_pages

    raise PackError("Contents: the page numbers would not settle.")


def _number(
    parts: Sequence[PackPart], counts: Sequence[int], *, start: int
) -> list[ContentsLine]:
    lines = []
    page = start
    for part, count in zip(parts, counts, strict=True):
        lines.append(ContentsLine(part.title, part.note, page, count))
        page += count

    return lines


def _stamp_footers(pack: pdfium.PdfDocument, footer: str) -> None:
    total = len(pack)
    for index in range(total):
        page = pack[index]
        text = f"{footer} · page {index + 1} of {total}"
        _draw_text(pack, page, text, x=FOOTER_MARGIN, y=FOOTER_MARGIN / 2)
        page.gen_content()


def _draw_text(
    pack: pdfium.PdfDocument, page: pdfium.PdfPage, text: str, *, x: float, y: float
) -> None:
    obj = pdfium_c.FPDFPageObj_NewTextObj(pack.raw, FOOTER_FONT.encode(), FOOTER_SIZE)
    # The standard font covers Windows-1252 only; anything else prints as "?".
    printable = text.encode("cp1252", "replace").decode("cp1252")
    encoded = (printable + "\0").encode("utf-16-le")
    buffer = ctypes.create_string_buffer(encoded, len(encoded))
    wide = ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR))
    pdfium_c.FPDFText_SetText(obj, wide)
    pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
    pdfium_c.FPDFPage_InsertObject(page.raw, obj)


def _save(pack: pdfium.PdfDocument) -> bytes:
    buffer = io.BytesIO()
    pack.save(buffer)

    return buffer.getvalue()
