"""The school calendar: academic years, terms, financial years and the UK date format.

Academic years run 1 September to 31 August and are labelled "2025/26". Without a school's own
term dates, terms fall back to September-December (autumn), January-March (spring) and
April-August (summer). Maintained schools keep an April-March financial year; academy trusts
keep September-August.
"""

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
_YEAR_LABEL = re.compile(r"^(\d{4})[/-](\d{2})$")


class Term(StrEnum):
    AUTUMN = "autumn"
    SPRING = "spring"
    SUMMER = "summer"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class FinancialYearKind(StrEnum):
    APRIL = "april"  # maintained schools and local authorities: 1 April to 31 March
    SEPTEMBER = "september"  # academy trusts: 1 September to 31 August


@dataclass(frozen=True, order=True)
class AcademicYear:
    start_year: int

    @classmethod
    def of(cls, day: dt.date) -> "AcademicYear":
        return cls(day.year if day.month >= 9 else day.year - 1)

    @classmethod
    def parse(cls, label: str) -> "AcademicYear":
        """Read "2025/26" or "2025-26"; raise ValueError for anything else."""

        match = _YEAR_LABEL.match(label.strip())
        if not match or (int(match[1]) + 1) % 100 != int(match[2]):
            raise ValueError(f"“{label}” is not an academic year such as 2025/26.")

        return cls(int(match[1]))

    @property
    def label(self) -> str:
        return f"{self.start_year}/{(self.start_year + 1) % 100:02d}"

    @property
    def slug(self) -> str:
        return f"{self.start_year}-{(self.start_year + 1) % 100:02d}"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.start_year, 9, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.start_year + 1, 8, 31)

    def previous(self) -> "AcademicYear":
        return AcademicYear(self.start_year - 1)

    def next(self) -> "AcademicYear":
        return AcademicYear(self.start_year + 1)

    def __contains__(self, day: dt.date) -> bool:
        return self.first_day <= day <= self.last_day

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True, order=True)
class FinancialYear:
    first_day: dt.date
    last_day: dt.date

    @property
    def label(self) -> str:
        return f"{self.first_day.year}-{self.last_day.year % 100:02d}"

    def __str__(self) -> str:
        return self.label


def academic_year(day: dt.date) -> AcademicYear:
    return AcademicYear.of(day)


def default_term(day: dt.date) -> Term:
    """The fallback term for a date when a school has not entered its own term dates."""

    if day.month >= 9:
        return Term.AUTUMN
    if day.month <= 3:
        return Term.SPRING
    return Term.SUMMER


def financial_year(day: dt.date, kind: FinancialYearKind) -> FinancialYear:
    start_month = 4 if kind == FinancialYearKind.APRIL else 9
    start_year = day.year if day.month >= start_month else day.year - 1
    first = dt.date(start_year, start_month, 1)
    last = dt.date(start_year + 1, start_month, 1) - dt.timedelta(days=1)

    return FinancialYear(first, last)


def format_date(day: dt.date | None) -> str:
    """dd/mm/yyyy, or an empty string for no date."""

    return day.strftime("%d/%m/%Y") if day else ""


def parse_uk_date(text: str) -> dt.date:
    """Read dd/mm/yyyy (or ISO yyyy-mm-dd); raise ValueError with a readable message."""

    text = text.strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, pattern).date()  # noqa: DTZ007
        except ValueError:
            continue
    raise ValueError(f"“{text}” is not a date in the form dd/mm/yyyy.")


def london_now() -> dt.datetime:
    return dt.datetime.now(tz=LONDON)


def london_today() -> dt.date:
    return london_now().date()


def at_london(day: dt.date, time: dt.time) -> dt.datetime:
    """A timezone-aware datetime for a wall-clock time in London on that day."""

    return dt.datetime.combine(day, time, tzinfo=LONDON)
