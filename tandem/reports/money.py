"""Pence arithmetic for the termly report: exact values, rounded once, half-up.

Money is integer pence; formatting and pounds-to-pence come from tandem.lib.money.
A computed amount that is not whole pence (a session of 20 minutes at £13.37 an
hour) is kept exact as a numerator over a denominator and only becomes whole
pence when it is shown or totalled, so nothing is rounded twice.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from tandem.lib import money

PENCE_PER_POUND = 100
_POUNDS = re.compile(r"^(-)?£?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$")


@dataclass(frozen=True)
class Exact:
    """An exact amount of pence: numerator / denominator, never rounded in between."""

    numerator: int
    denominator: int = 1

    def __post_init__(self) -> None:
        if self.denominator <= 0:
            raise ValueError("The denominator must be a positive whole number.")

    def __add__(self, other: Exact) -> Exact:
        denominator = math.lcm(self.denominator, other.denominator)
        numerator = self.numerator * (denominator // self.denominator) + (
            other.numerator * (denominator // other.denominator)
        )

        return Exact(numerator, denominator)

    def divided_by(self, divisor: int) -> Exact:
        if divisor <= 0:
            raise ValueError("Cannot divide an amount by zero or a negative number.")

        return Exact(self.numerator, self.denominator * divisor)

    @property
    def decimal(self) -> Decimal:
        """The unrounded amount in pence (one division, so a true half stays a half)."""

        return Decimal(self.numerator) / Decimal(self.denominator)

    @property
    def pence(self) -> int:
        """Whole pence, rounded half-up (away from zero) exactly once."""

        # One division of two integers: if the exact value is k + 0.5 its decimal
        # expansion terminates, so the quotient is exact and half-up sees the half.
        return int(self.decimal.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def exact_sum(amounts: list[Exact]) -> Exact:
    """Add exact amounts without rounding any of them."""

    total = Exact(0)
    for amount in amounts:
        total = total + amount

    return total


def format_pounds(pence: int, *, signed: bool = False) -> str:
    """Whole pence as '£1,234.56' ('−£12.00' when negative); '+£' with signed=True."""

    if not isinstance(pence, int) or isinstance(pence, bool):
        raise TypeError("format_pounds takes whole pence as an int.")

    return money.format_gbp(money.from_pence(pence), signed=signed)


def format_pence(amount: Decimal) -> str:
    """An unrounded amount of pence to two places, for showing working: '445.67p'."""

    return f"{amount.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,}p"


def parse_pounds(text: str) -> int:
    """'£1,234.5' or '1234.50' to whole pence; three decimal places is an error."""

    match = _POUNDS.match(text.strip().replace(" ", ""))
    if not match:
        raise ValueError(
            f"'{text}' is not an amount of money. Use pounds and pence, like 1234.50."
        )

    negative, pounds, pennies = match.groups()
    try:
        whole = int(pounds.replace(",", ""))
    except (InvalidOperation, ValueError) as error:  # pragma: no cover - regex guards
        raise ValueError(f"'{text}' is not an amount of money.") from error
    pence = whole * PENCE_PER_POUND + int((pennies or "0").ljust(2, "0"))

    return -pence if negative else pence


def pounds_to_pence(amount: Decimal) -> int:
    """A Decimal amount of pounds (from a form) to whole pence, half-up."""

    if not isinstance(amount, Decimal):
        raise TypeError("pounds_to_pence takes a Decimal.")

    return money.pence(amount)


def pence_to_pounds(pence: int) -> Decimal:
    """Whole pence to a Decimal of pounds with two places (for forms and Excel)."""

    return money.from_pence(pence)
