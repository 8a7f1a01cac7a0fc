"""Regulation 49: every worked case of domain.md section 3, then the boundaries."""

import datetime as dt
from dataclasses import dataclass, field

import pytest

from tandem.duties.qualification import (
    Course,
    CourseKind,
    Induction,
    PriorStint,
    Progress,
    SencoFacts,
    Status,
    anniversary,
    assess,
)

D = dt.date
NASENCO, NPQ = CourseKind.NASENCO, CourseKind.NPQ
EVALUATED = D(2025, 12, 1)


@dataclass(frozen=True)
class Case:
    name: str
    facts: SencoFacts
    status: Status
    deadline: dt.date | None
    on: dt.date = EVALUATED
    eligible: bool = True
    progress: Progress | None = None
    reason_has: str = ""
    review: bool = False
    extra: dict = field(default_factory=dict)


WORKED_CASES = [
    Case(
        "1 SENCO since 01/01/2008, no award",
        SencoFacts(became_senco=D(2008, 1, 1)),
        Status.NOT_REQUIRED,
        None,
        reason_has="before 01/09/2009",
    ),
    Case(
        "2 became SENCO on 01/09/2009 itself: not after, flagged",
        SencoFacts(became_senco=D(2009, 9, 1)),
        Status.NOT_REQUIRED,
        None,
        reason_has="01/09/2009 itself",
        review=True,
    ),
    Case(
        "3 18 months earlier at another mainstream school",
        SencoFacts(became_senco=D(2023, 9, 1), prior_months=18),
        Status.NOT_REQUIRED,
        None,
        reason_has="18 months' earlier SENCO service",
    ),
    Case(
        "3 18 months as a stint",
        SencoFacts(
            became_senco=D(2023, 9, 1),
            prior_stints=(PriorStint(D(2021, 9, 1), D(2023, 2, 28)),),
        ),
        Status.NOT_REQUIRED,
        None,
        reason_has="is more than 12 months",
    ),
    Case(
        "4 exactly 12 months earlier: the rule applies",
        SencoFacts(
            became_senco=D(2023, 9, 1),
            prior_stints=(PriorStint(D(2020, 9, 1), D(2021, 8, 31)),),
        ),
        Status.DUE,
        D(2026, 9, 1),
        progress=Progress.ACTION_NEEDED,
        reason_has="exactly 12 months is not more than 12 months",
    ),
    Case(
        "5 stints of 7 and 6 months make 13: exempt",
        SencoFacts(
            became_senco=D(2023, 9, 1),
            prior_stints=(
                PriorStint(D(2019, 9, 1), D(2020, 3, 31)),
                PriorStint(D(2020, 9, 1), D(2021, 2, 28)),
            ),
        ),
        Status.NOT_REQUIRED,
        None,
        reason_has="394 days in all",
    ),
    Case(
        "6 two years at an independent special school only",
        SencoFacts(
            became_senco=D(2023, 9, 1),
            prior_stints=(
                PriorStint(D(2021, 9, 1), D(2023, 8, 31), relevant_school=False),
            ),
        ),
        Status.DUE,
        D(2026, 9, 1),
        progress=Progress.ACTION_NEEDED,
        reason_has="not relevant schools does not count",
    ),
    Case(
        "7 NASENCO 09/2022 to 07/2024",
        SencoFacts(
            became_senco=D(2022, 1, 1),
            courses=(Course(NASENCO, D(2022, 9, 1), D(2024, 7, 15)),),
        ),
        Status.COMPLIANT,
        D(2025, 1, 1),
        reason_has="awarded 15/07/2024, which counts",
    ),
    Case(
        "8 NASENCO begun 01/2024, due 12/2025: on track",
        SencoFacts(
            became_senco=D(2024, 4, 1),
            courses=(Course(NASENCO, D(2024, 1, 8), expected=D(2025, 12, 19)),),
        ),
        Status.DUE,
        D(2027, 4, 1),
        progress=Progress.ON_TRACK,
        reason_has="will count if awarded by 01/04/2027",
    ),
    Case(
        "9 NASENCO finishing 10/09/2027 never counts: action needed before",
        SencoFacts(
            became_senco=D(2024, 6, 1),
            courses=(Course(NASENCO, D(2024, 6, 10), expected=D(2027, 9, 10)),),
        ),
        Status.DUE,
        D(2027, 6, 1),
        progress=Progress.ACTION_NEEDED,
    ),
    Case(
        "9 overdue from 02/06/2027",
        SencoFacts(
            became_senco=D(2024, 6, 1),
            courses=(Course(NASENCO, D(2024, 6, 10), expected=D(2027, 9, 10)),),
        ),
        Status.OVERDUE,
        D(2027, 6, 1),
        on=D(2027, 6, 2),
    ),
    Case(
        "9 still overdue once the late NASENCO is awarded",
        SencoFacts(
            became_senco=D(2024, 6, 1),
            courses=(Course(NASENCO, D(2024, 6, 10), D(2027, 9, 10)),),
        ),
        Status.OVERDUE,
        D(2027, 6, 1),
        on=D(2027, 9, 10),
        reason_has="had to be completed before 01/09/2027",
    ),
    Case(
        "9 compliant once the NPQ is awarded",
        SencoFacts(
            became_senco=D(2024, 6, 1),
            courses=(
                Course(NASENCO, D(2024, 6, 10), D(2027, 9, 10)),
                Course(NPQ, D(2027, 10, 1), D(2029, 7, 1)),
            ),
        ),
        Status.COMPLIANT,
        D(2027, 6, 1),
        on=D(2029, 7, 1),
    ),
    Case(
        "10 NPQ begun 10/2024, awarded 07/2026: on track before",
        SencoFacts(
            became_senco=D(2024, 10, 1),
            courses=(Course(NPQ, D(2024, 10, 14), D(2026, 7, 10)),),
        ),
        Status.DUE,
        D(2027, 10, 1),
        progress=Progress.ON_TRACK,
    ),
    Case(
        "10 compliant from the NPQ award",
        SencoFacts(
            became_senco=D(2024, 10, 1),
            courses=(Course(NPQ, D(2024, 10, 14), D(2026, 7, 10)),),
        ),
        Status.COMPLIANT,
        D(2027, 10, 1),
        on=D(2026, 7, 10),
    ),
    Case(
        "11 NASENCO begun 01/2025 will not count: action needed, NPQ",
        SencoFacts(
            became_senco=D(2024, 10, 1),
            courses=(Course(NASENCO, D(2025, 1, 6)),),
        ),
        Status.DUE,
        D(2027, 10, 1),
        progress=Progress.ACTION_NEEDED,
        reason_has="new enrolments must be on the NPQ for SENCOs",
    ),
    Case(
        "12 head designated SENCO 01/01/2020, no award",
        SencoFacts(became_senco=D(2020, 1, 1), is_head=True, qts=False),
        Status.OVERDUE,
        D(2023, 1, 1),
        reason_has="headteacher or acting headteacher (reg 49(3))",
        review=True,
    ),
    Case(
        "13 non-head without QTS",
        SencoFacts(became_senco=D(2024, 9, 1), qts=False),
        Status.INELIGIBLE,
        D(2027, 9, 1),
        eligible=False,
        reason_has="is not a qualified teacher (reg 49(2))",
    ),
    Case(
        "13 mid-induction",
        SencoFacts(became_senco=D(2024, 9, 1), induction=Induction.NOT_PASSED),
        Status.INELIGIBLE,
        D(2027, 9, 1),
        eligible=False,
        reason_has="has not completed induction (reg 49(2))",
    ),
    Case(
        "14 start 29/02/2024: last day 28/02/2027",
        SencoFacts(became_senco=D(2024, 2, 29)),
        Status.DUE,
        D(2027, 2, 28),
        on=D(2027, 2, 28),
        progress=Progress.ACTION_NEEDED,
    ),
    Case(
        "14 start 29/02/2024: needed from 01/03/2027",
        SencoFacts(became_senco=D(2024, 2, 29)),
        Status.OVERDUE,
        D(2027, 2, 28),
        on=D(2027, 3, 1),
    ),
    Case(
        "15 start 01/09/2022: last day 01/09/2025",
        SencoFacts(became_senco=D(2022, 9, 1)),
        Status.DUE,
        D(2025, 9, 1),
        on=D(2025, 9, 1),
        progress=Progress.ACTION_NEEDED,
        reason_has="Fewer than 24 months remain",
    ),
    Case(
        "15 start 01/09/2022: overdue on 02/09/2025",
        SencoFacts(became_senco=D(2022, 9, 1)),
        Status.OVERDUE,
        D(2025, 9, 1),
        on=D(2025, 9, 2),
        reason_has="needed by 01/09/2025",
    ),
]

