"""A saved checker result, laid out for the version page and the evidence pack."""

from dataclasses import dataclass

from tandem.compliance.checker import DISCLAIMER, ITEMS, CheckResult
from tandem.compliance.models import ReportCheck

__all__ = ["DISCLAIMER", "CheckRow", "check_rows", "saved_result"]


@dataclass(frozen=True)
class CheckRow:
    key: str
    title: str
    applies: bool
    found: bool
    evidence: str
    where: str

    @property
    def label(self) -> str:
        if self.key.startswith("s69_"):
            return f"Section 69(3)(b)({self.key.removeprefix('s69_')})"
        return f"Item {self.key}"


def saved_result(check: ReportCheck) -> CheckResult | None:
    """The checker's own result object, rebuilt from what was saved."""

    return CheckResult.from_json(check.result) if check.readable else None


def check_rows(check: ReportCheck) -> list[CheckRow]:
    """One row per Schedule 1 item and sub-item and per s.69(3)(b) item, in order."""

    result = saved_result(check)
    if result is None:
        return []
    rows = []
    for item in ITEMS:
        found = result.items.get(item.key)
        rows.append(
            CheckRow(
                key=item.key,
                title=item.title,
                applies=item.key not in result.not_applicable,
                found=bool(found and found.found),
                evidence=(found.evidence if found else None) or "",
                where=(found.where if found else None) or "",
            )
        )

    return rows
