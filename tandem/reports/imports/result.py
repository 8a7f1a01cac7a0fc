"""What an import leaves behind: counts only, never a pupil.

`Tally` adds up cells keyed by (year group, need, provision), where a year or need
may be `TOTAL` (a total row, or a file without that column). `Tally.result()`
builds each breakdown from the file's own subtotals where it gives them and from
the sum of its rows where it does not, and warns when the two cannot both be
right.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from .codes import (
    ALL_PUPILS,
    EHC_PLAN,
    NEED_CODES,
    NO_SEN,
    NOT_RECORDED,
    PROVISION_LABELS,
    SEN_SUPPORT,
    TOTAL,
    need_order,
    year_order,
)

SEN = (SEN_SUPPORT, EHC_PLAN)
ROLL = (SEN_SUPPORT, EHC_PLAN, NO_SEN)

Key = tuple[str, str, str]  # (year group or TOTAL, need or TOTAL, provision)
Counts = dict[str, dict[str, int]]  # {year or need: {provision: pupils}}


@dataclass
class ImportResult:
    """Aggregate SEN numbers from one file.

    `pupils` is None when the file gives no figure for pupils without SEN, so the
    roll is unknown. `by_year` maps "N1", "R", "Y3"… to {"K", "E", "N"};
    `by_need` maps census need codes to {"K", "E"}; `by_year_need` maps a year
    to need codes to {"K", "E"}.
    """

    source_format: str
    rows_read: int
    pupils: int | None
    sen_support: int
    ehc_plan: int
    by_year: Counts = field(default_factory=dict)
    by_need: Counts = field(default_factory=dict)
    by_year_need: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        """The shape `tandem import-sen-data --json` prints."""

        return {
            "pupils": self.pupils,
            "sen_support": self.sen_support,
            "ehc_plan": self.ehc_plan,
            "by_year": {
                year: {"K": counts["K"], "E": counts["E"]}
                for year, counts in self.by_year.items()
            },
            "by_need": {code: dict(counts) for code, counts in self.by_need.items()},
            "warnings": list(self.warnings),
        }


class Tally:
    """Counts keyed by (year, need, provision) while a file is read."""

    def __init__(self) -> None:
        self.cells: dict[Key, int] = defaultdict(int)
        self.warnings: list[str] = []

    def add(self, year: str, need: str, provision: str, count: int = 1) -> None:
        self.cells[(year, need, provision)] += count

    def has(self, provision: str) -> bool:
        return any(key[2] == provision for key in self.cells)

    def result(self, *, source_format: str, rows_read: int) -> ImportResult:
        warnings = list(self.warnings)
        by_year_need = self._by_year_need()
        by_year = self._by_year(warnings)
        by_need = self._by_need(warnings)
        totals = {p: self._total(p, by_year, warnings) for p in ROLL}
        pupils = self._pupils(totals, by_year, warnings)
        self._warn_unrecorded_needs(totals, by_need, warnings)

        return ImportResult(
            source_format=source_format,
            rows_read=rows_read,
            pupils=pupils,
            sen_support=totals[SEN_SUPPORT],
            ehc_plan=totals[EHC_PLAN],
            by_year=by_year,
            by_need=by_need,
            by_year_need=by_year_need,
            warnings=warnings,
        )

    def _detail(self) -> dict[Key, int]:
        return {
            key: n
            for key, n in self.cells.items()
            if key[0] != TOTAL and key[1] != TOTAL and key[2] in ROLL
        }

    def _by_year_need(self) -> dict[str, dict[str, dict[str, int]]]:
        table: dict[str, dict[str, dict[str, int]]] = {}
        for (year, need, provision), n in sorted(self._detail().items()):
            if need == NOT_RECORDED or provision not in SEN:
                continue
            counts = table.setdefault(year, {}).setdefault(need, {"K": 0, "E": 0})
            counts[provision] += n

        return {
            year: dict(sorted(needs.items(), key=lambda item: need_order(item[0])))
            for year, needs in sorted(table.items(), key=lambda i: year_order(i[0]))
        }

    def _rolled(
        self, *, axis: int, provisions: tuple[str, ...], warnings: list[str]
    ) -> dict[tuple[str, str], int]:
        """Counts by year (axis 0) or need (axis 1).

        A file's own subtotal wins over the sum of its rows, which may be short
        where figures were not available; a subtotal smaller than its rows is
        kept but warned about.
        """

        other = 1 - axis
        explicit: dict[tuple[str, str], int] = defaultdict(int)
        summed: dict[tuple[str, str], int] = defaultdict(int)
        for key, n in self.cells.items():
            value, provision = key[axis], key[2]
            if value == TOTAL or provision not in provisions:
                continue
            target = explicit if key[other] == TOTAL else summed
            target[(value, provision)] += n

        rolled = dict(summed)
        for (value, provision), n in explicit.items():
            if summed.get((value, provision), 0) > n:
                warnings.append(
                    f"The file's total for {PROVISION_LABELS[provision]} in {value} "
                    f"({n}) is smaller than the sum of its rows "
                    f"({summed[(value, provision)]}); the file's total was used."
                )
            rolled[(value, provision)] = n

        return rolled

    def _by_year(self, warnings: list[str]) -> Counts:
        rolled = self._rolled(axis=0, provisions=ROLL, warnings=warnings)
        years = sorted({year for year, _ in rolled}, key=year_order)

        return {
            year: {p: rolled.get((year, p), 0) for p in ("K", "E", "N")}
            for year in years
        }

    def _by_need(self, warnings: list[str]) -> Counts:
        rolled = self._rolled(axis=1, provisions=SEN, warnings=warnings)
        needs = sorted(
            {need for need, _ in rolled if need in NEED_CODES}, key=need_order
        )

        return {need: {p: rolled.get((need, p), 0) for p in SEN} for need in needs}

    def _total(self, provision: str, by_year: Counts, warnings: list[str]) -> int:
        explicit = self.cells.get((TOTAL, TOTAL, provision))
        if by_year:
            summed = sum(counts[provision] for counts in by_year.values())
        else:
            summed = sum(
                n
                for (y, c, p), n in self.cells.items()
                if p == provision and y == TOTAL and c != TOTAL
            )
        has_rows = any(
            p == provision and (y, c) != (TOTAL, TOTAL) for (y, c, p) in self.cells
        )
        if explicit is None:
            return summed
        if has_rows and summed > explicit:
            warnings.append(
                f"The file's total for {PROVISION_LABELS[provision]} ({explicit}) is "
                f"smaller than the sum of its rows ({summed}); the file's total was "
                "used."
            )

        return explicit

    def _pupils(
        self, totals: dict[str, int], by_year: Counts, warnings: list[str]
    ) -> int | None:
        explicit = self.cells.get((TOTAL, TOTAL, ALL_PUPILS))
        if explicit is None and by_year:
            year_rolls = [
                n
                for (y, c, p), n in self.cells.items()
                if p == ALL_PUPILS and y != TOTAL and c == TOTAL
            ]
            explicit = sum(year_rolls) if year_rolls else None
        knows_no_sen = self.has(NO_SEN)
        summed = sum(totals.values())
        if explicit is None:
            if knows_no_sen:
                return summed
            warnings.append(
                "The file gives no figure for pupils without SEN, so pupils on roll "
                "was left blank."
            )
            return None
        if explicit < totals[SEN_SUPPORT] + totals[EHC_PLAN]:
            warnings.append(
                f"The file's number of pupils ({explicit}) is smaller than the pupils "
                "with SEN it lists."
            )
        elif knows_no_sen and explicit != summed:
            warnings.append(
                f"The file's number of pupils ({explicit}) differs from the sum of "
                f"its rows ({summed}); the file's number was used."
            )

        return explicit

    def _warn_unrecorded_needs(
        self, totals: dict[str, int], by_need: Counts, warnings: list[str]
    ) -> None:
        if not by_need:
            return
        for provision in SEN:
            gap = totals[provision] - sum(c[provision] for c in by_need.values())
            if gap > 0:
                who = "1 pupil" if gap == 1 else f"{gap} pupils"
                verb = "is" if gap == 1 else "are"
                warnings.append(
                    f"{who} with {PROVISION_LABELS[provision]} {verb} not in the need "
                    "breakdown (no primary need recorded, or figures not available), "
                    "so it adds up to less than the total."
                )
