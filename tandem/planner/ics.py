"""Build .ics calendars (RFC 5545) with icalendar. Pure: no Django, no database.

What Outlook and Google need to import at the right time:
- timed events carry `TZID=Europe/London` and the file carries a matching VTIMEZONE
  (written with yearly rules, as Outlook itself exports it, so it holds for any year);
- all-day items are DATE values and DTEND is the day *after* the last day;
- every event has a UID that stays the same across downloads (so a refreshed feed
  updates events instead of duplicating them), a DTSTAMP and a SEQUENCE that goes up
  when the event moves;
- the calendar has a name (NAME and X-WR-CALNAME) and, for subscriptions, a refresh
  interval (REFRESH-INTERVAL and X-PUBLISHED-TTL).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard
from icalendar.prop import vDuration, vRecur

from tandem.lib.calendar import LONDON

PRODID = "-//Tandem//Year planner//EN"
DEFAULT_REFRESH = dt.timedelta(hours=6)


@dataclass(frozen=True)
class TimedItem:
    """An event at a time of day, such as a meeting. Datetimes must be aware."""

    uid: str
    summary: str
    start: dt.datetime
    end: dt.datetime
    description: str = ""
    location: str = ""
    categories: Sequence[str] = ()
    sequence: int = 0

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError(f"Event {self.uid} needs timezone-aware start and end.")
        if self.end <= self.start:
            raise ValueError(f"Event {self.uid} must end after it starts.")


@dataclass(frozen=True)
class AllDayItem:
    """An item that spans whole days, such as a deadline or a half-term holiday."""

    uid: str
    summary: str
    first: dt.date
    last: dt.date  # inclusive, as people say it; the file gets the exclusive end
    description: str = ""
    categories: Sequence[str] = ()
    sequence: int = 0
    busy: bool = False

    def __post_init__(self) -> None:
        if isinstance(self.first, dt.datetime) or isinstance(self.last, dt.datetime):
            raise ValueError(f"All-day item {self.uid} takes dates, not datetimes.")
        if self.last < self.first:
            raise ValueError(f"All-day item {self.uid} ends before it starts.")


CalendarItem = TimedItem | AllDayItem


@dataclass(frozen=True)
class CalendarSpec:
    name: str
    description: str = ""
    refresh: dt.timedelta | None = DEFAULT_REFRESH
    items: Sequence[CalendarItem] = field(default_factory=tuple)


def london_timezone() -> Timezone:
    """Europe/London as a VTIMEZONE with the rules in force since 1996."""

    # RFC 5545 wants each onset as a floating local time, hence the naive datetimes.
    daylight = TimezoneDaylight()
    daylight.add("tzname", "BST")
    daylight.add("tzoffsetfrom", dt.timedelta(hours=0))
    daylight.add("tzoffsetto", dt.timedelta(hours=1))
    daylight.add("dtstart", dt.datetime(1981, 3, 29, 1, 0))  # noqa: DTZ001
    daylight.add("rrule", vRecur(freq="YEARLY", bymonth=3, byday="-1SU"))

    standard = TimezoneStandard()
    standard.add("tzname", "GMT")
    standard.add("tzoffsetfrom", dt.timedelta(hours=1))
    standard.add("tzoffsetto", dt.timedelta(hours=0))
    standard.add("dtstart", dt.datetime(1996, 10, 27, 2, 0))  # noqa: DTZ001
    standard.add("rrule", vRecur(freq="YEARLY", bymonth=10, byday="-1SU"))

    timezone = Timezone()
    timezone.add("tzid", "Europe/London")
    timezone.add_component(daylight)
    timezone.add_component(standard)

    return timezone


def build_calendar(spec: CalendarSpec, *, stamp: dt.datetime) -> bytes:
    """The calendar as .ics bytes. `stamp` (aware) becomes every DTSTAMP."""

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", spec.name)
    calendar.add("x-wr-calname", spec.name)
    calendar.add("x-wr-timezone", "Europe/London")
    if spec.description:
        calendar.add("x-wr-caldesc", spec.description)
    if spec.refresh:
        calendar.add("refresh-interval", spec.refresh, parameters={"VALUE": "DURATION"})
        ttl = vDuration(spec.refresh).to_ical().decode()
        calendar.add("x-published-ttl", ttl)

    calendar.add_component(london_timezone())
    stamp_utc = stamp.astimezone(dt.UTC)
    for item in _in_order(spec.items):
        calendar.add_component(_event(item, stamp_utc))

    return calendar.to_ical()


def _in_order(items: Iterable[CalendarItem]) -> list[CalendarItem]:
    def key(item: CalendarItem) -> tuple[dt.date, str]:
        first = item.start.date() if isinstance(item, TimedItem) else item.first
        return first, item.uid

    return sorted(items, key=key)


def _event(item: CalendarItem, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", item.uid)
    event.add("dtstamp", stamp)
    event.add("summary", item.summary)
    event.add("sequence", item.sequence)
    if isinstance(item, TimedItem):
        event.add("dtstart", item.start.astimezone(LONDON))
        event.add("dtend", item.end.astimezone(LONDON))
        event.add("transp", "OPAQUE")
        if item.location:
            event.add("location", item.location)
    else:
        event.add("dtstart", item.first)
        event.add("dtend", item.last + dt.timedelta(days=1))
        event.add("transp", "OPAQUE" if item.busy else "TRANSPARENT")
    if item.description:
        event.add("description", item.description)
    if item.categories:
        event.add("categories", list(item.categories))

    return event
