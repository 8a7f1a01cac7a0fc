"""The one-page meeting record as plain data, shared by the PDF and the .docx.

Views build a `MeetingRecord` from the database once; both exports and their tests
read only this, so what the PDF says and what the .docx says cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from tandem.lib.calendar import format_date
from tandem.lib.pdf import DEFAULT_PAPER, paper_colour

TITLE = "SENCO and SEN governor meeting record"


@dataclass(frozen=True)
class RecordAction:
    """An agreed action: what, who, by when, and where it stands."""

    reference: str
    description: str
    owner: str
    due_on: date
    status: str
    item_position: int | None = None
    carried_forward: bool = False


@dataclass(frozen=True)
class RecordItem:
    """One agenda item with what was said and decided about it."""

    position: int
    title: str
    kind: str
    owner: str
    minutes: int
    key_points: str = ""
    decision: str = ""
    rationale: str = ""
    actions: tuple[RecordAction, ...] = ()


@dataclass(frozen=True)
class MeetingRecord:
    school_name: str
    held_on: date
    starts_at: time
    ends_at: time | None = None
    location: str = ""
    paper_colour: str = DEFAULT_PAPER
    attendees: tuple[str, ...] = ()
    apologies: tuple[str, ...] = ()
    items: tuple[RecordItem, ...] = ()
    any_other_business: str = ""
    next_meeting_on: date | None = None
    title: str = TITLE
    parked: tuple[str, ...] = ()
    other_actions: tuple[RecordAction, ...] = ()  # agreed, but not under one item

    @property
    def actions(self) -> list[RecordAction]:
        """Every action in agenda order, then those under no item; each once."""

        seen: dict[str, RecordAction] = {}
        for item in self.items:
            for action in item.actions:
                seen.setdefault(action.reference, action)
        for action in self.other_actions:
            seen.setdefault(action.reference, action)
        return list(seen.values())

    @property
    def paper(self) -> str:
        return paper_colour(self.paper_colour)

    @property
    def time_range(self) -> str:
        if self.ends_at is None:
            return f"{self.starts_at:%H:%M}"
        return f"{self.starts_at:%H:%M} to {self.ends_at:%H:%M}"


def dmy(value: date | None, *, missing: str = "") -> str:
    """A date as dd/mm/yyyy, the only way Tandem shows dates."""

    return missing if value is None else format_date(value)


def lines(text: str) -> list[str]:
    """Non-empty lines of free text, trimmed, for paragraphs in either export."""

    return [line.strip() for line in text.splitlines() if line.strip()]


@dataclass(frozen=True)
class LoggedAction:
    """One line of the action log: an action and the meeting that raised it."""

    reference: str
    description: str
    owner: str
    due_on: date
    status: str
    raised_on: date
    closed_on: date | None = None
    overdue: bool = False


@dataclass(frozen=True)
class ActionLog:
    """Every action raised in a period, for the evidence pack."""

    school_name: str
    period: str
    actions: tuple[LoggedAction, ...]
    paper_colour: str = DEFAULT_PAPER

    @property
    def paper(self) -> str:
        return paper_colour(self.paper_colour)

    def count(self, status: str) -> int:
        return sum(1 for action in self.actions if action.status == status)
