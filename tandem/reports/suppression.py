"""Small-count suppression for governor-facing numbers.

Primary: a count of 1 to threshold-1 is shown as "fewer than N". Zero is shown:
it identifies nobody, and hiding it would make every empty cell look like a pupil.

Secondary: a table's totals must not give a hidden cell away. Each *line* is a
sum (parts add up to a total). If a line has exactly one hidden entry, the reader
could work it out as total minus the visible parts, so we also hide one more entry
of that line as "not shown": for a table row its total (the breakdown says more
than the sum), otherwise the smallest visible non-zero part (or, failing that, the
total); and repeat until no line has exactly one hidden entry. Lines may share entries
(a year-group table and a need table share the K and E totals), so one pass
protects both. This is the usual cell-suppression heuristic: it stops the
one-subtraction attack, not every algebraic combination of many lines.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

DEFAULT_THRESHOLD = 5
NOT_SHOWN = "not shown"


def fewer_than(threshold: int) -> str:
    return f"fewer than {threshold}"


@dataclass(frozen=True)
class Shown:
    """A count as one audience may see it."""

    value: int
    text: str
    suppressed: bool = False  # below the threshold
    withheld: bool = False  # visible on its own, hidden so totals do not reveal another

    @property
    def visible(self) -> bool:
        return not (self.suppressed or self.withheld)

    def __str__(self) -> str:
        return self.text


def show(
    value: int, threshold: int = DEFAULT_THRESHOLD, *, suppress: bool = True
) -> Shown:
    """One count, suppressed below the threshold when `suppress` (governor-facing)."""

    if suppress and 0 < value < threshold:
        return Shown(value, fewer_than(threshold), suppressed=True)

    return Shown(value, f"{value:,}")


@dataclass(frozen=True)
class Line:
    """parts add up to total. With prefer_total, the total is withheld before a part
    (right for a table row, whose parts say more than their sum)."""

    parts: tuple[Hashable, ...]
    total: Hashable
    prefer_total: bool = False


def protect(
    values: Mapping[Hashable, int],
    lines: Iterable[Line],
    threshold: int = DEFAULT_THRESHOLD,
    *,
    suppress: bool = True,
) -> dict[Hashable, Shown]:
    """Every value as shown, with primary and secondary suppression applied."""

    shown = {
        key: show(value, threshold, suppress=suppress) for key, value in values.items()
    }
    if not suppress:
        return shown

    lines = list(lines)
    changed = True
    while changed:
        changed = False
        for line in lines:
            entry = _entry_to_withhold(shown, line)
            if entry is not None:
                shown[entry] = Shown(values[entry], NOT_SHOWN, withheld=True)
                changed = True

    return shown


def _entry_to_withhold(shown: Mapping[Hashable, Shown], line: Line) -> Hashable | None:
    members = [*line.parts, line.total]
    hidden = [key for key in members if not shown[key].visible]
    if len(hidden) != 1:
        return None

    if line.prefer_total and shown[line.total].visible:
        return line.total

    visible_parts = [key for key in line.parts if shown[key].visible]
    non_zero = [key for key in visible_parts if shown[key].value > 0]
    candidates = non_zero or visible_parts
    if candidates:
        return min(candidates, key=lambda key: shown[key].value)

    return line.total
