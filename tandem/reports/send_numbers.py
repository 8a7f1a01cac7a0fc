"""The SEND numbers section: counts, percentages and who may see which.

Built from stored counts; the SENCO's view shows every number, governor-facing
views go through `suppression.protect`, with one sum per table row and column
so that no total gives a hidden cell away. If the need breakdown adds up to less
than the total (needs not recorded), the gap becomes its own row, because the
reader could otherwise work it out by subtraction.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass

from tandem.reports.comparison import share
from tandem.reports.imports.codes import (
    NEED_LABELS,
    YEAR_LABELS,
    need_order,
    year_order,
)
from tandem.reports.suppression import Line, Shown, protect

NOT_RECORDED = "not recorded"
PROVISIONS = ("K", "E")


@dataclass(frozen=True)
class SendNumbers:
    """Counts for one term: K (SEN support) and E (EHC plan)."""

    roll: int | None
    sen_support: int
    ehc_plans: int
    by_year: Mapping[str, Mapping[str, int]]
    by_need: Mapping[str, Mapping[str, int]]

    @property
    def all_sen(self) -> int:
        return self.sen_support + self.ehc_plans


MAX_ROLL = 10_000  # no school in England comes close; a bigger roll is a typing slip


def numbers_problems(
    roll: int | None, sen_support: int | None, ehc_plans: int | None
) -> dict[str, str]:
    """{field: message} for headline counts that cannot be true; empty when sound.

    A count can never be more than the total it is part of: SEN support and EHC
    plans together are at most the roll, and no count is above MAX_ROLL.
    """

    problems: dict[str, str] = {}
    limit = f"{MAX_ROLL:,}"
    if roll is not None and roll > MAX_ROLL:
        problems["pupils_on_roll"] = (
            f"The number of pupils on roll cannot be more than {limit}; please "
            "check the number."
        )
    for name, value, words in (
        ("sen_support", sen_support, "pupils on SEN support"),
        ("ehc_plans", ehc_plans, "pupils with EHC plans"),
    ):
        if value is not None and value > MAX_ROLL:
            problems[name] = (
                f"The number of {words} cannot be more than {limit}; please check "
                "the number."
            )
    if (
        not problems
        and roll is not None
        and sen_support is not None
        and ehc_plans is not None
        and sen_support + ehc_plans > roll
    ):
        problems["ehc_plans"] = (
            f"Pupils on SEN support and with EHC plans add up to "
            f"{sen_support + ehc_plans:,}, more than the {roll:,} pupils on roll."
        )

    return problems


@dataclass(frozen=True)
class Row:
    code: str
    label: str
    sen_support: Shown
    ehc_plans: Shown
    total: Shown


@dataclass(frozen=True)
class Headline:
    label: str
    count: Shown
    percent: str  # "14.3%", "n/a" without a roll, "not shown" when hidden


@dataclass(frozen=True)
class SendView:
    roll: int | None
    headlines: tuple[Headline, ...]
    years: tuple[Row, ...]
    needs: tuple[Row, ...]
    threshold: int
    suppressed: bool

    @property
    def any_hidden(self) -> bool:
        cells = [h.count for h in self.headlines]
        for row in (*self.years, *self.needs):
            cells += [row.sen_support, row.ehc_plans, row.total]

        return any(not cell.visible for cell in cells)

    def headline(self, label: str) -> Headline:
        return next(h for h in self.headlines if h.label == label)


def send_view(numbers: SendNumbers, *, threshold: int, suppress: bool) -> SendView:
    """The numbers as one audience may see them."""

    values, lines, year_codes, need_codes = _cells(numbers)
    shown = protect(values, lines, threshold, suppress=suppress)

    def rows(kind: str, codes: list[str], labels: Mapping[str, str]) -> tuple[Row, ...]:
        return tuple(
            Row(
                code,
                labels.get(code, code),
                shown[(kind, code, "K")],
                shown[(kind, code, "E")],
                shown[(kind, code, "all")],
            )
            for code in codes
        )

    headlines = tuple(
        Headline(label, shown[key], _percent(shown[key], numbers.roll))
        for label, key in (
            ("SEN support", ("all", "K")),
            ("EHC plans", ("all", "E")),
            ("All SEN", ("all", "all")),
        )
    )
    need_labels = {**NEED_LABELS, NOT_RECORDED: "Primary need not recorded"}

    return SendView(
        roll=numbers.roll,
        headlines=headlines,
        years=rows("year", year_codes, YEAR_LABELS),
        needs=rows("need", need_codes, need_labels),
        threshold=threshold,
        suppressed=suppress,
    )


def _cells(
    numbers: SendNumbers,
) -> tuple[dict[Hashable, int], list[Line], list[str], list[str]]:
    values: dict[Hashable, int] = {
        ("all", "K"): numbers.sen_support,
        ("all", "E"): numbers.ehc_plans,
        ("all", "all"): numbers.all_sen,
    }
    lines = [Line((("all", "K"), ("all", "E")), ("all", "all"), prefer_total=True)]

    year_codes = sorted(numbers.by_year, key=year_order)
    need_codes = sorted(numbers.by_need, key=need_order)
    needs = {code: dict(numbers.by_need[code]) for code in need_codes}
    gap = {
        p: _total(numbers, p) - sum(c.get(p, 0) for c in needs.values())
        for p in PROVISIONS
    }
    if need_codes and any(n > 0 for n in gap.values()):
        needs[NOT_RECORDED] = {p: max(0, n) for p, n in gap.items()}
        need_codes.append(NOT_RECORDED)

    for kind, table, codes in (
        ("year", numbers.by_year, year_codes),
        ("need", needs, need_codes),
    ):
        for code in codes:
            counts = table[code]
            for p in PROVISIONS:
                values[(kind, code, p)] = counts.get(p, 0)
            values[(kind, code, "all")] = counts.get("K", 0) + counts.get("E", 0)
            lines.append(
                Line(
                    ((kind, code, "K"), (kind, code, "E")),
                    (kind, code, "all"),
                    prefer_total=True,
                )
            )
        if codes and _adds_up(values, kind, codes, numbers):
            for p in (*PROVISIONS, "all"):
                parts = tuple((kind, code, p) for code in codes)
                lines.append(Line(parts, ("all", p)))

    return values, lines, year_codes, need_codes


def _total(numbers: SendNumbers, provision: str) -> int:
    return numbers.sen_support if provision == "K" else numbers.ehc_plans


def _adds_up(
    values: Mapping[Hashable, int], kind: str, codes: list[str], numbers: SendNumbers
) -> bool:
    """A column is a sum line only if it really adds up to the headline total."""

    return all(
        sum(values[(kind, code, p)] for code in codes) == _total(numbers, p)
        for p in PROVISIONS
    )


def _percent(count: Shown, roll: int | None) -> str:
    if not count.visible:
        return "not shown"
    percent = share(count.value, roll or 0)
    if percent is None:
        return "n/a"

    return f"{percent}%"
