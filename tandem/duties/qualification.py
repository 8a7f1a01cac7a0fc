"""Regulation 49: may this person be SENCO, and must they hold the qualification yet?

A pure rule module (no Django) following domain.md section 3 step by step. `assess()`
takes the facts about one SENCO and a day, and returns what the product reports: whether
they are eligible, whether the three-year duty applies, its deadline and a status, with
reasons that each cite the paragraph they rest on.
"""

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from dateutil.relativedelta import relativedelta

RULE_START = dt.date(2009, 9, 1)  # reg 49(4): became SENCO *after* this day
NASENCO_STARTED_BEFORE = dt.date(2024, 9, 1)  # reg 49(7) as amended by SI 2024/535
NASENCO_COMPLETED_BEFORE = dt.date(2027, 9, 1)
NPQ_STARTED_FROM = dt.date(2024, 9, 1)
NPQ_TYPICAL_MONTHS = 18  # DfE: the NPQ for SENCOs takes 18 to 22 months
ENROLMENT_WARNING_MONTHS = 24
DASHBOARD_WARNING_MONTHS = 6
REVIEW_MARGIN_DAYS = 5


class Status(StrEnum):
    INELIGIBLE = "ineligible"
    NOT_REQUIRED = "not_required"
    COMPLIANT = "compliant"
    DUE = "due"
    OVERDUE = "overdue"


class Progress(StrEnum):
    ON_TRACK = "on_track"
    ACTION_NEEDED = "action_needed"


class Induction(StrEnum):
    PASSED = "yes"
    NOT_PASSED = "no"
    EXEMPT = "exempt"


class CourseKind(StrEnum):
    NASENCO = "nasenco"
    NPQ = "npq"


COURSE_NAMES = {
    CourseKind.NASENCO: "National Award for SEN Co-ordination",
    CourseKind.NPQ: "NPQ for SENCOs",
}


@dataclass(frozen=True)
class Course:
    """A qualification course; `completed` is the award date, `expected` a forecast."""

    kind: CourseKind
    started: dt.date
    completed: dt.date | None = None
    expected: dt.date | None = None

    def __post_init__(self) -> None:
        if self.completed is not None and self.completed < self.started:
            raise ValueError("A course cannot be completed before it started.")

    @property
    def name(self) -> str:
        return COURSE_NAMES[CourseKind(self.kind)]

    def may_count(self) -> bool:
        """Started inside its legal window (reg 49(7))."""

        if self.kind == CourseKind.NASENCO:
            return self.started < NASENCO_STARTED_BEFORE
        return self.started >= NPQ_STARTED_FROM

    def counts_if_finished(self, finished: dt.date) -> bool:
        if self.kind == CourseKind.NASENCO:
            return self.may_count() and finished < NASENCO_COMPLETED_BEFORE
        return self.may_count()

    def held_on(self, day: dt.date) -> bool:
        """An award on or before `day` that counts under reg 49(7)."""

        return (
            self.completed is not None
            and self.completed <= day
            and self.counts_if_finished(self.completed)
        )


@dataclass(frozen=True)
class PriorStint:
    """Earlier SENCO service elsewhere, first and last day inclusive."""

    started: dt.date
    ended: dt.date
    relevant_school: bool = True


@dataclass(frozen=True)
class SencoFacts:
    became_senco: dt.date
    qts: bool = True
    qts_via_para_8a: bool = False
    induction: Induction = Induction.PASSED
    teaches_here: bool = True
    is_head: bool = False
    prior_months: int = 0
    prior_stints: tuple[PriorStint, ...] = ()
    courses: tuple[Course, ...] = ()
    relevant_school: bool = True

    def __post_init__(self) -> None:
        if self.prior_months < 0:
            raise ValueError("Earlier SENCO service cannot be negative.")
        if self.prior_months and self.prior_stints:
            raise ValueError("Give earlier service in months or as stints, not both.")


@dataclass(frozen=True)
class Assessment:
    eligible: bool
    duty_applies: bool
    deadline: dt.date | None
    status: Status
    progress: Progress | None = None
    reasons: tuple[str, ...] = ()
    review: tuple[str, ...] = field(default=())

    @property
    def warning_from(self) -> dt.date | None:
        """The dashboard warns from six months before the deadline."""

        if self.deadline is None:
            return None
        return self.deadline - relativedelta(months=DASHBOARD_WARNING_MONTHS)

    def as_json(self) -> dict[str, object]:
        return {
            "eligible": self.eligible,
            "duty_applies": self.duty_applies,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "status": str(self.status),
            "reasons": list(self.reasons),
        }


def anniversary(became_senco: dt.date) -> dt.date:
    """The third anniversary; 29 February gives 28 February (the cautious reading)."""

    return became_senco + relativedelta(years=3)


