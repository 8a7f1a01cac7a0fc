import pytest

from tandem.reports.finance import ELEMENT_1_NOTE, Budget
from tandem.reports.money import format_pounds


def test_total_is_the_sum_of_displayed_lines() -> None:
    budget = Budget(
        element_1=1200000, element_2=4535050, element_3=2000001, additional=99
    )

    displayed = [format_pounds(line.pence) for line in budget.lines]

    assert displayed == ["£12,000.00", "£45,350.50", "£20,000.01", "£0.99"]
    assert budget.total == 7735150
    assert format_pounds(budget.total) == "£77,351.50"


@pytest.mark.parametrize(
    ("expenditure", "remaining", "text", "overspent", "percent"),
    [
        (0, 1000000, "£10,000.00 remaining", False, 0),
        (250050, 749950, "£7,499.50 remaining", False, 25),
        (1000000, 0, "£0.00 remaining", False, 100),
        (1012345, -12345, "Overspent by £123.45", True, 101),
    ],
)
def test_remaining(
    expenditure: int, remaining: int, text: str, overspent: bool, percent: int
) -> None:
    budget = Budget(element_2=600000, element_3=400000, expenditure=expenditure)

    assert budget.remaining == remaining
    assert budget.remaining_text == text
    assert budget.overspent is overspent
    assert budget.spent_percent == percent


def test_spent_percent_without_budget() -> None:
    assert Budget().spent_percent is None
    assert Budget().remaining_text == "£0.00 remaining"


def test_element_1_is_marked_as_core_funding() -> None:
    assert Budget().lines[0].note == ELEMENT_1_NOTE
    assert "not SEN-specific" in ELEMENT_1_NOTE


@pytest.mark.parametrize("value", [12.5, "100", True])
def test_budget_refuses_non_pence(value: object) -> None:
    with pytest.raises(TypeError):
        Budget(element_2=value)  # type: ignore[arg-type]


def test_budget_refuses_negative() -> None:
    with pytest.raises(ValueError, match="cannot be negative"):
        Budget(expenditure=-1)
