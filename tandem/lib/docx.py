"""Word exports built with python-docx: a document with Tandem's heading and table styles."""

import io
from collections.abc import Sequence

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from tandem.lib.pdf import paper_colour as safe_paper_colour


def new_document(
    *,
    title: str,
    subtitle: str = "",
    landscape: bool = False,
    paper_colour: str | None = None,
):
    """A document with A4 pages, a title and an optional page colour (#rrggbb)."""

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = (
            section.page_height,
            section.page_width,
        )
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(10.5)
    if paper_colour:
        set_page_colour(document, safe_paper_colour(paper_colour))

    document.add_heading(title, level=1)
    if subtitle:
        document.add_paragraph(subtitle)

    return document


def set_page_colour(document, colour: str) -> None:
    """Word's page colour (File > Design > Page colour); shown on screen and when printed."""

    background = OxmlElement("w:background")
    background.set(qn("w:color"), colour.lstrip("#").upper())
    document.element.insert(0, background)
    # Word shows w:background only when the settings ask; schema order puts the flag
    # straight after w:zoom.
    settings = document.settings.element
    flag = OxmlElement("w:displayBackgroundShape")
    zoom = settings.find(qn("w:zoom"))
    if zoom is None:
        settings.insert(0, flag)
    else:
        zoom.addnext(flag)


def add_table(
    document,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    widths_cm: Sequence[float] | None = None,
):
    """A bordered table whose header row repeats on every page and whose rows never split."""

    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    _repeat_as_header(table.rows[0])
    for values in rows:
        row = table.add_row()
        _keep_row_together(row)
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text
    if widths_cm:
        for row in table.rows:
            for cell, width in zip(row.cells, widths_cm, strict=True):
                cell.width = Cm(width)

    return table


def _repeat_as_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _keep_row_together(row) -> None:
    properties = row._tr.get_or_add_trPr()
    cant_split = OxmlElement("w:cantSplit")
    cant_split.set(qn("w:val"), "true")
    properties.append(cant_split)


def to_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)

    return buffer.getvalue()


def docx_text(data: bytes) -> str:
    """All paragraph and table text of a .docx, for tests and verification."""

    document = Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)

    return "\n".join(parts)