def assess(facts: SencoFacts, *, on: dt.date) -> Assessment:
    """Apply regulation 49 to `facts` as it stands on the day `on`."""

    notes = _Notes()
    eligible = _check_eligibility(facts, notes)
    if not facts.relevant_school:
        notes.add(
            "Not a relevant school (a mainstream school or maintained nursery), so"
            " regulation 49 does not apply (reg 2; CFA s.67(2))."
        )
        return notes.result(eligible, False, None, Status.NOT_REQUIRED)

    duty_applies = _check_duty_applies(facts, notes)
    deadline = anniversary(facts.became_senco) if duty_applies else None
    if not eligible:
        return notes.result(eligible, duty_applies, deadline, Status.INELIGIBLE)
    if deadline is None:
        return notes.result(eligible, duty_applies, None, Status.NOT_REQUIRED)

    return _qualification_status(facts, deadline, on, notes)


class _Notes:
    """Collects reasons and review flags while the rules run."""

    def __init__(self) -> None:
        self.reasons: list[str] = []
        self.review: list[str] = []

    def add(self, reason: str) -> None:
        self.reasons.append(reason)

    def flag(self, reason: str) -> None:
        self.reasons.append(reason)
        self.review.append(reason)

    def result(
        self,
        eligible: bool,
        duty_applies: bool,
        deadline: dt.date | None,
        status: Status,
        progress: Progress | None = None,
    ) -> Assessment:
        return Assessment(
            eligible=eligible,
            duty_applies=duty_applies,
            deadline=deadline,
            status=status,
            progress=progress,
            reasons=tuple(self.reasons),
            review=tuple(self.review),
        )


def _check_eligibility(facts: SencoFacts, notes: _Notes) -> bool:
    if facts.is_head:
        notes.add("Eligible as the headteacher or acting headteacher (reg 49(3)).")
        return True

    problems = []
    if not facts.qts:
        problems.append("is not a qualified teacher")
    elif facts.qts_via_para_8a:
        problems.append("holds qualified teacher status only through paragraph 8A")
    if facts.induction == Induction.NOT_PASSED:
        problems.append("has not completed induction")
    if not facts.teaches_here:
        problems.append("does not work as a teacher at the school")
    if problems:
        notes.add(f"Not eligible: the SENCO {_join(problems)} (reg 49(2)).")
        return False

    induction = (
        "exempt from induction"
        if facts.induction == Induction.EXEMPT
        else ("has completed induction")
    )
    notes.add(
        f"Eligible: a qualified teacher who {induction} and teaches at the school"
        " (reg 49(2))."
    )
    return True


def _check_duty_applies(facts: SencoFacts, notes: _Notes) -> bool:
    start = facts.became_senco
    if start < RULE_START:
        notes.add(
            f"Became SENCO here on {_show(start)}, before 01/09/2009, so the"
            " qualification duty does not apply (reg 49(4))."
        )
        return False
    if start == RULE_START:
        notes.flag(
            "Became SENCO here on 01/09/2009 itself; the duty covers those who became"
            " SENCO after that day, so it does not apply; check the date (reg 49(4))."
        )
        return False
    if _more_than_twelve_months(facts, notes):
        return False

    notes.add(
        f"Became SENCO here on {_show(start)} with no more than 12 months' earlier"
        f" SENCO service, so the qualification is needed by the third anniversary,"
        f" {_show(anniversary(start))} (reg 49(4))."
    )
    if facts.is_head:
        notes.flag(
            "The duty also binds a headteacher who is SENCO, counted from becoming"
            " SENCO here (reg 49(4); reading unconfirmed)."
        )
    return True


def _more_than_twelve_months(facts: SencoFacts, notes: _Notes) -> bool:
    if not facts.prior_stints:
        if facts.prior_months > 12:
            notes.add(
                f"{facts.prior_months} months' earlier SENCO service at relevant"
                " schools is more than 12, so the duty does not apply (reg 49(4))."
            )
            return True
        return False

    ignored = [stint for stint in facts.prior_stints if not stint.relevant_school]
    if ignored:
        notes.add(
            "Earlier service at schools that are not relevant schools does not count"
            " towards the 12 months (reg 49(4))."
        )
    relevant = [stint for stint in facts.prior_stints if stint.relevant_school]
    if not relevant:
        return False
    if len(relevant) == 1:
        return _one_stint_over_twelve_months(relevant[0], notes)
    return _stints_over_twelve_months(relevant, notes)


def _one_stint_over_twelve_months(stint: PriorStint, notes: _Notes) -> bool:
    twelve_months_end = stint.started + relativedelta(months=12)
    day_after = stint.ended + dt.timedelta(days=1)
    if day_after > twelve_months_end:
        notes.add(
            f"Earlier SENCO service from {_show(stint.started)} to {_show(stint.ended)}"
            " is more than 12 months, so the duty does not apply (reg 49(4))."
        )
        return True
    if day_after == twelve_months_end:
        notes.add(
            "Earlier SENCO service of exactly 12 months is not more than 12 months"
            " (reg 49(4))."
        )
    return False


