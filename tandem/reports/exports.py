"""The termly report as a PDF (WeasyPrint) and a .docx (python-docx).

Both are built from the same `ReportContent` as the page, for the same audience,
so a governor's export suppresses exactly what the governor's page does.
"""

from __future__ import annotations

import datetime as dt
import io

from docx.shared import Cm

from tandem.lib import docx
from tandem.lib.pdf import render_pdf
from tandem.reports.content import ReportContent
from tandem.reports.models import TermlyReport
from tandem.reports.money import format_pounds
from tandem.reports.presenting import Audience, build_content

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def filename(report: TermlyReport, extension: str) -> str:
    return f"termly-report-{report.school.urn}-{report.key}.{extension}".replace(
        ":", "-"
    )


def report_pdf(report: TermlyReport, audience: Audience, *, today: dt.date) -> bytes:
    content = build_content(report, audience, today=today)
    context = {
        "school": report.school,
        "content": content,
        "today": today,
    }

    return render_pdf("reports/print/report.html", context)


def report_docx(report: TermlyReport, audience: Audience, *, today: dt.date) -> bytes:
    content = build_content(report, audience, today=today)

    return docx.to_bytes(
        content_document(content, today=today, paper_colour=report.school.paper_colour)
    )


def content_document(content: ReportContent, *, today: dt.date, paper_colour: str):  # noqa: ANN201
    document = docx.new_document(
        title=f"{content.school_name}: {content.title}",
        subtitle=f"{content.status}. Printed {today:%d/%m/%Y}.",
        paper_colour=paper_colour if paper_colour.lower() != "#ffffff" else None,
    )
    if content.small_numbers_note:
        document.add_paragraph(content.small_numbers_note)

    document.add_heading("Report details", level=2)
    docx.add_table(
        document,
        ["Item", "Detail"],
        [[f.label, f.value] for f in content.header],
        widths_cm=[6, 11],
    )

    if content.budget is not None:
        _finance(document, content)
    _numbers(document, content)
    _comparisons(document, content)
    _applications(document, content)
    _provision(document, content)

    document.add_heading("Narrative", level=2)
    for item in content.narrative:
        document.add_heading(item.label, level=3)
        document.add_paragraph(item.value or "Nothing recorded.")

    _charts(document, content)
    _questions(document, content)

    return document


def _finance(document, content: ReportContent) -> None:  # noqa: ANN001
    budget = content.budget
    assert budget is not None
    document.add_heading(
        f"SEN budget: financial year {content.financial_year}", level=2
    )
    rows = [[line.label, format_pounds(line.pence), line.note] for line in budget.lines]
    rows += [
        [
            "Total",
            format_pounds(budget.total),
            "Elements 1 to 3 and additional funding",
        ],
        ["Expenditure to date", format_pounds(budget.expenditure), ""],
        ["Remaining", format_pounds(budget.remaining), budget.remaining_text],
    ]
    docx.add_table(document, ["Line", "Amount", "Note"], rows, widths_cm=[5.5, 3.5, 8])


def _numbers(document, content: ReportContent) -> None:  # noqa: ANN001
    document.add_heading("SEND numbers", level=2)
    view = content.send
    if view is None:
        document.add_paragraph("No SEND numbers have been entered for this term.")
        return
    roll = f"{view.roll:,}" if view.roll is not None else "not given"
    document.add_paragraph(f"Pupils on roll: {roll}.")
    docx.add_table(
        document,
        ["", "Pupils", "Share of roll"],
        [[h.label, h.count.text, h.percent] for h in view.headlines],
    )
    if content.national:
        document.add_paragraph("Compared with England:")
        docx.add_table(
            document,
            ["", "This school", "England"],
            [[r.label, r.school, r.national] for r in content.national],
        )
        document.add_paragraph(content.national_source)
    for title, rows in (("By year group", view.years), ("By primary need", view.needs)):
        if rows:
            document.add_heading(title, level=3)
            docx.add_table(
                document,
                ["", "SEN support", "EHC plans", "Total"],
                [
                    [r.label, r.sen_support.text, r.ehc_plans.text, r.total.text]
                    for r in rows
                ],
            )


