"""The planner on the dashboard: next FGB, a missing planner, activities due."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from tandem.lib.calendar import AcademicYear
from tandem.planner.models import FgbMeeting, JointActivity
from tandem.schools.dashboard import Attention, DashboardContext, Level, Panel
from tandem.schools.permissions import Capability

SOON = dt.timedelta(days=14)
# Activities older than this and never marked done stop nagging.
LOOK_BACK = dt.timedelta(days=30)


def _year_url(ctx: DashboardContext, year: AcademicYear) -> str:
    return reverse("planner:year", kwargs={"urn": ctx.school.urn, "year": year.slug})


def attention(ctx: DashboardContext) -> list[Attention]:
    if not ctx.can(Capability.MEETINGS):
        return []
    year = AcademicYear.of(ctx.today)
    items = _activities_due(ctx)
    if ctx.can(Capability.MEETINGS, write=True):
        if not ctx.school.year_plans.filter(start_year=year.start_year).exists():
            items.append(
                Attention(
                    Level.INFO,
                    f"There is no year planner for {year.label} yet.",
                    _year_url(ctx, year),
                )
            )
        items.extend(_meetings_to_arrange(ctx))

    return items


def _activities_due(ctx: DashboardContext) -> list[Attention]:
    activities = JointActivity.objects.filter(
        plan__school=ctx.school,
        done_on__isnull=True,
        date__range=(ctx.today - LOOK_BACK, ctx.today + SOON),
    ).select_related("plan")
    items = []
    for activity in activities:
        level = Level.OVERDUE if activity.date < ctx.today else Level.DUE
        items.append(
            Attention(
                level,
                f"{activity.get_kind_display()} on {activity.date:%d/%m/%Y}: "
                f"{activity.title}",
                _year_url(ctx, activity.plan.year) + "#activities-heading",
                due=activity.date,
            )
        )

    return items


def _meetings_to_arrange(ctx: DashboardContext) -> list[Attention]:
    """FGB meetings in the next six weeks with no meeting arranged before them."""

    fgbs = FgbMeeting.objects.filter(
        plan__school=ctx.school,
        prep_meeting__isnull=True,
        date__range=(ctx.today, ctx.today + dt.timedelta(weeks=6)),
    ).select_related("plan")

    return [
        Attention(
            Level.DUE,
            f"Arrange the SENCO and SEN governor meeting before the FGB meeting on "
            f"{fgb.date:%d/%m/%Y}.",
            _year_url(ctx, fgb.plan.year) + f"#fgb-{fgb.pk}",
            due=fgb.date,
        )
        for fgb in fgbs
    ]


def panels(ctx: DashboardContext) -> list[Panel]:
    if not ctx.can(Capability.MEETINGS):
        return []
    fgb = (
        FgbMeeting.objects.filter(plan__school=ctx.school, date__gte=ctx.today)
        .select_related("plan", "prep_meeting")
        .first()
    )
    context = {
        "fgb": fgb,
        "planner_url": reverse("planner:planner", kwargs={"urn": ctx.school.urn}),
    }

    return [Panel("Next FGB meeting", "planner/_dashboard_panel.html", context, 20)]
