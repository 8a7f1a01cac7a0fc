"""The dashboard's share of termly reports: what is due, and the latest numbers.

Governor-facing roles see the latest submitted report's numbers with small counts
suppressed; the SENCO and leaders see the latest report, draft or not, in full.
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from tandem.reports.models import GovernorQuestion, TermlyReport
from tandem.reports.permissions import audience_for
from tandem.reports.presenting import view_of
from tandem.reports.terms import TermKey
from tandem.schools.dashboard import Attention, DashboardContext, Level, Panel
from tandem.schools.permissions import Capability

# Default term ends when the school has not entered its own dates: 31/12, 31/03, 31/07.
TERM_ENDS = ((12, 31), (3, 31), (7, 31))


def current_term(today: dt.date) -> TermKey:
    start = today.year if today.month >= 9 else today.year - 1
    index = 0 if today.month >= 9 else (1 if today.month <= 3 else 2)

    return TermKey(start, index)


def term_end(key: TermKey) -> dt.date:
    month, day = TERM_ENDS[key.index]

    return dt.date(key.start_year + (key.index > 0), month, day)


def attention(ctx: DashboardContext) -> list[Attention]:
    if not ctx.can(Capability.REPORTS, write=True):
        return []

    items = []
    urn = ctx.school.urn
    key = current_term(ctx.today)
    report = TermlyReport.objects.filter(
        school=ctx.school, academic_year=key.academic_year, term=key.term
    ).first()
    due = term_end(key)
    level = Level.DUE if (due - ctx.today).days <= 28 else Level.INFO
    if report is None:
        items.append(
            Attention(
                level,
                f"Start the {key.label} termly report for governors",
                reverse("reports:report-list", kwargs={"urn": urn}),
                due,
            )
        )
    elif report.is_draft:
        items.append(
            Attention(
                level,
                f"The {key.label} termly report is a draft: submit it to governors",
                reverse("reports:report-detail", kwargs={"urn": urn, "pk": report.pk}),
                due,
            )
        )

    waiting = (
        GovernorQuestion.objects.filter(report__school=ctx.school, answer="")
        .select_related("report")
        .order_by("asked_at")
    )
    count = len(waiting)
    if count:
        first = waiting[0].report
        noun, verb = ("question", "awaits") if count == 1 else ("questions", "await")
        items.append(
            Attention(
                Level.DUE,
                f"{count} governor {noun} on termly reports {verb} your answer",
                reverse("reports:report-detail", kwargs={"urn": urn, "pk": first.pk})
                + "#questions",
            )
        )

    return items


def panels(ctx: DashboardContext) -> list[Panel]:
    if not ctx.can(Capability.REPORTS):
        return []

    audience = audience_for(ctx.access)
    reports = TermlyReport.objects.filter(school=ctx.school).order_by("-period")
    if not audience.drafts:
        reports = reports.filter(status=TermlyReport.Status.SUBMITTED)
    latest = reports.prefetch_related("counts").first()
    context = {
        "report": latest,
        "view": view_of(latest, audience) if latest else None,
        "urn": ctx.school.urn,
        "suppressed": audience.suppress,
    }

    return [
        Panel("Latest SEND numbers", "reports/_dashboard_panel.html", context, order=30)
    ]
