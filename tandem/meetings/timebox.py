"""Time boxes for an agenda: running totals, the computed end time, overruns.

Pure arithmetic, no Django, so the agenda page, the exports and the tests share it.
Times are wall-clock times in Europe/London: a meeting that starts at 16:00 and runs
for 90 minutes ends at 17:30, whatever the clocks did that morning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from tandem.lib.words import counted

# More items than this and the agenda suggests keeping to the essentials (Default).
ESSENTIAL_ITEMS = 6
# Longest time box one item may take, in minutes; longer is almost certainly a typo.
MAX_ITEM_MINUTES = 240


@dataclass(frozen=True)
class Slot:
    """One agenda item placed on the clock."""

    position: int
    minutes: int
    starts_at: time
    ends_at: time
    running_total: int
    overruns: bool


@dataclass(frozen=True)
class Timetable:
    """The agenda's items on the clock, against the agreed length of the meeting."""

    slots: tuple[Slot, ...]
    starts_at: time
    agreed_minutes: int
    total_minutes: int
    ends_at: time
    agreed_end: time

    @property
    def overrun_minutes(self) -> int:
        return max(0, self.total_minutes - self.agreed_minutes)

    @property
    def spare_minutes(self) -> int:
        return max(0, self.agreed_minutes - self.total_minutes)

    @property
    def is_over(self) -> bool:
        return self.total_minutes > self.agreed_minutes

    @property
    def warning(self) -> str:
        """The overrun warning, or an empty string when the agenda fits."""

        if not self.is_over:
            return ""
        return (
            f"The agenda runs {counted(self.overrun_minutes, 'minute')} over the agreed "
            f"{counted(self.agreed_minutes, 'minute')}: it would end at "
            f"{self.ends_at:%H:%M} instead of {self.agreed_end:%H:%M}."
        )

    @property
    def essentials_hint(self) -> str:
        """A nudge to keep the list short, or an empty string when it already is."""

        if self.is_over:
            return (
                "Keep it to the essentials: shorten a time box, park an item for the "
                "next meeting, or share information items as papers instead."
            )
        if len(self.slots) > ESSENTIAL_ITEMS:
            return (
                f"{len(self.slots)} items is a long list for one meeting. Keep it to "
                "the essentials: could some information items be shared as papers?"
            )
        return ""


def plan(starts_at: time, agreed_minutes: int, minutes: Sequence[int]) -> Timetable:
    """Place items of the given lengths one after another from `starts_at`."""

    if agreed_minutes <= 0:
        raise ValueError("The agreed length of the meeting must be at least 1 minute.")
    for position, length in enumerate(minutes, start=1):
        check_minutes(length, position=position)

    slots = []
    running = 0
    for position, length in enumerate(minutes, start=1):
        start = clock(starts_at, running)
        running += length
        slot = Slot(
            position=position,
            minutes=length,
            starts_at=start,
            ends_at=clock(starts_at, running),
            running_total=running,
            overruns=running > agreed_minutes,
        )
        slots.append(slot)

    return Timetable(
        slots=tuple(slots),
        starts_at=starts_at,
        agreed_minutes=agreed_minutes,
        total_minutes=running,
        ends_at=clock(starts_at, running),
        agreed_end=clock(starts_at, agreed_minutes),
    )


def check_minutes(length: int, *, position: int = 1) -> None:
    """Refuse a time box that is not a whole number of minutes from 1 to 240."""

    if isinstance(length, bool) or not isinstance(length, int):
        raise ValueError(f"Item {position}: the time box must be a whole number.")
    if not 1 <= length <= MAX_ITEM_MINUTES:
        raise ValueError(
            f"Item {position}: the time box must be between 1 and "
            f"{MAX_ITEM_MINUTES} minutes."
        )


def clock(starts_at: time, minutes: int) -> time:
    """The wall-clock time `minutes` after `starts_at` (wrapping past midnight)."""

    moment = datetime.combine(date(2000, 1, 1), starts_at) + timedelta(minutes=minutes)
    return moment.time()
