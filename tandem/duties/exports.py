"""The duties map printed for a governing body meeting: PDF and .docx, same picture.

The PDF draws the SVG partial the page uses. Word cannot show that SVG reliably, so the
.docx carries the same SVG rasterised: WeasyPrint lays it out, pypdfium2 renders a PNG.
"""

import datetime as dt
import io

import pypdfium2
from django.template.loader import render_to_string
from docx.shared import Cm
from weasyprint import HTML

from tandem.duties.duty_map import DutyMap, duty_map
from tandem.lib import docx
from tandem.lib.calendar import format_date
from tandem.lib.pdf import render_pdf
from tandem.schools.models import School

PICTURE_WIDTH_CM = 16.0
PICTURE_PIXELS = 1800  # wide: sharp when printed 16 cm wide


def map_pdf(school: School, *, today: dt.date) -> bytes:
    the_map = duty_map(school, on=today)
    context = {
        "school": school,
        "map": the_map,
        "drawing": the_map.drawing(),
        "today": today,
    }

    return render_pdf("duties/print/duty_map.html", context)


def map_docx(school: School, *, today: dt.date) -> bytes:
    the_map = duty_map(school, on=today)
    document = docx.new_document(
        title=f"{school.name}: statutory duties map",
        subtitle=f"Who holds each SEND duty. Printed {format_date(today)}.",
        paper_colour=school.paper_colour,
    )
    document.add_picture(io.BytesIO(venn_png(the_map)), width=Cm(PICTURE_WIDTH_CM))
    document.add_paragraph(
        "Three circles: governing body, SENCO and senior leadership. Each code sits in"
        " the circles of the people who hold it; the duties listed below say who."
    )
    _add_duty_tables(document, the_map)
    _add_reflection(document, the_map)

    return docx.to_bytes(document)


def venn_png(the_map: DutyMap) -> bytes:
    """The map's SVG, exactly as on the page, as a PNG."""

    svg = render_to_string("duties/_venn.svg.html", {"drawing": the_map.drawing()})
    html = f"<html><head><style>@page {{ size: 720px {the_map.drawing().height}px;"
    html += (
        f" margin: 0 }} body {{ margin: 0 }}</style></head><body>{svg}</body></html>"
    )
    pdf = pypdfium2.PdfDocument(HTML(string=html).write_pdf())
    try:
        page = pdf[0]
        scale = PICTURE_PIXELS / page.get_width()
        image = page.render(scale=scale, fill_color=(255, 255, 255, 255))
        buffer = io.BytesIO()
        image.to_pil().save(buffer, format="PNG")
    finally:
        pdf.close()

    return buffer.getvalue()


def _add_duty_tables(document, the_map: DutyMap) -> None:  # noqa: ANN001
    for group in the_map.by_region():
        holders = f"Held by {group.name}" if group.holders else "Held by nobody"
        document.add_heading(f"{holders} ({len(group.entries)})", level=2)
        rows = [
            [
                entry.code,
                f"{entry.title}. {entry.summary}",
                entry.citation,
                _how(entry.note, entry.evidence_url, entry.confirmed),
            ]
            for entry in group.entries
        ]
        docx.add_table(
            document,
            ["Code", "Duty", "Where it comes from", "How it is done"],
            rows,
            widths_cm=[1.5, 7.5, 4, 4.4],
        )


def _how(note: str, evidence_url: str, confirmed: bool) -> str:
    parts = [note] if note else []
    if evidence_url:
        parts.append(f"Evidence: {evidence_url}")
    if not confirmed:
        parts.append("Suggested holders, not yet confirmed.")
    return "\n".join(parts)


def _add_reflection(document, the_map: DutyMap) -> None:  # noqa: ANN001
    document.add_heading("Reflective questions", level=2)
    for question in the_map.questions:
        document.add_paragraph(f"{question.code}. {question.text}", style="Heading 3")
        document.add_paragraph(question.answer or "Not answered yet.")
