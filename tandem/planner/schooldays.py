"""School-day arithmetic for the year planner. Pure: no Django, no database.

A *school day* here is a pupil day: a weekday inside a term that is not a school
holiday (half-term, closure), not an England bank holiday and not an INSET day.

INSET days (decision). Staff are in on an INSET day but pupils are not, and the
SENCO usually leads or attends the training all day. So an INSET day is not
counted when we count school days back from an FGB meeting, and the planner never
*proposes* a meeting on one. A person may still *move* a meeting onto an INSET day
on purpose: staff are in, so `is_staff_day` allows it (the page notes it).

When a school has entered no term dates yet, every weekday in the academic year
that is not a bank holiday or a listed holiday counts, and the calendar says it is
provisional, so proposals work from the first visit and tighten once dates arrive.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

import holidays

DEFAULT_LEAD_DAYS = 10

# How far back we look before giving up: two full terms is plenty for any lead.
_SEARCH_LIMIT_DAYS = 250


@dataclass(frozen=True, order=True)
class DateSpan:
    """An inclusive run of dates, such as a term or a half-term holiday."""

    first: dt.date
    last: dt.date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(
                f"A date span cannot end ({self.last:%d/%m/%Y}) "
                f"before it starts ({self.first:%d/%m/%Y})."
            )

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.first <= day <= self.last

    def days(self) -> Iterable[dt.date]:
        day = self.first
        while day <= self.last:
            yield day
            day += dt.timedelta(days=1)


class DayKind(StrEnum):
    """What a date is for the school, most specific first."""

    WEEKEND = "weekend"
    BANK_HOLIDAY = "bank_holiday"
    HOLIDAY = "holiday"
    INSET = "inset"
    SCHOOL_DAY = "school_day"


@cache
def england_bank_holidays(year: int) -> dict[dt.date, str]:
    """England's bank holidays (with substitute days) for one calendar year."""

    return dict(holidays.country_holidays("GB", subdiv="ENG", years=year).items())


def bank_holidays_between(first: dt.date, last: dt.date) -> dict[dt.date, str]:
    found: dict[dt.date, str] = {}
    for year in range(first.year, last.year + 1):
        found.update(
            (day, name)
            for day, name in england_bank_holidays(year).items()
            if first <= day <= last
        )

    return found