BOUNDARY_CASES = [
    Case(
        "became SENCO 02/09/2009, the first day after",
        SencoFacts(became_senco=D(2009, 9, 2)),
        Status.OVERDUE,
        D(2012, 9, 2),
    ),
    Case(
        "12 months exactly, in whole months",
        SencoFacts(became_senco=D(2023, 9, 1), prior_months=12),
        Status.DUE,
        D(2026, 9, 1),
        progress=Progress.ACTION_NEEDED,
    ),
    Case(
        "13 months, in whole months",
        SencoFacts(became_senco=D(2023, 9, 1), prior_months=13),
        Status.NOT_REQUIRED,
        None,
    ),
    Case(
        "one stint a day over 12 months",
        SencoFacts(
            became_senco=D(2023, 9, 1),
            prior_stints=(PriorStint(D(2020, 9, 1), D(2021, 9, 1)),),
        ),
        Status.NOT_REQUIRED,
        None,
    ),
    Case(
        "one stint a day under 12 months",
        SencoFacts(
            became_senco=D(2023, 9, 1),
            prior_stints=(PriorStint(D(2020, 9, 1), D(2021, 8, 30)),),
        ),
        Status.DUE,
        D(2026, 9, 1),
        progress=Progress.ACTION_NEEDED,
    ),
    Case(
        "two stints of 365 days in all, no 29 February: exactly a year, flagged",
        SencoFacts(
            became_senco=D(2023, 9, 1),
            prior_stints=(
                PriorStint(D(2021, 1, 1), D(2021, 6, 30)),  # 181 days
                PriorStint(D(2021, 9, 1), D(2022, 3, 3)),  # 184 days
            ),
        ),
        Status.DUE,
        D(2026, 9, 1),
        progress=Progress.ACTION_NEEDED,
        reason_has="adds up to 365 days",
        review=True,
    ),
    Case(
        "two stints of 366 days, no 29 February: more than a year, flagged",
        SencoFacts(
            became_senco=D(2023, 9, 1),
            prior_stints=(
                PriorStint(D(2021, 1, 1), D(2021, 6, 30)),
                PriorStint(D(2021, 9, 1), D(2022, 3, 4)),
            ),
        ),
        Status.NOT_REQUIRED,
        None,
        reason_has="366 days in all",
        review=True,
    ),
    Case(
        "two stints of 366 days across 29 February: exactly a year, flagged",
        SencoFacts(
            became_senco=D(2023, 9, 1),
            prior_stints=(
                PriorStint(D(2020, 1, 1), D(2020, 6, 29)),  # 181 days, with 29/02
                PriorStint(D(2020, 9, 1), D(2021, 3, 4)),  # 185 days
            ),
        ),
        Status.DUE,
        D(2026, 9, 1),
        progress=Progress.ACTION_NEEDED,
        reason_has="adds up to 366 days",
        review=True,
    ),
    Case(
        "two stints of 367 days across 29 February: more than a year",
        SencoFacts(
            became_senco=D(2023, 9, 1),
            prior_stints=(
                PriorStint(D(2020, 1, 1), D(2020, 6, 29)),
                PriorStint(D(2020, 9, 1), D(2021, 3, 5)),
            ),
        ),
        Status.NOT_REQUIRED,
        None,
        reason_has="367 days in all",
        review=True,
    ),
    Case(
        "NASENCO started 31/08/2024 counts",
        SencoFacts(
            became_senco=D(2024, 6, 1),
            courses=(Course(NASENCO, D(2024, 8, 31), D(2026, 6, 30)),),
        ),
        Status.COMPLIANT,
        D(2027, 6, 1),
        on=D(2026, 7, 1),
    ),
    Case(
        "NASENCO started 01/09/2024 does not count",
        SencoFacts(
            became_senco=D(2024, 6, 1),
            courses=(Course(NASENCO, D(2024, 9, 1), D(2026, 6, 30)),),
        ),
        Status.DUE,
        D(2027, 6, 1),
        on=D(2026, 7, 1),
        progress=Progress.ACTION_NEEDED,
        reason_has="started 01/09/2024 does not count",
    ),
    Case(
        "NPQ started 31/08/2024 is a data error and does not count",
        SencoFacts(
            became_senco=D(2024, 6, 1),
            courses=(Course(NPQ, D(2024, 8, 31), D(2026, 6, 30)),),
        ),
        Status.DUE,
        D(2027, 6, 1),
        on=D(2026, 7, 1),
        progress=Progress.ACTION_NEEDED,
        reason_has="dated 31/08/2024 starts before 01/09/2024",
        review=True,
    ),
    Case(
        "NPQ started 01/09/2024 counts",
        SencoFacts(
            became_senco=D(2024, 6, 1),
            courses=(Course(NPQ, D(2024, 9, 1), D(2026, 6, 30)),),
        ),
        Status.COMPLIANT,
        D(2027, 6, 1),
        on=D(2026, 7, 1),
    ),
    Case(
        "NASENCO completed 31/08/2027 counts (late, so overdue until then)",
        SencoFacts(
            became_senco=D(2024, 6, 1),
            courses=(Course(NASENCO, D(2024, 1, 8), D(2027, 8, 31)),),
        ),
        Status.COMPLIANT,
        D(2027, 6, 1),
        on=D(2027, 8, 31),
    ),
    Case(
        "the day before that late NASENCO award: overdue",
        SencoFacts(
            became_senco=D(2024, 6, 1),
            courses=(Course(NASENCO, D(2024, 1, 8), D(2027, 8, 31)),),
        ),
        Status.OVERDUE,
        D(2027, 6, 1),
        on=D(2027, 8, 30),
    ),
    Case(
        "NASENCO completed 01/09/2027 does not count",
        SencoFacts(
            became_senco=D(2024, 6, 1),
            courses=(Course(NASENCO, D(2024, 1, 8), D(2027, 9, 1)),),
        ),
        Status.OVERDUE,
        D(2027, 6, 1),
        on=D(2027, 9, 1),
        reason_has="completed 01/09/2027 does not count",
    ),
    Case(
        "an award dated after the evaluation day is not held yet",
        SencoFacts(
            became_senco=D(2024, 10, 1),
            courses=(Course(NPQ, D(2024, 10, 14), D(2026, 7, 10)),),
        ),
        Status.DUE,
        D(2027, 10, 1),
        on=D(2026, 7, 9),
        progress=Progress.ON_TRACK,
    ),
    Case(
        "NPQ with no expected date started too late to finish in 18 months",
        SencoFacts(
            became_senco=D(2024, 10, 1),
            courses=(Course(NPQ, D(2026, 6, 1)),),
        ),
        Status.DUE,
        D(2027, 10, 1),
        on=D(2026, 7, 1),
        progress=Progress.ACTION_NEEDED,
    ),
    Case(
        "NPQ with no expected date started in time",
        SencoFacts(
            became_senco=D(2024, 10, 1),
            courses=(Course(NPQ, D(2026, 4, 1)),),
        ),
        Status.DUE,
        D(2027, 10, 1),
        on=D(2026, 7, 1),
        progress=Progress.ON_TRACK,
    ),
    Case(
        "an expected date that has passed without an award is flagged",
        SencoFacts(
            became_senco=D(2024, 4, 1),
            courses=(Course(NASENCO, D(2024, 1, 8), expected=D(2025, 7, 18)),),
        ),
        Status.DUE,
        D(2027, 4, 1),
        progress=Progress.ON_TRACK,
        reason_has="The expected date, 18/07/2025, has passed with no award recorded",
        review=True,
    ),
    Case(
        "not a relevant school",
        SencoFacts(became_senco=D(2024, 9, 1), relevant_school=False),
        Status.NOT_REQUIRED,
        None,
        reason_has="Not a relevant school",
    ),
    Case(
        "exempt from induction is eligible",
        SencoFacts(became_senco=D(2024, 9, 1), induction=Induction.EXEMPT),
        Status.DUE,
        D(2027, 9, 1),
        progress=Progress.ACTION_NEEDED,
        reason_has="exempt from induction",
    ),
    Case(
        "QTS only through paragraph 8A is not eligible",
        SencoFacts(became_senco=D(2024, 9, 1), qts_via_para_8a=True),
        Status.INELIGIBLE,
        D(2027, 9, 1),
        eligible=False,
        reason_has="only through paragraph 8A",
    ),
    Case(
        "not teaching at the school",
        SencoFacts(became_senco=D(2024, 9, 1), teaches_here=False),
        Status.INELIGIBLE,
        D(2027, 9, 1),
        eligible=False,
        reason_has="does not work as a teacher at the school",
    ),
]


