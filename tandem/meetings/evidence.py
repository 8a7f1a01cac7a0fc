"""The meetings app's part of the inspection evidence pack: the year's records and the
action log."""

from __future__ import annotations

import datetime as dt
import io

from pypdfium2 import PdfDocument

from tandem.lib.calendar import AcademicYear, at_london
from tandem.lib.evidence import EvidenceSection, still_working
from tandem.meetings import exports
from tandem.meetings.models import Meeting

# Shown while the pack is being prepared.
PROGRESS_LABEL = "Meeting records and the action log"


def sections(school, *, today: dt.date) -> list[EvidenceSection]:  # noqa: ANN001
    year = AcademicYear.of(today)
    start = at_london(year.first_day, dt.time(0, 0))
    meetings = Meeting.objects.filter(
        school=school,
        starts_at__gte=start,
        starts_at__lt=at_london(today, dt.time(0, 0)) + dt.timedelta(days=1),
        record__isnull=False,
    )
    found = []
    records = []
    for meeting in meetings:
        still_working()
        records.append(exports.record_pdf(meeting))
    if records:
        title = f"Meeting records {year.label}"
        found.append(EvidenceSection(title, merge_pdfs(records), order=40))
    still_working()
    log = exports.action_log_pdf(school, year, today=today)
    found.append(EvidenceSection(f"Action log {year.label}", log, order=41))

    return found


def merge_pdfs(parts: list[bytes]) -> bytes:
    """One PDF with every page of `parts`, in order (pypdfium2)."""

    merged = PdfDocument.new()
    for data in parts:
        source = PdfDocument(data)
        merged.import_pages(source)
        source.close()
    buffer = io.BytesIO()
    merged.save(buffer)
    merged.close()

    return buffer.getvalue()