@dataclass(frozen=True)
class SchoolCalendar:
    """One school's year: terms, holidays inside them and INSET days."""

    terms: tuple[DateSpan, ...] = ()
    holidays: tuple[DateSpan, ...] = ()
    inset_days: frozenset[dt.date] = frozenset()
    bank_holidays: dict[dt.date, str] = field(default_factory=dict)
    # Used only when no terms are known (the provisional fallback).
    year_span: DateSpan | None = None

    @classmethod
    def for_england(
        cls,
        *,
        terms: Iterable[DateSpan] = (),
        holidays: Iterable[DateSpan] = (),
        inset_days: Iterable[dt.date] = (),
        year_span: DateSpan | None = None,
    ) -> SchoolCalendar:
        """Build a calendar with England's bank holidays for the dates it covers."""

        terms = tuple(sorted(terms))
        spans = [*terms, *([year_span] if year_span else [])]
        bank = {}
        if spans:
            first = min(span.first for span in spans) - dt.timedelta(days=366)
            last = max(span.last for span in spans) + dt.timedelta(days=366)
            bank = bank_holidays_between(first, last)

        return cls(
            terms=terms,
            holidays=tuple(sorted(holidays)),
            inset_days=frozenset(inset_days),
            bank_holidays=bank,
            year_span=year_span,
        )

    @property
    def is_provisional(self) -> bool:
        return not self.terms

    def covers(self, day: dt.date) -> bool:
        """Whether this calendar knows the school's days on `day` (its academic year)."""

        if self.year_span is not None:
            return day in self.year_span
        if self.terms:
            first = self.terms[0].first
            start = first.year if first.month >= 9 else first.year - 1
            return dt.date(start, 9, 1) <= day <= dt.date(start + 1, 8, 31)
        return False

    def in_term(self, day: dt.date) -> bool:
        if self.terms:
            return any(day in term for term in self.terms)
        return self.year_span is not None and day in self.year_span

    def kind_of(self, day: dt.date) -> DayKind | None:
        """The day's kind, or None when it falls outside every term."""

        if day.weekday() >= 5:
            return DayKind.WEEKEND
        if day in self.bank_holidays:
            return DayKind.BANK_HOLIDAY
        if not self.in_term(day):
            return None
        if any(day in holiday for holiday in self.holidays):
            return DayKind.HOLIDAY
        if day in self.inset_days:
            return DayKind.INSET

        return DayKind.SCHOOL_DAY

    def is_school_day(self, day: dt.date) -> bool:
        """A pupil day: the only kind of day the planner counts and proposes."""

        return self.kind_of(day) is DayKind.SCHOOL_DAY

    def is_staff_day(self, day: dt.date) -> bool:
        """A day staff are in: a school day or an INSET day."""

        return self.kind_of(day) in (DayKind.SCHOOL_DAY, DayKind.INSET)

    def why_not_a_meeting_day(self, day: dt.date) -> str | None:
        """A sentence explaining why no meeting may be held on `day`, or None."""

        kind = self.kind_of(day)
        if kind is DayKind.WEEKEND:
            return f"{day:%d/%m/%Y} is a weekend."
        if kind is DayKind.BANK_HOLIDAY:
            name = self.bank_holidays[day]
            return f"{day:%d/%m/%Y} is a bank holiday ({name})."
        if kind is None or kind is DayKind.HOLIDAY:
            return f"{day:%d/%m/%Y} is in the school holidays."

        return None

    def school_days_before(self, day: dt.date, count: int) -> list[dt.date]:
        """Up to `count` school days before `day` (not counting `day`), latest first."""

        if count < 1:
            raise ValueError("The number of school days must be at least 1.")

        found: list[dt.date] = []
        candidate = day
        for _ in range(_SEARCH_LIMIT_DAYS):
            candidate -= dt.timedelta(days=1)
            if self.is_school_day(candidate):
                found.append(candidate)
                if len(found) == count:
                    break

        return found

    def school_day_before(self, day: dt.date, count: int) -> dt.date | None:
        """The school day `count` school days before `day`, or None if too few."""

        found = self.school_days_before(day, count)
        return found[-1] if len(found) == count else None


@dataclass(frozen=True)
class Proposal:
    """A proposed SENCO-SEN governor meeting ahead of one FGB meeting."""

    fgb_date: dt.date
    date: dt.date | None
    lead_days: int
    # Fewer school days than asked for when term starts too soon before the FGB.
    actual_lead_days: int

    @property
    def is_short(self) -> bool:
        return self.date is not None and self.actual_lead_days < self.lead_days


def propose_meeting(
    calendar: SchoolCalendar, fgb_date: dt.date, lead_days: int = DEFAULT_LEAD_DAYS
) -> Proposal:
    """Propose the school day `lead_days` school days before the FGB meeting.

    If term starts fewer than `lead_days` school days before the FGB, propose the
    earliest school day that is still before it (flagged short). If no school day
    precedes it at all, the proposal has no date.
    """

    found = calendar.school_days_before(fgb_date, lead_days)
    return Proposal(
        fgb_date=fgb_date,
        date=found[-1] if found else None,
        lead_days=lead_days,
        actual_lead_days=len(found),
    )


def propose_meetings(
    calendar: SchoolCalendar,
    fgb_dates: Iterable[dt.date],
    lead_days: int = DEFAULT_LEAD_DAYS,
) -> list[Proposal]:
    return [propose_meeting(calendar, fgb, lead_days) for fgb in sorted(fgb_dates)]
