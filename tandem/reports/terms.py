"""Which report comes before which: academic years and their three terms.

A term is named by its academic year and season: "2026/27" and "autumn". The
command line spells it "2026-27:autumn".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TERMS = ("autumn", "spring", "summer")
_YEAR = re.compile(r"^(\d{4})[/-](\d{2})$")


def parse_academic_year(label: str) -> int:
    """'2026/27' (or '2026-27') to its starting calendar year, 2026."""

    match = _YEAR.match(label.strip())
    if not match:
        raise ValueError(f"'{label}' is not an academic year. Use the form 2026/27.")

    start, end = int(match.group(1)), int(match.group(2))
    if (start + 1) % 100 != end:
        raise ValueError(
            f"'{label}' is not an academic year: {end:02d} must follow {start}."
        )

    return start


def academic_year_label(start: int) -> str:
    return f"{start}/{(start + 1) % 100:02d}"


@dataclass(frozen=True, order=True)
class TermKey:
    """One term of one academic year, ordered in time."""

    start_year: int
    index: int  # 0 autumn, 1 spring, 2 summer

    @classmethod
    def of(cls, academic_year: str, term: str) -> TermKey:
        season = term.strip().lower()
        if season not in TERMS:
            raise ValueError(f"'{term}' is not a term. Use autumn, spring or summer.")

        return cls(parse_academic_year(academic_year), TERMS.index(season))

    @classmethod
    def parse(cls, text: str) -> TermKey:
        """'2026-27:autumn' (the command line's form) to a TermKey."""

        year, sep, term = text.partition(":")
        if not sep:
            raise ValueError(f"'{text}' is not a term. Use the form 2026-27:autumn.")

        return cls.of(year, term)

    @property
    def academic_year(self) -> str:
        return academic_year_label(self.start_year)

    @property
    def term(self) -> str:
        return TERMS[self.index]

    @property
    def label(self) -> str:
        return f"{self.term.capitalize()} {self.academic_year}"

    @property
    def previous(self) -> TermKey:
        if self.index == 0:
            return TermKey(self.start_year - 1, 2)

        return TermKey(self.start_year, self.index - 1)

    @property
    def next(self) -> TermKey:
        if self.index == 2:
            return TermKey(self.start_year + 1, 0)

        return TermKey(self.start_year, self.index + 1)

    @property
    def year_before(self) -> TermKey:
        return TermKey(self.start_year - 1, self.index)

    def __str__(self) -> str:
        return f"{self.start_year}-{(self.start_year + 1) % 100:02d}:{self.term}"
