"""The evidence pack's termly report: the latest submitted one, as governors see it."""

from __future__ import annotations

import datetime as dt

from tandem.lib.evidence import EvidenceSection
from tandem.reports import exports
from tandem.reports.models import TermlyReport
from tandem.reports.presenting import Audience

# Shown while the pack is being prepared.
PROGRESS_LABEL = "The latest termly report"


def sections(school, *, today: dt.date) -> list[EvidenceSection]:  # noqa: ANN001
    latest = (
        TermlyReport.objects.filter(school=school, status=TermlyReport.Status.SUBMITTED)
        .order_by("-period")
        .first()
    )
    if latest is None:
        return []

    audience = Audience(
        suppress=True, threshold=school.suppression_threshold, drafts=False
    )
    pdf = exports.report_pdf(latest, audience, today=today)

    return [EvidenceSection(f"Termly SEND report: {latest.key.label}", pdf, order=40)]
