"""The meeting record as a Word document, ready to append to the FGB minutes.

Built from a plain `MeetingRecord`. Table rows never split across pages and header
rows repeat, as in the PDF; the school's paper colour is the page background.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.shared import Cm, Pt
from docx.table import Table, _Cell, _Row

from tandem.lib.docx import set_page_colour
from tandem.meetings.record import MeetingRecord, RecordItem, dmy, lines

ACTION_HEADINGS = ("Ref", "Action", "Owner", "Due by", "Status")
ITEM_HEADINGS = ("No.", "Item", "Key points and decisions")


def build_record_docx(record: MeetingRecord) -> bytes:
    """The record as .docx bytes."""

    doc = Document()
    set_up_page(doc, record.paper)

    doc.add_heading(record.title, level=1)
    doc.add_paragraph(record.school_name)
    add_details(doc, record)

    doc.add_heading("Agenda items", level=2)
    add_items(doc, record.items)

    doc.add_heading("Actions agreed", level=2)
    add_actions(doc, record)

    doc.add_heading("Any other business", level=2)
    for line in lines(record.any_other_business) or ["None."]:
        doc.add_paragraph(line)
    if record.parked:
        doc.add_heading("Parked for a later meeting", level=2)
        for point in record.parked:
            doc.add_paragraph(point, style="List Bullet")
    next_on = dmy(record.next_meeting_on, missing="to be arranged")
    doc.add_paragraph().add_run(f"Next meeting: {next_on}").bold = True

    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def set_up_page(doc: DocxDocument, paper: str) -> None:
    """A4 portrait, narrow margins, 10 pt text and the paper colour behind it."""

    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(2)

    set_page_colour(doc, paper)


def add_details(doc: DocxDocument, record: MeetingRecord) -> None:
    rows = [
        ("Date", dmy(record.held_on)),
        ("Time", record.time_range),
        ("Attendees", ", ".join(record.attendees) or "Not recorded"),
    ]
    if record.location:
        rows.insert(2, ("Where", record.location))
    if record.apologies:
        rows.append(("Apologies", ", ".join(record.apologies)))

    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = add_row(table).cells
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].text = value
    set_widths(table, [Cm(3), Cm(15)])


def add_items(doc: DocxDocument, items: tuple[RecordItem, ...]) -> None:
    if not items:
        doc.add_paragraph("No agenda items were recorded.")
        return

    table = header_table(doc, ITEM_HEADINGS)
    for item in items:
        cells = add_row(table).cells
        cells[0].text = str(item.position)
        cells[1].paragraphs[0].add_run(item.title).bold = True
        cells[1].add_paragraph(
            f"{item.kind}, {item.owner}" if item.owner else item.kind
        )
        fill_key_points(cells[2], item)
    set_widths(table, [Cm(1.2), Cm(5.3), Cm(11.5)])


def fill_key_points(cell: _Cell, item: RecordItem) -> None:
    paragraphs = lines(item.key_points) or ["No key points recorded."]
    cell.text = paragraphs[0]
    for text in paragraphs[1:]:
        cell.add_paragraph(text)
    if item.decision:
        decided = cell.add_paragraph()
        decided.add_run("Decision: ").bold = True
        decided.add_run(item.decision)
    if item.rationale:
        why = cell.add_paragraph()
        why.add_run("Why: ").bold = True
        why.add_run(item.rationale)


def add_actions(doc: DocxDocument, record: MeetingRecord) -> None:
    actions = record.actions
    if not actions:
        doc.add_paragraph("No actions were agreed.")
        return

    table = header_table(doc, ACTION_HEADINGS)
    for action in actions:
        cells = add_row(table).cells
        cells[0].text = action.reference
        cells[1].text = action.description
        cells[2].text = action.owner
        cells[3].text = dmy(action.due_on)
        cells[4].text = action.status
    set_widths(table, [Cm(1.5), Cm(9), Cm(3.3), Cm(2.2), Cm(2)])


def header_table(doc: DocxDocument, headings: tuple[str, ...]) -> Table:
    """A grid whose first row is bold and repeats at the top of every page."""

    table = doc.add_table(rows=0, cols=len(headings))
    table.style = "Table Grid"
    row = add_row(table)
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell, heading in zip(row.cells, headings, strict=True):
        cell.paragraphs[0].add_run(heading).bold = True

    return table


def add_row(table: Table) -> _Row:
    """A new row that Word keeps whole on one page."""

    row = table.add_row()
    row._tr.get_or_add_trPr().insert(0, OxmlElement("w:cantSplit"))

    return row


def set_widths(table: Table, widths: list[Cm]) -> None:
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
