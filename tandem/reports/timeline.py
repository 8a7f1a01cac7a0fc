"""The statutory timeline of an EHC needs assessment, counted from the request.

SEND Regulations 2014: the local authority decides whether to assess within
6 weeks (reg 5(1)), says within 16 weeks if it will not issue a plan (reg 10(1)),
and the final plan is issued within 20 weeks of the request (reg 13(2)).
Exceptions in reg 10(4) (for example school holidays) can extend these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

STATUTORY_WEEKS = 20


@dataclass(frozen=True)
class Milestone:
    weeks: int
    label: str
    citation: str

    def due(self, requested: dt.date) -> dt.date:
        return requested + dt.timedelta(weeks=self.weeks)


MILESTONES = (
    Milestone(6, "Decision whether to assess", "SEND Regulations 2014, reg 5(1)"),
    Milestone(
        16, "Decision not to issue a plan, if so", "SEND Regulations 2014, reg 10(1)"
    ),
    Milestone(20, "Final EHC plan issued", "SEND Regulations 2014, reg 13(2)"),
)


@dataclass(frozen=True)
class TimelineStep:
    milestone: Milestone
    due: dt.date
    passed: bool


@dataclass(frozen=True)
class Timeline:
    requested: dt.date
    today: dt.date
    steps: tuple[TimelineStep, ...]

    @property
    def final_due(self) -> dt.date:
        return self.steps[-1].due

    @property
    def weeks_elapsed(self) -> int:
        return max(0, (self.today - self.requested).days // 7)

    @property
    def overdue(self) -> bool:
        return self.today > self.final_due

    @property
    def days_left(self) -> int:
        return (self.final_due - self.today).days


def timeline(requested: dt.date, today: dt.date) -> Timeline:
    """Where an assessment requested on `requested` should be by `today`."""

    steps = tuple(
        TimelineStep(
            milestone, milestone.due(requested), today > milestone.due(requested)
        )
        for milestone in MILESTONES
    )

    return Timeline(requested, today, steps)
