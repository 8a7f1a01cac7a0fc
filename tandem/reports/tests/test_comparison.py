from decimal import Decimal

import pytest

from tandem.reports.comparison import NO_REPORT, Trend, compare, percent_change, share


@pytest.mark.parametrize(
    ("current", "earlier", "trend", "text"),
    [
        (52, 48, Trend.UP, "+4 (+8.3%)"),
        (45, 48, Trend.DOWN, "−3 (−6.3%)"),
        (48, 48, Trend.SAME, "no change"),
        (0, 0, Trend.SAME, "no change"),
        (3, 0, Trend.NEW, "new"),
        (0, 7, Trend.DOWN, "−7 (−100.0%)"),
        (5, None, Trend.MISSING, "n/a"),
        (None, 5, Trend.MISSING, "n/a"),
        (1200, 1000, Trend.UP, "+200 (+20.0%)"),
    ],
)
def test_compare_counts(
    current: int | None, earlier: int | None, trend: Trend, text: str
) -> None:
    change = compare(current, earlier)

    assert change.trend is trend
    assert change.text == text
    assert "Infinity" not in change.text


def test_compare_money() -> None:
    change = compare(5000000, 4535050, money=True)

    assert change.text == "+£4,649.50 (+10.3%)"
    assert change.difference == 464950
    assert change.percent == Decimal("10.3")


def test_compare_money_from_an_overspend_uses_the_size_of_the_base() -> None:
    # Remaining went from -£100 (overspent) to +£50: up by £150, 150% of the £100 base.
    assert compare(5000, -10000, money=True).text == "+£150.00 (+150.0%)"


def test_missing_report_wording() -> None:
    change = compare(12, None, missing_text=NO_REPORT)

    assert change.text == "no report for that term"


def test_hidden_change_reveals_nothing() -> None:
    change = compare(7, 3, hidden=True)

    assert change.trend is Trend.HIDDEN
    assert change.difference is None
    assert "4" not in change.text


def test_percent_change_rounds_half_up() -> None:
    assert percent_change(1001, 800) == Decimal("25.1")  # 25.125 -> 25.1
    assert percent_change(17, 8) == Decimal("112.5")
    assert percent_change(2003, 1600) == Decimal("25.2")  # 25.1875 -> 25.2
    with pytest.raises(ValueError, match="new"):
        percent_change(3, 0)


@pytest.mark.parametrize(
    ("count", "whole", "percent"),
    [
        (57, 400, Decimal("14.3")),
        (21, 400, Decimal("5.3")),
        (0, 400, Decimal("0.0")),
        (1, 8, Decimal("12.5")),
        (3, 0, None),
    ],
)
def test_share(count: int, whole: int, percent: Decimal | None) -> None:
    assert share(count, whole) == percent
