"""Term-on-term and year-on-year changes, worded for people.

A change from zero is "new" (never "Infinity%"), a missing earlier figure is
"n/a", equal figures are "no change", and a figure hidden to protect small
numbers hides its change too, since the change would give it away.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from tandem.reports.money import format_pounds

MISSING = "n/a"
NO_REPORT = "no report for that term"
HIDDEN = "not shown (small numbers)"
MINUS = "\u2212"  # the typographic minus, as tandem.lib.money uses


class Trend(StrEnum):
    MISSING = "missing"
    HIDDEN = "hidden"
    NEW = "new"
    SAME = "same"
    UP = "up"
    DOWN = "down"


@dataclass(frozen=True)
class Change:
    trend: Trend
    text: str
    difference: int | None = None
    percent: Decimal | None = None  # one decimal place, half-up


def percent_change(current: int, earlier: int) -> Decimal:
    """(current - earlier) / |earlier| as a percentage to one decimal place."""

    if earlier == 0:
        raise ValueError("A change from zero has no percentage; it is new.")

    ratio = Decimal(current - earlier) * 100 / Decimal(abs(earlier))

    return ratio.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def compare(
    current: int | None,
    earlier: int | None,
    *,
    money: bool = False,
    missing_text: str = MISSING,
    hidden: bool = False,
) -> Change:
    """How `current` differs from `earlier`; whole numbers (counts or pence)."""

    if hidden:
        return Change(Trend.HIDDEN, HIDDEN)
    if current is None or earlier is None:
        return Change(Trend.MISSING, missing_text)
    if current == earlier:
        return Change(Trend.SAME, "no change", 0)
    if earlier == 0:
        return Change(Trend.NEW, "new", current)

    difference = current - earlier
    percent = percent_change(current, earlier)
    amount = format_pounds(difference, signed=True) if money else f"{difference:+,}"
    trend = Trend.UP if difference > 0 else Trend.DOWN

    text = f"{amount} ({percent:+}%)".replace("-", MINUS)

    return Change(trend, text, difference, percent)


def share(count: int, whole: int) -> Decimal | None:
    """count as a percentage of whole, one decimal place, half-up; None if no whole."""

    if whole <= 0:
        return None

    ratio = Decimal(count) * 100 / Decimal(whole)

    return ratio.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