def _comparisons(document, content: ReportContent) -> None:  # noqa: ANN001
    for table in content.comparisons:
        document.add_heading(table.caption, level=2)
        docx.add_table(
            document,
            ["", "This term", table.earlier_label, "Change"],
            [[r.label, r.current, r.earlier, r.change] for r in table.rows],
        )


def _applications(document, content: ReportContent) -> None:  # noqa: ANN001
    document.add_heading("EHC plan and high-needs funding applications", level=2)
    summary = content.ehc_summary
    if summary is not None:
        docx.add_table(
            document,
            ["Stage", "Applications in progress"],
            [[label, count.text] for label, count in summary.stages]
            + [["All in progress", summary.in_progress.text]],
        )
        document.add_paragraph(
            "EHC needs assessments past the 20-week timescale: "
            f"{summary.past_deadline.text}."
        )
        document.add_heading("The statutory timeline", level=3)
        for step in summary.timeline:
            document.add_paragraph(step)
        return
    if not content.ehc:
        document.add_paragraph("No applications in progress.")
        return
    docx.add_table(
        document,
        [
            "Reference",
            "Kind",
            "Year",
            "Need",
            "Stage",
            "Requested",
            "Final plan due (20 weeks)",
            "Where it stands",
        ],
        [
            [
                r.reference,
                r.kind,
                r.year_group,
                r.need,
                r.stage,
                r.requested,
                r.final_due,
                r.status,
            ]
            for r in content.ehc
        ],
    )


PROVISION_COLUMNS = [
    "Intervention",
    "Area",
    "Delivered by",
    "Cost a session",
    "Sessions a year",
    "One-off resources",
    "A year",
    "Pupils",
    "A pupil (year)",
]


def _provision(document, content: ReportContent) -> None:  # noqa: ANN001
    document.add_heading("Costed provision map", level=2)
    document.add_paragraph(content.provision_sum)
    for wave in content.waves:
        document.add_heading(wave.title, level=3)
        if not wave.rows:
            document.add_paragraph("No interventions recorded.")
            continue
        rows = [
            [
                r.name,
                r.area,
                r.delivered_by,
                r.session_cell,
                r.sessions_cell,
                r.resources,
                r.per_year,
                r.group_size,
                r.per_pupil,
            ]
            for r in wave.rows
        ]
        rows.append(
            [f"Total for {wave.title.lower()}", "", "", "", "", "", wave.total]
            + [str(wave.places), ""]
        )
        widths = [2.4, 1.9, 1.9, 3.2, 2.2, 1.5, 1.6, 1.1, 1.6]
        docx.add_table(document, PROVISION_COLUMNS, rows, widths_cm=widths)
    document.add_paragraph(f"Total provision: {content.provision_total} a year.")
    if content.provision_against_budget:
        document.add_paragraph(f"{content.provision_against_budget}.")


def _charts(document, content: ReportContent) -> None:  # noqa: ANN001
    if not content.charts:
        return
    document.add_heading("Charts", level=2)
    for chart in content.charts:
        document.add_paragraph(chart.title)
        document.add_picture(io.BytesIO(chart.png()), width=Cm(16))
        document.add_paragraph(chart.desc)


def _questions(document, content: ReportContent) -> None:  # noqa: ANN001
    document.add_heading("Governors' questions", level=2)
    if not content.questions:
        document.add_paragraph("No questions yet.")
        return
    for item in content.questions:
        document.add_paragraph(f"Question ({item.asked}): {item.question}")
        answer = item.answer or "Not answered yet."
        suffix = f" ({item.answered})" if item.answered else ""
        document.add_paragraph(f"Answer{suffix}: {answer}")
