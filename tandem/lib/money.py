"""Money as Decimal pounds, rounded once to whole pence, half-up. Never float."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

PENNY = Decimal("0.01")


def to_decimal(value: Decimal | int | str) -> Decimal:
    """Exact conversion for the types money may arrive as; floats are refused."""

    if isinstance(value, float):
        raise TypeError("Money must not be a float; pass a Decimal, int or string.")
    try:
        return Decimal(value)
    except InvalidOperation:
        raise ValueError(f"“{value}” is not an amount of money.") from None


def round_pence(amount: Decimal) -> Decimal:
    """Round an unrounded amount of pounds to whole pence, half-up."""

    return to_decimal(amount).quantize(PENNY, rounding=ROUND_HALF_UP)


def pence(amount: Decimal) -> int:
    """Whole pence for an amount of pounds, rounded half-up."""

    return int(round_pence(amount) * 100)


def from_pence(amount: int) -> Decimal:
    return (Decimal(amount) / 100).quantize(PENNY)


def format_gbp(amount: Decimal | int | str, *, signed: bool = False) -> str:
    """£1,234.50 (or −£12.00 for a negative amount). Rounds half-up once, here."""

    value = round_pence(to_decimal(amount))
    sign = "−" if value < 0 else ("+" if signed and value > 0 else "")

    return f"{sign}£{abs(value):,.2f}"