def _stints_over_twelve_months(stints: list[PriorStint], notes: _Notes) -> bool:
    days = sum((stint.ended - stint.started).days + 1 for stint in stints)
    year = 366 if any(_spans_leap_day(stint) for stint in stints) else 365
    if abs(days - year) <= REVIEW_MARGIN_DAYS:
        notes.flag(
            f"Earlier SENCO service adds up to {days} days, within"
            f" {REVIEW_MARGIN_DAYS} days of 12 months; check the dates (reg 49(4))."
        )
    if days > year:
        notes.add(
            f"Earlier SENCO service of {days} days in all is more than 12 months,"
            " so the duty does not apply (reg 49(4))."
        )
        return True
    return False


def _spans_leap_day(stint: PriorStint) -> bool:
    return any(
        stint.started <= dt.date(year, 2, 29) <= stint.ended
        for year in range(stint.started.year, stint.ended.year + 1)
        if _is_leap(year)
    )


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _qualification_status(
    facts: SencoFacts, deadline: dt.date, on: dt.date, notes: _Notes
) -> Assessment:
    _note_courses_that_cannot_count(facts.courses, notes)
    held = [course for course in facts.courses if course.held_on(on)]
    if held:
        award = min(held, key=lambda course: course.completed or on)
        notes.add(
            f"Holds the {award.name}, awarded {_show(award.completed)}, which counts"
            " (reg 49(4) and (7))."
        )
        return notes.result(True, True, deadline, Status.COMPLIANT)

    if on > deadline:
        notes.add(
            f"Overdue: the qualification was needed by {_show(deadline)} and no"
            " counting award is recorded (reg 49(4))."
        )
        return notes.result(True, True, deadline, Status.OVERDUE)

    progress = _progress(facts.courses, deadline, on, notes)
    return notes.result(True, True, deadline, Status.DUE, progress)


def _note_courses_that_cannot_count(courses: tuple[Course, ...], notes: _Notes) -> None:
    for course in courses:
        if course.kind == CourseKind.NPQ and not course.may_count():
            notes.flag(
                f"An NPQ for SENCOs dated {_show(course.started)} starts before"
                " 01/09/2024, when the NPQ began to count; check the record"
                " (reg 49(7))."
            )
        elif not course.may_count():
            notes.add(
                f"The National Award started {_show(course.started)} does not count:"
                " it must have been started before 01/09/2024 (reg 49(7))."
            )
        elif course.completed and not course.counts_if_finished(course.completed):
            notes.add(
                f"The National Award completed {_show(course.completed)} does not"
                " count: it had to be completed before 01/09/2027 (reg 49(7))."
            )


def _progress(
    courses: tuple[Course, ...], deadline: dt.date, on: dt.date, notes: _Notes
) -> Progress:
    for course in courses:
        if _will_finish_in_time(course, deadline, on):
            finish = course.completed or course.expected
            by = f", expected {_show(finish)}" if finish else ""
            notes.add(
                f"On track: enrolled on the {course.name} (started"
                f" {_show(course.started)}{by}), which will count if awarded by"
                f" {_show(deadline)} (reg 49(7))."
            )
            if finish is not None and finish < on:
                notes.flag(
                    f"The expected date, {_show(finish)}, has passed with no award"
                    " recorded; check whether it has been awarded (reg 49(7))."
                )
            return Progress.ON_TRACK

    notes.add(
        f"Action needed: due by {_show(deadline)} and not enrolled on a course that"
        " will count in time; new enrolments must be on the NPQ for SENCOs"
        " (reg 49(7))."
    )
    if on > deadline - relativedelta(months=ENROLMENT_WARNING_MONTHS):
        notes.add(
            "Fewer than 24 months remain, and the NPQ for SENCOs takes 18 to 22 months."
        )
    return Progress.ACTION_NEEDED


def _will_finish_in_time(course: Course, deadline: dt.date, on: dt.date) -> bool:
    if not course.may_count():
        return False
    finish = course.completed or course.expected
    if finish is not None:
        return finish <= deadline and course.counts_if_finished(finish)
    if course.kind == CourseKind.NPQ:
        return course.started + relativedelta(months=NPQ_TYPICAL_MONTHS) <= deadline
    return on < NASENCO_COMPLETED_BEFORE


def headline(result: Assessment) -> str:
    """compliant / due by DATE / overdue / not required / not eligible."""

    if result.status == Status.DUE and result.deadline:
        return f"due by {result.deadline:%d/%m/%Y}"
    if result.status == Status.OVERDUE and result.deadline:
        return f"overdue since {result.deadline:%d/%m/%Y}"
    return {
        Status.COMPLIANT: "compliant",
        Status.NOT_REQUIRED: "not required",
        Status.INELIGIBLE: "not eligible to be SENCO",
    }[result.status]


def _show(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "an unknown date"


def _join(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]
