"""Demo planners for Larkspur Primary: 2025/26 (past) and 2026/27 (under way).

Realistic Westmere Council term dates, half-terms and five INSET days a year; six FGB
meetings a year; the meetings before them arranged (through the meetings app) for the
past year and the first three of this year, the rest left as proposals; a dozen joint
activities, the past ones done.
"""

from __future__ import annotations

import datetime as dt

from tandem.lib.calendar import AcademicYear
from tandem.planner import services
from tandem.planner.models import AcademicYearPlan, FgbMeeting, Holiday, JointActivity
from tandem.schools.demo import DemoSchool
from tandem.schools.models import Membership

Role = Membership.Role
Kind = JointActivity.Kind


def _d(text: str) -> dt.date:
    day, month, year = (int(part) for part in text.split("/"))
    return dt.date(year, month, day)


YEARS = {
    2025: {
        "terms": [
            ("autumn", "01/09/2025", "18/12/2025"),
            ("spring", "05/01/2026", "27/03/2026"),
            ("summer", "13/04/2026", "21/07/2026"),
        ],
        "half_terms": [
            ("October half-term", "27/10/2025", "31/10/2025"),
            ("February half-term", "16/02/2026", "20/02/2026"),
            ("May half-term", "25/05/2026", "29/05/2026"),
        ],
        "inset": ["01/09/2025", "02/09/2025", "05/01/2026", "13/04/2026", "21/07/2026"],
        "fgb": [
            "07/10/2025",
            "25/11/2025",
            "03/02/2026",
            "17/03/2026",
            "12/05/2026",
            "07/07/2026",
        ],
        "arranged": 6,
        "activities": [
            (Kind.TRAINING, "Adaptive teaching for all staff (INSET)", "02/09/2025"),
            (Kind.LEARNING_WALK, "Phonics interventions, Key Stage 1", "14/10/2025"),
            (
                Kind.PUPIL_VOICE,
                "Pupils on SEN support: what helps in class",
                "21/01/2026",
            ),
            (Kind.PROVISION_REVIEW, "Speech and language provision", "10/03/2026"),
            (
                Kind.REPORT_DEADLINE,
                "Summer termly SEND report to governors",
                "26/06/2026",
            ),
        ],
    },
    2026: {
        "terms": [
            ("autumn", "01/09/2026", "17/12/2026"),
            ("spring", "04/01/2027", "25/03/2027"),
            ("summer", "12/04/2027", "22/07/2027"),
        ],
        "half_terms": [
            ("October half-term", "26/10/2026", "30/10/2026"),
            ("February half-term", "15/02/2027", "19/02/2027"),
            ("May half-term", "31/05/2027", "04/06/2027"),
        ],
        "inset": ["01/09/2026", "02/09/2026", "04/01/2027", "12/04/2027", "22/07/2027"],
        "fgb": [
            "06/10/2026",
            "24/11/2026",
            "02/02/2027",
            "16/03/2027",
            "11/05/2027",
            "06/07/2027",
        ],
        "arranged": 3,
        "activities": [
            (
                Kind.TRAINING,
                "Supporting autistic pupils at lunchtime (INSET)",
                "02/09/2026",
            ),
            (
                Kind.LEARNING_WALK,
                "Speech and language support in Reception",
                "13/10/2026",
            ),
            (
                Kind.PUPIL_VOICE,
                "Year 6 pupils on transition to secondary",
                "09/12/2026",
            ),
            (
                Kind.REPORT_DEADLINE,
                "Autumn termly SEND report to governors",
                "11/12/2026",
            ),
            (Kind.LEARNING_WALK, "Maths interventions, Years 5 and 6", "10/03/2027"),
            (
                Kind.REPORT_DEADLINE,
                "Spring termly SEND report to governors",
                "19/03/2027",
            ),
            (
                Kind.PROVISION_REVIEW,
                "Costed provision map, half-year review",
                "09/06/2027",
            ),
            (
                Kind.REPORT_DEADLINE,
                "SEN information report: draft for review",
                "02/07/2027",
            ),
        ],
    },
}


def seed(demo: DemoSchool) -> None:
    for start_year, facts in YEARS.items():
        plan = services.create_plan(
            demo.school, AcademicYear(start_year), by=demo.users[Role.SENCO]
        )
        _calendar(demo, plan, facts)
        _fgb_meetings(demo, plan, facts)
        _activities(demo, plan, facts)


def _calendar(demo: DemoSchool, plan: AcademicYearPlan, facts: dict) -> None:
    senco = demo.users[Role.SENCO]
    for term, first, last in facts["terms"]:
        services.set_term_dates(
            plan, term=term, first_day=_d(first), last_day=_d(last), by=senco
        )
    for name, first, last in facts["half_terms"]:
        services.add_holiday(
            plan,
            kind=Holiday.Kind.HALF_TERM,
            name=name,
            first_day=_d(first),
            last_day=_d(last),
            by=senco,
        )
    for day in facts["inset"]:
        services.add_holiday(
            plan, kind=Holiday.Kind.INSET, first_day=_d(day), last_day=_d(day), by=senco
        )


def _fgb_meetings(demo: DemoSchool, plan: AcademicYearPlan, facts: dict) -> None:
    clerk, senco = demo.users[Role.CLERK], demo.users[Role.SENCO]
    fgbs = [
        services.add_fgb_meeting(plan, date=_d(day), time=dt.time(18, 0), by=clerk)
        for day in facts["fgb"]
    ]
    for fgb in fgbs[: facts["arranged"]]:
        _arrange(fgb, by=senco)


def _arrange(fgb: FgbMeeting, *, by: object) -> None:
    """Use a meeting the meetings demo already made in the fortnight before, if any."""

    existing = services.unlinked_meeting_before(fgb)
    if existing is not None:
        services.link_prep_meeting(fgb, existing, by=by)
    else:
        services.accept_proposal(fgb, by=by)


def _activities(demo: DemoSchool, plan: AcademicYearPlan, facts: dict) -> None:
    senco = demo.users[Role.SENCO]
    governor = demo.users[Role.SEN_GOVERNOR]
    for kind, title, day in facts["activities"]:
        actor = governor if kind == Kind.LEARNING_WALK else senco
        activity = services.add_activity(
            plan, kind=kind, title=title, date=_d(day), by=actor
        )
        if activity.date < demo.today - dt.timedelta(days=7):
            services.mark_activity_done(
                activity, on=activity.date, expected_version=activity.version, by=actor
            )
