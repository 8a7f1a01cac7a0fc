from decimal import Decimal
from pathlib import Path

import pytest

from tandem.lib.money import format_gbp, from_pence, pence, round_pence, to_decimal


@pytest.mark.parametrize(
    ("amount", "rounded"),
    [
        ("206.625", "206.63"),
        ("206.624999", "206.62"),
        ("0.005", "0.01"),
        ("-0.005", "-0.01"),
        ("338.7066666", "338.71"),
        ("10", "10.00"),
    ],
)
def test_rounds_half_up_to_pence(amount: str, rounded: str) -> None:
    assert round_pence(Decimal(amount)) == Decimal(rounded)


def test_pence_conversions() -> None:
    assert pence(Decimal("4.456")) == 446
    assert from_pence(82650) == Decimal("826.50")


def test_formats_pounds() -> None:
    assert format_gbp(Decimal("1234.5")) == "£1,234.50"
    assert format_gbp(Decimal("-12")) == "−£12.00"
    assert format_gbp(Decimal("3"), signed=True) == "+£3.00"


def test_refuses_floats_and_nonsense() -> None:
    with pytest.raises(TypeError):
        to_decimal(0.1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not an amount"):
        to_decimal("twelve pounds")


def test_money_module_never_uses_float() -> None:
    source = (Path(__file__).parents[1] / "money.py").read_text()

    assert "float(" not in source
