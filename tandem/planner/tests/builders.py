"""Small builders for planner tests: a 2026/27 plan with real dates."""

from __future__ import annotations

import datetime as dt

from tandem.planner.models import (
    AcademicYearPlan,
    FgbMeeting,
    Holiday,
    JointActivity,
    TermDates,
)
from tandem.planner.tests.calendars import (
    HALF_TERMS_2026_27,
    INSET_2026_27,
    TERMS_2026_27,
    d,
)

YEAR = "2026-27"


def make_plan(school, *, with_dates: bool = True, **overrides) -> AcademicYearPlan:  # noqa: ANN001
    plan = AcademicYearPlan.objects.create(
        school=school, **{"start_year": 2026, **overrides}
    )
    if with_dates:
        for term, span in zip(
            ("autumn", "spring", "summer"), TERMS_2026_27, strict=True
        ):
            TermDates.objects.create(
                plan=plan, term=term, first_day=span.first, last_day=span.last
            )
        names = ("October half-term", "February half-term", "May half-term")
        for name, span in zip(names, HALF_TERMS_2026_27, strict=True):
            Holiday.objects.create(
                plan=plan,
                kind=Holiday.Kind.HALF_TERM,
                name=name,
                first_day=span.first,
                last_day=span.last,
            )
        for day in sorted(INSET_2026_27):
            Holiday.objects.create(
                plan=plan, kind=Holiday.Kind.INSET, first_day=day, last_day=day
            )

    return plan


def make_fgb(
    plan: AcademicYearPlan, day: str = "06/10/2026", **overrides
) -> FgbMeeting:
    fields = {"date": d(day), "time": dt.time(18, 0), **overrides}
    return FgbMeeting.objects.create(plan=plan, **fields)


def make_activity(plan: AcademicYearPlan, **overrides) -> JointActivity:
    fields = {
        "kind": JointActivity.Kind.LEARNING_WALK,
        "title": "Phonics interventions, Key Stage 1",
        "date": d("13/10/2026"),
        **overrides,
    }
    return JointActivity.objects.create(plan=plan, **fields)
