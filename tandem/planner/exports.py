"""The planner's year as a grid (page and one-page PDF) and as a calendar (.ics)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from django.utils import timezone

from tandem.lib.calendar import AcademicYear, at_london
from tandem.lib.pdf import render_pdf
from tandem.meetings.models import Meeting
from tandem.planner.grid import EntryKind, GridItem, YearGrid, build_grid
from tandem.planner.ics import (
    DEFAULT_REFRESH,
    AllDayItem,
    CalendarItem,
    CalendarSpec,
    TimedItem,
)
from tandem.planner.ics import build_calendar as build_ics
from tandem.planner.models import AcademicYearPlan, FgbMeeting, Holiday
from tandem.planner.schooldays import SchoolCalendar
from tandem.planner.services import proposal_for

FGB_LENGTH = dt.timedelta(hours=2)


def year_meetings(plan: AcademicYearPlan) -> list[Meeting]:
    """The school's SEND meetings in the plan's academic year."""

    first = at_london(plan.year.first_day, dt.time(0))
    last = at_london(plan.year.last_day + dt.timedelta(days=1), dt.time(0))
    return list(
        Meeting.objects.filter(
            school=plan.school, starts_at__gte=first, starts_at__lt=last
        ).order_by("starts_at")
    )


def fgb_meetings(plan: AcademicYearPlan) -> list[FgbMeeting]:
    return list(plan.fgb_meetings.select_related("prep_meeting"))


# The grid


def grid_items(plan: AcademicYearPlan, calendar: SchoolCalendar) -> Iterator[GridItem]:
    for fgb in fgb_meetings(plan):
        yield GridItem(
            fgb.date, EntryKind.FGB, f"FGB {fgb.time:%H:%M}", f"fgb-{fgb.pk}"
        )
        if fgb.prep_meeting is None:
            proposal = proposal_for(fgb, calendar=calendar)
            if proposal.date:
                yield GridItem(proposal.date, EntryKind.PROPOSAL, "Proposed meeting")
    for meeting in year_meetings(plan):
        start = meeting.local_start
        label = f"SENCO–gov {start:%H:%M}"
        yield GridItem(start.date(), EntryKind.MEETING, label, f"meeting-{meeting.pk}")
    for activity in plan.activities.all():
        yield GridItem(
            activity.date,
            EntryKind.ACTIVITY,
            activity.get_kind_display(),
            f"activity-{activity.pk}",
        )
    for term in plan.terms.all():
        name = term.get_term_display()
        yield GridItem(term.first_day, EntryKind.TERM, f"{name} starts")
        yield GridItem(term.last_day, EntryKind.TERM, f"{name} ends")


def plan_grid(
    plan: AcademicYearPlan, *, calendar: SchoolCalendar | None = None
) -> YearGrid:
    calendar = calendar or plan.school_calendar()
    return build_grid(calendar, plan.start_year, grid_items(plan, calendar))


def grid_pdf(plan: AcademicYearPlan, *, today: dt.date) -> bytes:
    """The year on one landscape A4 page."""

    return render_pdf(
        "planner/print_grid.html",
        {"plan": plan, "school": plan.school, "grid": plan_grid(plan), "today": today},
    )


# The calendar


def _uid(kind: str, pk: int, school) -> str:  # noqa: ANN001
    return f"tandem-{kind}-{pk}-school-{school.urn}@tandem"


def calendar_items(plan: AcademicYearPlan) -> Iterator[CalendarItem]:
    school = plan.school
    for fgb in fgb_meetings(plan):
        yield TimedItem(
            uid=_uid("fgb", fgb.pk, school),
            summary=f"Full governing body meeting ({school.name})",
            start=fgb.starts_at,
            end=fgb.starts_at + FGB_LENGTH,
            categories=("FGB",),
            sequence=fgb.version - 1,
        )
    for meeting in year_meetings(plan):
        yield TimedItem(
            uid=_uid("meeting", meeting.pk, school),
            summary=f"{meeting.title} ({school.name})",
            start=meeting.starts_at,
            end=meeting.starts_at + dt.timedelta(minutes=meeting.duration_minutes),
            location=meeting.location,
            categories=("SENCO and SEN governor",),
            sequence=meeting.version - 1,
        )
    for activity in plan.activities.all():
        yield AllDayItem(
            uid=_uid("activity", activity.pk, school),
            summary=f"{activity.get_kind_display()}: {activity.title}",
            first=activity.date,
            last=activity.date,
            categories=(activity.get_kind_display(),),
            sequence=activity.version - 1,
            busy=activity.kind != activity.Kind.REPORT_DEADLINE,
        )
    yield from _term_items(plan)


def _term_items(plan: AcademicYearPlan) -> Iterator[CalendarItem]:
    school = plan.school
    for term in plan.terms.all():
        name = term.get_term_display()
        for kind, day, verb in (
            ("start", term.first_day, "starts"),
            ("end", term.last_day, "ends"),
        ):
            yield AllDayItem(
                uid=_uid(f"term-{kind}", term.pk, school),
                summary=f"{name} {verb} ({school.name})",
                first=day,
                last=day,
                categories=("Term dates",),
            )
    for holiday in plan.holidays.all():
        label = "INSET day" if holiday.kind == Holiday.Kind.INSET else holiday.label
        yield AllDayItem(
            uid=_uid("holiday", holiday.pk, school),
            summary=f"{label} ({school.name})",
            first=holiday.first_day,
            last=holiday.last_day,
            categories=("Term dates",),
        )


def plans_ics(plans: Iterable[AcademicYearPlan], *, name: str, refresh: bool) -> bytes:
    """One .ics with every item of the given plans."""

    items = [item for plan in plans for item in calendar_items(plan)]
    spec = CalendarSpec(
        name=name,
        description="FGB meetings, SENCO and SEN governor meetings, joint activities "
        "and term dates, from Tandem.",
        refresh=DEFAULT_REFRESH if refresh else None,
        items=items,
    )
    return build_ics(spec, stamp=timezone.now())


def plan_ics(plan: AcademicYearPlan) -> bytes:
    name = f"{plan.school.name} SEND planner {plan.year.label}"
    return plans_ics([plan], name=name, refresh=False)


def feed_ics(school, *, today: dt.date) -> bytes:  # noqa: ANN001
    """The subscription: last year's, this year's and next year's plans."""

    this_year = AcademicYear.of(today).start_year
    plans = AcademicYearPlan.objects.filter(
        school=school, start_year__range=(this_year - 1, this_year + 1)
    ).select_related("school")
    return plans_ics(plans, name=f"{school.name} SEND planner (Tandem)", refresh=True)


def ics_filename(plan: AcademicYearPlan) -> str:
    return f"planner-{plan.school.urn}-{plan.year.slug}.ics"
