"""The .ics builder: parse the file back and check what calendar apps will see."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tandem.planner.ics import (
    LONDON,
    AllDayItem,
    CalendarSpec,
    TimedItem,
    build_calendar,
)

STAMP = dt.datetime(2026, 12, 3, 9, 30, tzinfo=dt.UTC)


def meeting(uid: str, day: dt.date, hour: int = 16, minutes: int = 60) -> TimedItem:
    start = dt.datetime(day.year, day.month, day.day, hour, tzinfo=LONDON)
    return TimedItem(
        uid=uid,
        summary="SENCO and SEN governor meeting",
        start=start,
        end=start + dt.timedelta(minutes=minutes),
        location="SENCO office",
    )


CLOCK_CHANGE_MEETINGS = [
    # (date, UTC hour of a 16:00 local start): BST ends 25/10/2026, starts 28/03/2027
    (dt.date(2026, 10, 23), 15),
    (dt.date(2026, 10, 30), 16),
    (dt.date(2027, 3, 26), 16),
    (dt.date(2027, 4, 2), 15),
]


def parse(spec: CalendarSpec) -> Calendar:
    return Calendar.from_ical(build_calendar(spec, stamp=STAMP))


def events_by_uid(calendar: Calendar) -> dict[str, object]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def parsed() -> Calendar:
    items = [
        meeting(f"m{n}@tandem", day) for n, (day, _) in enumerate(CLOCK_CHANGE_MEETINGS)
    ]
    items.append(
        AllDayItem(
            uid="half-term@tandem",
            summary="October half-term",
            first=dt.date(2026, 10, 26),
            last=dt.date(2026, 10, 30),
        )
    )
    items.append(
        AllDayItem(
            uid="deadline@tandem",
            summary="Termly report deadline",
            first=dt.date(2027, 3, 19),
            last=dt.date(2027, 3, 19),
            busy=True,
        )
    )
    return parse(CalendarSpec(name="Tandem: Oak Lane Primary 2026/27", items=items))


class TestTimedEvents:
    @pytest.mark.parametrize(("index", "case"), list(enumerate(CLOCK_CHANGE_MEETINGS)))
    def test_local_time_is_16_00_either_side_of_clock_changes(
        self, parsed, index, case
    ):
        day, utc_hour = case
        event = events_by_uid(parsed)[f"m{index}@tandem"]
        start = event.decoded("DTSTART")

        assert event["DTSTART"].params["TZID"] == "Europe/London"
        assert (start.date(), start.hour, start.minute) == (day, 16, 0)
        assert start.astimezone(dt.UTC).hour == utc_hour
        assert event.decoded("DTEND") - start == dt.timedelta(hours=1)

    @pytest.mark.parametrize(("day", "utc_hour"), CLOCK_CHANGE_MEETINGS)
    def test_the_files_own_vtimezone_gives_the_same_offsets(
        self, parsed, day, utc_hour
    ):
        # Clients such as Outlook read the VTIMEZONE, not a tz database.
        (timezone,) = parsed.walk("VTIMEZONE")
        own = timezone.to_tz(lookup_tzid=False)
        local = dt.datetime(day.year, day.month, day.day, 16, tzinfo=own)

        assert timezone["TZID"] == "Europe/London"
        assert local.astimezone(dt.UTC).hour == utc_hour

    def test_times_given_in_utc_are_written_as_london_time(self):
        start = dt.datetime(2027, 4, 2, 15, tzinfo=dt.UTC)
        item = TimedItem("u@t", "Meeting", start, start + dt.timedelta(hours=1))

        (event,) = parse(CalendarSpec(name="x", items=[item])).walk("VEVENT")

        assert event["DTSTART"].params["TZID"] == "Europe/London"
        assert event.decoded("DTSTART").hour == 16

    def test_naive_datetimes_are_refused(self):
        with pytest.raises(ValueError, match="timezone-aware"):
            TimedItem(
                "u@t", "x", dt.datetime(2026, 10, 23, 16), dt.datetime(2026, 10, 23, 17)
            )

    def test_end_must_follow_start(self):
        start = dt.datetime(2026, 10, 23, 16, tzinfo=ZoneInfo("Europe/London"))
        with pytest.raises(ValueError, match="end after"):
            TimedItem("u@t", "x", start, start)


class TestAllDayItems:
    def test_all_day_item_is_dates_with_exclusive_end(self, parsed):
        event = events_by_uid(parsed)["half-term@tandem"]

        assert event["DTSTART"].params.get("VALUE") == "DATE"
        assert event.decoded("DTSTART") == dt.date(2026, 10, 26)
        assert event.decoded("DTEND") == dt.date(2026, 10, 31)
        assert not isinstance(event.decoded("DTSTART"), dt.datetime)
        assert event["TRANSP"] == "TRANSPARENT"

    def test_single_day_deadline(self, parsed):
        event = events_by_uid(parsed)["deadline@tandem"]

        assert event.decoded("DTSTART") == dt.date(2027, 3, 19)
        assert event.decoded("DTEND") == dt.date(2027, 3, 20)
        assert event["TRANSP"] == "OPAQUE"

    def test_datetimes_are_refused(self):
        moment = dt.datetime(2026, 10, 26, 9, tzinfo=dt.UTC)
        with pytest.raises(ValueError, match="takes dates"):
            AllDayItem("u@t", "x", moment, moment)


class TestCalendar:
    def test_headers_outlook_and_google_need(self, parsed):
        assert parsed["VERSION"] == "2.0"
        assert parsed["PRODID"] == "-//Tandem//Year planner//EN"
        assert parsed["METHOD"] == "PUBLISH"
        assert parsed["X-WR-CALNAME"] == "Tandem: Oak Lane Primary 2026/27"
        assert parsed["NAME"] == "Tandem: Oak Lane Primary 2026/27"
        assert parsed["X-WR-TIMEZONE"] == "Europe/London"
        assert parsed["X-PUBLISHED-TTL"] == "PT6H"
        assert parsed.decoded("REFRESH-INTERVAL") == dt.timedelta(hours=6)

    def test_every_event_has_uid_and_utc_dtstamp(self, parsed):
        events = parsed.walk("VEVENT")

        assert len(events) == 6
        for event in events:
            assert event.decoded("DTSTAMP") == STAMP
            assert event["UID"]

    def test_same_input_gives_the_same_file(self):
        spec = CalendarSpec(name="x", items=[meeting("a@t", dt.date(2026, 10, 23))])

        assert build_calendar(spec, stamp=STAMP) == build_calendar(spec, stamp=STAMP)

    def test_events_are_in_date_order(self, parsed):
        starts = [event.decoded("DTSTART") for event in parsed.walk("VEVENT")]
        days = [s.date() if isinstance(s, dt.datetime) else s for s in starts]

        assert days == sorted(days)

    def test_sequence_is_written(self):
        item = AllDayItem(
            "u@t",
            "Learning walk",
            dt.date(2027, 1, 20),
            dt.date(2027, 1, 20),
            sequence=3,
        )

        (event,) = parse(CalendarSpec(name="x", items=[item])).walk("VEVENT")

        assert event["SEQUENCE"] == 3
