"""The SEN budget in the termly report: elements 1-3 and additional funding.

Amounts are whole pence (int). The total and the amount remaining are computed,
never typed, so they always agree with the lines shown beside them.
"""

from __future__ import annotations

from dataclasses import dataclass

from tandem.reports.money import format_pounds

ELEMENT_1_NOTE = "Core per-pupil funding for every pupil; not SEN-specific."


@dataclass(frozen=True)
class BudgetLine:
    code: str
    label: str
    pence: int
    note: str = ""


@dataclass(frozen=True)
class Budget:
    """The SEN budget for the financial year and what has been spent so far."""

    element_1: int = 0
    element_2: int = 0
    element_3: int = 0
    additional: int = 0
    expenditure: int = 0

    def __post_init__(self) -> None:
        for name in (
            "element_1",
            "element_2",
            "element_3",
            "additional",
            "expenditure",
        ):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool):
                raise TypeError(f"Budget.{name} must be whole pence (int).")
            if value < 0:
                raise ValueError(f"Budget.{name} cannot be negative.")

    @property
    def lines(self) -> list[BudgetLine]:
        return [
            BudgetLine("element_1", "Element 1", self.element_1, ELEMENT_1_NOTE),
            BudgetLine("element_2", "Element 2 (notional SEN budget)", self.element_2),
            BudgetLine("element_3", "Element 3 (high-needs top-up)", self.element_3),
            BudgetLine("additional", "Additional funding", self.additional),
        ]

    @property
    def total(self) -> int:
        return sum(line.pence for line in self.lines)

    @property
    def remaining(self) -> int:
        """Total minus expenditure; negative when overspent."""

        return self.total - self.expenditure

    @property
    def overspent(self) -> bool:
        return self.remaining < 0

    @property
    def remaining_text(self) -> str:
        if self.overspent:
            return f"Overspent by {format_pounds(-self.remaining)}"

        return f"{format_pounds(self.remaining)} remaining"

    @property
    def spent_percent(self) -> int | None:
        """Whole per cent of the total spent, half-up; None when there is no budget."""

        if self.total == 0:
            return None

        return (200 * self.expenditure + self.total) // (2 * self.total)
