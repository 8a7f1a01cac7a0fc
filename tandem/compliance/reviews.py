"""When a document is next reviewed, and whether that review is due.

The SEN Information Report is refreshed every year (CoP 6.79); the SEN policy is
reviewed yearly by default; an accessibility plan usually runs for three years (Equality
Act 2010 Sch 10 para 3, unconfirmed). These are defaults: a school may set its own date.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from dateutil.relativedelta import relativedelta

DUE_SOON_DAYS = 30
REVIEW_YEARS = {
    "sen_information_report": 1,
    "sen_policy": 1,
    "accessibility_plan": 3,
    "other": 1,
}


class ReviewState(StrEnum):
    NOT_SET = "not_set"
    OK = "ok"
    DUE = "due"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class ReviewStatus:
    state: ReviewState
    days: int = 0

    @property
    def needs_attention(self) -> bool:
        return self.state in (ReviewState.DUE, ReviewState.OVERDUE)

    @property
    def wording(self) -> str:
        """How the status reads on a page, never by colour alone."""

        match self.state:
            case ReviewState.NOT_SET:
                return "No review date set"
            case ReviewState.OVERDUE:
                return f"Review overdue by {_days(self.days)}"
            case ReviewState.DUE if self.days == 0:
                return "Review due today"
            case ReviewState.DUE:
                return f"Review due in {_days(self.days)}"
        return "Review up to date"


def next_review_after(kind: str, reviewed_on: date) -> date:
    """The default next review date; 29 February moves to 28 February."""

    return reviewed_on + relativedelta(years=REVIEW_YEARS.get(kind, 1))


def review_status(
    next_review: date | None, *, today: date, due_soon_days: int = DUE_SOON_DAYS
) -> ReviewStatus:
    """Overdue after the review date; due on it and in the days before it."""

    if next_review is None:
        return ReviewStatus(ReviewState.NOT_SET)

    remaining = (next_review - today).days
    if remaining < 0:
        return ReviewStatus(ReviewState.OVERDUE, -remaining)
    if remaining <= due_soon_days:
        return ReviewStatus(ReviewState.DUE, remaining)

    return ReviewStatus(ReviewState.OK, remaining)


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"