@pytest.mark.parametrize("case", WORKED_CASES + BOUNDARY_CASES, ids=lambda c: c.name)
def test_assess(case: Case) -> None:
    result = assess(case.facts, on=case.on)

    assert (result.status, result.deadline) == (case.status, case.deadline)
    assert result.eligible is case.eligible
    assert result.duty_applies is (case.deadline is not None)
    assert result.progress == case.progress
    assert bool(result.review) is case.review
    assert case.reason_has in " ".join(result.reasons)
    assert all("(reg " in r or "(CFA" in r or "months." in r for r in result.reasons)


@pytest.mark.parametrize(
    ("became", "third"),
    [
        (D(2024, 2, 29), D(2027, 2, 28)),
        (D(2023, 9, 1), D(2026, 9, 1)),
        (D(2025, 2, 28), D(2028, 2, 28)),
        (D(2021, 3, 1), D(2024, 3, 1)),
    ],
)
def test_anniversary(became: dt.date, third: dt.date) -> None:
    assert anniversary(became) == third


def test_dashboard_warning_starts_six_months_before_the_deadline() -> None:
    result = assess(SencoFacts(became_senco=D(2024, 4, 1)), on=D(2025, 12, 1))

    assert result.warning_from == D(2026, 10, 1)


def test_json_shape() -> None:
    result = assess(SencoFacts(became_senco=D(2024, 4, 1)), on=D(2025, 12, 1))

    assert result.as_json() == {
        "eligible": True,
        "duty_applies": True,
        "deadline": "2027-04-01",
        "status": "due",
        "reasons": list(result.reasons),
    }
    assert result.as_json()["reasons"][0].startswith("Eligible: a qualified teacher")


def test_months_and_stints_together_are_refused() -> None:
    with pytest.raises(ValueError, match="not both"):
        SencoFacts(
            became_senco=D(2024, 4, 1),
            prior_months=3,
            prior_stints=(PriorStint(D(2020, 1, 1), D(2020, 3, 31)),),
        )


def test_course_completed_before_it_started_is_refused() -> None:
    with pytest.raises(ValueError, match="before it started"):
        Course(NPQ, D(2025, 1, 1), D(2024, 1, 1))
