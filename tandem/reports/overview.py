"""Termly reports on "Your schools": each school's latest submitted report and its
SEN support and EHC plan numbers as shares of the roll, with the change since the term
before.

The numbers go through the same `view_of` as the report page, so a governor-facing
reader sees them suppressed exactly as there: below the school's own threshold, and
with totals withheld where they would give a small number away.
"""

from __future__ import annotations

from django.db.models import F, OuterRef, Subquery, prefetch_related_objects
from django.urls import reverse

from tandem.reports.comparison import compare
from tandem.reports.models import TermlyReport
from tandem.reports.permissions import audience_for
from tandem.reports.presenting import date_text, view_of
from tandem.reports.send_numbers import SendView
from tandem.schools.overview import Cell, Column, OverviewContext
from tandem.schools.permissions import Capability, SchoolAccess

NO_REPORT = "No report submitted yet"
NO_NUMBERS = "No SEND numbers in that report"
HEADLINES = ("SEN support", "EHC plans")


def columns(ctx: OverviewContext) -> list[Column]:
    readers = ctx.readers(Capability.REPORTS)
    if not readers:
        return []
    latest, before = _latest_two([access.school.pk for access in readers])

    reports: dict[int, Cell] = {}
    numbers: dict[str, dict[int, Cell]] = {label: {} for label in HEADLINES}
    hidden = False
    for access in readers:
        pk = access.school.pk
        report = latest.get(pk)
        reports[pk] = _report_cell(access, report)
        now, then = _views(access, report, before.get(pk))
        for label in HEADLINES:
            numbers[label][pk] = _number_cell(label, report, now, then, before.get(pk))
        if now is not None and _any_hidden(now):
            hidden = True

    return [
        Column("Latest termly report", reports, order=10),
        Column(
            "SEN support (share of pupils on roll)",
            numbers["SEN support"],
            order=11,
            notes=(_SUPPRESSED_NOTE,) if hidden else (),
        ),
        Column("EHC plans (share of pupils on roll)", numbers["EHC plans"], order=12),
    ]


_SUPPRESSED_NOTE = (
    "To protect pupils' privacy, numbers below a school's threshold show as “fewer "
    "than” that threshold, and a number marked “not shown” is hidden so that a smaller "
    "one cannot be worked out, as in the termly reports themselves."
)


def _any_hidden(view: SendView) -> bool:
    return any(not view.headline(label).count.visible for label in HEADLINES)


def _latest_two(
    school_pks: list[int],
) -> tuple[dict[int, TermlyReport], dict[int, TermlyReport]]:
    """Each school's latest submitted report, and its submitted report for the term
    just before (when there is one), in two queries whatever the number of schools."""

    submitted = TermlyReport.objects.filter(status=TermlyReport.Status.SUBMITTED)
    newest = submitted.filter(school=OuterRef("school")).order_by("-period")
    reports = list(
        submitted.filter(school__in=school_pks)
        .annotate(newest=Subquery(newest.values("period")[:1]))
        .filter(period__gte=F("newest") - 1)
    )
    prefetch_related_objects(reports, "counts")

    latest = {r.school_id: r for r in reports if r.period == r.newest}
    before = {r.school_id: r for r in reports if r.period == r.newest - 1}

    return latest, before


def _views(
    access: SchoolAccess, report: TermlyReport | None, earlier: TermlyReport | None
) -> tuple[SendView | None, SendView | None]:
    audience = audience_for(access)
    now = view_of(report, audience) if report else None
    then = view_of(earlier, audience) if earlier else None

    return now, then


def _report_cell(access: SchoolAccess, report: TermlyReport | None) -> Cell:
    if report is None:
        return Cell(NO_REPORT)
    url = reverse(
        "reports:report-detail", kwargs={"urn": access.school.urn, "pk": report.pk}
    )
    submitted = (
        (f"Submitted {date_text(report.submitted_at)}",) if report.submitted_at else ()
    )

    return Cell(report.key.label, url=url, notes=submitted)


def _number_cell(
    label: str,
    report: TermlyReport | None,
    now: SendView | None,
    then: SendView | None,
    earlier: TermlyReport | None,
) -> Cell:
    if report is None:
        return Cell(NO_REPORT)
    if now is None:
        return Cell(NO_NUMBERS)
    headline = now.headline(label)
    count = headline.count
    if not count.visible:
        text = count.text
    elif headline.percent == "n/a":
        text = f"{count.text} pupils"
    else:
        text = f"{headline.percent} ({count.text} pupils)"

    return Cell(text, notes=(_change(label, now, then, earlier),))


def _change(
    label: str, now: SendView, then: SendView | None, earlier: TermlyReport | None
) -> str:
    """Worded as the report's own term-on-term table words it."""

    if earlier is None:
        return "Term before: no report submitted"
    current = now.headline(label).count
    previous = then.headline(label).count if then else None
    hidden = not current.visible or (previous is not None and not previous.visible)
    change = compare(
        current.value,
        previous.value if previous else None,
        hidden=hidden,
        missing_text="n/a",
    )

    return f"Since {earlier.key.label}: {change.text}"
