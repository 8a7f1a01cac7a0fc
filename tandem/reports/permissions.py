"""Which report a reader may reach: their school's, and drafts only for leaders."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from tandem.reports.models import TermlyReport
from tandem.reports.presenting import Audience
from tandem.schools.permissions import Capability, SchoolAccess


def audience_for(access: SchoolAccess) -> Audience:
    sees_small = access.can(Capability.SMALL_COUNTS)

    return Audience(
        suppress=not sees_small,
        threshold=access.school.suppression_threshold,
        drafts=sees_small,
    )


def get_report_for(
    access: SchoolAccess, pk: int, *, write: bool = False
) -> TermlyReport:
    """The report if this reader may see it. A write by a read-only role is a 403
    (refused before looking); another school's report, or a draft for a governor,
    is a 404."""

    if write:
        access.require(Capability.REPORTS, write=True)
    report = get_object_or_404(TermlyReport, pk=pk, school=access.school)
    # Reopening withdraws a report from governors until it is resubmitted (the SENCO is
    # told so before reopening); the frozen copies stay in the record.
    if report.is_draft and not audience_for(access).drafts:
        raise Http404("No such report.")

    return report
