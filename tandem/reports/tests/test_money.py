import ast
from decimal import Decimal
from pathlib import Path

import pytest

from tandem.reports.money import (
    Exact,
    exact_sum,
    format_pounds,
    parse_pounds,
    pence_to_pounds,
    pounds_to_pence,
)

MONEY_MODULES = ["money.py", "finance.py", "costing.py", "charts.py"]


@pytest.mark.parametrize(
    ("pence", "signed", "text"),
    [
        (0, False, "£0.00"),
        (5, False, "£0.05"),
        (123456789, False, "£1,234,567.89"),
        (-1200, False, "−£12.00"),
        (1200, True, "+£12.00"),
        (-1, True, "−£0.01"),
    ],
)
def test_format_pounds(pence: int, signed: bool, text: str) -> None:
    assert format_pounds(pence, signed=signed) == text


@pytest.mark.parametrize(
    ("text", "pence"),
    [
        ("1234.50", 123450),
        ("£1,234.5", 123450),
        ("£ 12", 1200),
        ("0.07", 7),
        ("-3.20", -320),
        ("1,000,000", 100000000),
    ],
)
def test_parse_pounds(text: str, pence: int) -> None:
    assert parse_pounds(text) == pence


@pytest.mark.parametrize("text", ["12.345", "abc", "1,23.00", "", "£", "1.2.3"])
def test_parse_pounds_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="is not an amount of money"):
        parse_pounds(text)


@pytest.mark.parametrize(
    ("amount", "pence"),
    [(Decimal("1.005"), 101), (Decimal("1.004"), 100), (Decimal("-1.005"), -101)],
)
def test_pounds_to_pence_rounds_half_up(amount: Decimal, pence: int) -> None:
    assert pounds_to_pence(amount) == pence


def test_pounds_to_pence_refuses_float() -> None:
    with pytest.raises(TypeError):
        pounds_to_pence(1.005)  # type: ignore[arg-type]


def test_pence_to_pounds() -> None:
    assert pence_to_pounds(123450) == Decimal("1234.50")


@pytest.mark.parametrize(
    ("numerator", "denominator", "pence"),
    [(1, 2, 1), (-1, 2, -1), (2, 3, 1), (1, 3, 0), (41337, 2, 20669), (0, 7, 0)],
)
def test_exact_rounds_half_up_away_from_zero(
    numerator: int, denominator: int, pence: int
) -> None:
    assert Exact(numerator, denominator).pence == pence


def test_exact_sum_keeps_denominators_small() -> None:
    total = exact_sum([Exact(1, 60)] * 120)

    assert total.denominator == 60
    assert total.pence == 2


def test_no_float_in_money_code() -> None:
    here = Path(__file__).resolve().parent.parent
    for name in MONEY_MODULES:
        source = (here / name).read_text()
        tree = ast.parse(source)
        calls = [
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"float", "round"}
        ]
        literals = [
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, float)
        ]

        assert "float(" not in source, name
        assert calls == [], name
        # Only charts.py has float literals: figure sizes in inches, never money.
        assert literals == [] or name == "charts.py", (name, literals)
