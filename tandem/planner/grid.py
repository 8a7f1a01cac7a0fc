"""The year planner as a month-by-month grid. Pure: no Django, no database.

Like a wall planner (and the toolkit's): one column per month from September to
the next September, one row per day of the month (1 to 31), so the whole year fits
on one landscape page. Each cell knows what kind of day it is and what is on it.
"""

from __future__ import annotations

import calendar as stdlib_calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from tandem.planner.schooldays import DayKind, SchoolCalendar

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAY_INITIALS = ("M", "T", "W", "T", "F", "S", "S")


class EntryKind(StrEnum):
    FGB = "fgb"
    MEETING = "meeting"
    PROPOSAL = "proposal"
    ACTIVITY = "activity"
    TERM = "term"


@dataclass(frozen=True)
class GridItem:
    """Something on a date: an FGB meeting, a SENCO-governor meeting, an activity."""

    date: dt.date
    kind: EntryKind
    label: str
    # An optional key (such as a model's id) the page can use to link the entry.
    ref: str = ""


@dataclass
class DayCell:
    date: dt.date
    kind: DayKind | None  # None: outside every term (the holidays between terms)
    note: str = ""  # "INSET", a bank holiday's name
    items: list[GridItem] = field(default_factory=list)
    # False beyond the plan's year (the next September): term dates unknown there.
    known: bool = True

    @property
    def weekday_initial(self) -> str:
        return WEEKDAY_INITIALS[self.date.weekday()]

    @property
    def css_class(self) -> str:
        if self.kind is None:
            return "closed" if self.known else "unknown"
        return self.kind.value

    @property
    def mark(self) -> tuple[str, str] | None:
        """A short text mark and its meaning, so no kind is told by colour alone."""

        if self.kind is DayKind.BANK_HOLIDAY:
            return "BH", f"Bank holiday: {self.note}"
        if self.kind is DayKind.INSET:
            return "IN", "INSET day"
        closed_weekday = self.kind is None and self.known and self.date.weekday() < 5
        if self.kind is DayKind.HOLIDAY or closed_weekday:
            return "Hol", "Holiday"
        return None

    @property
    def is_day_off(self) -> bool:
        return self.kind not in (DayKind.SCHOOL_DAY, DayKind.INSET)


@dataclass
class MonthColumn:
    year: int
    month: int
    days: list[DayCell]

    @property
    def name(self) -> str:
        return f"{MONTH_NAMES[self.month - 1]} {self.year}"

    @property
    def short_name(self) -> str:
        return f"{MONTH_NAMES[self.month - 1][:3]} {self.year}"

    @property
    def school_days(self) -> int:
        return sum(cell.kind is DayKind.SCHOOL_DAY for cell in self.days)

    def cell(self, day: int) -> DayCell | None:
        return self.days[day - 1] if day <= len(self.days) else None


@dataclass
class GridRow:
    day: int
    cells: list[DayCell | None]


@dataclass
class YearGrid:
    start_year: int
    months: list[MonthColumn]
    is_provisional: bool

    @property
    def label(self) -> str:
        return f"{self.start_year}/{(self.start_year + 1) % 100:02d}"

    @property
    def next_year(self) -> MonthColumn:
        """The 13th column, the next year's September (not counted in this year)."""

        return self.months[12]

    @property
    def rows(self) -> list[GridRow]:
        return [
            GridRow(day=day, cells=[month.cell(day) for month in self.months])
            for day in range(1, 32)
        ]

    @property
    def school_days(self) -> int:
        """Pupil days in the academic year itself (the 13th column is next year)."""

        return sum(month.school_days for month in self.months[:12])

    def cell_for(self, day: dt.date) -> DayCell | None:
        for month in self.months:
            if (month.year, month.month) == (day.year, day.month):
                return month.days[day.day - 1]
        return None


def grid_months(start_year: int) -> list[tuple[int, int]]:
    """(year, month) from September of `start_year` to the next September."""

    return [(start_year + (m + 8) // 12, (m + 8) % 12 + 1) for m in range(13)]


def build_grid(
    calendar: SchoolCalendar, start_year: int, items: Iterable[GridItem] = ()
) -> YearGrid:
    months = [_month(calendar, year, month) for year, month in grid_months(start_year)]
    grid = YearGrid(
        start_year=start_year, months=months, is_provisional=calendar.is_provisional
    )
    for item in sorted(items, key=_item_order):
        cell = grid.cell_for(item.date)
        if cell is not None:
            cell.items.append(item)

    return grid


def _item_order(item: GridItem) -> tuple[dt.date, int, str]:
    """By date, then FGB, meeting, proposal, activity, term, then label."""

    return item.date, list(EntryKind).index(item.kind), item.label


def _month(calendar: SchoolCalendar, year: int, month: int) -> MonthColumn:
    length = stdlib_calendar.monthrange(year, month)[1]
    days = [_cell(calendar, dt.date(year, month, day)) for day in range(1, length + 1)]

    return MonthColumn(year=year, month=month, days=days)


def _cell(calendar: SchoolCalendar, day: dt.date) -> DayCell:
    kind = calendar.kind_of(day)
    note = ""
    if kind is DayKind.BANK_HOLIDAY:
        note = calendar.bank_holidays[day]
    elif kind is DayKind.INSET:
        note = "INSET"

    return DayCell(date=day, kind=kind, note=note, known=calendar.covers(day))
