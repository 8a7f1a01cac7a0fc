"""The meeting record as a PDF: the print template rendered by WeasyPrint."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from weasyprint import HTML

from tandem.lib.pdf import css_string
from tandem.meetings.record import ActionLog, MeetingRecord, dmy


def render_record_html(record: MeetingRecord) -> str:
    footer = f"{record.school_name} · Meeting record {dmy(record.held_on)}"
    context = {
        "record": record,
        "actions": record.actions,
        # css_string escapes everything but letters, digits and plain punctuation.
        "footer": mark_safe(css_string(footer)),  # noqa: S308
    }
    return render_to_string("meetings/record_print.html", context)


def build_record_pdf(record: MeetingRecord) -> bytes:
    """The record as PDF bytes: one A4 page for a normal meeting."""

    return HTML(string=render_record_html(record)).write_pdf()


def build_action_log_pdf(log: ActionLog) -> bytes:
    """The action log as PDF bytes, overdue actions marked in words."""

    footer = f"{log.school_name} · Action log {log.period}"
    counts = [(s, log.count(s)) for s in ("Open", "Done", "Withdrawn")]
    context = {
        "log": log,
        "counts": counts,
        "footer": mark_safe(css_string(footer)),  # noqa: S308 (escaped above)
    }
    html = render_to_string("meetings/action_log_print.html", context)

    return HTML(string=html).write_pdf()
