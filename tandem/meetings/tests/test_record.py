from datetime import date, time

import pytest

from tandem.lib.pdf import css_string
from tandem.meetings.record import MeetingRecord, dmy, lines, paper_colour
from tandem.meetings.tests.samples import normal_record


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("#FFF8E1", "#fff8e1"),
        ("fff8e1", "#fff8e1"),
        ("#abc", "#aabbcc"),
        (" #FFFFFF ", "#ffffff"),
        ("", "#ffffff"),
        (None, "#ffffff"),
        ("red", "#ffffff"),
        ("#fff8e1; } body { display: none", "#ffffff"),
        ("#12345", "#ffffff"),
    ],
)
def test_paper_colour_only_passes_hex_colours(value, expected):
    assert paper_colour(value) == expected


def test_actions_are_listed_once_in_agenda_order():
    record = normal_record()

    assert [a.reference for a in record.actions] == ["A1", "A2", "A3", "A4", "A5"]


def test_time_range_with_and_without_an_end():
    record = MeetingRecord("School", date(2026, 2, 3), time(9, 5))

    assert record.time_range == "09:05"
    assert normal_record().time_range == "15:45 to 16:45"


def test_dates_are_day_month_year():
    assert dmy(date(2026, 3, 1)) == "01/03/2026"
    assert dmy(None, missing="to be arranged") == "to be arranged"


def test_lines_drop_blank_lines_and_trim():
    assert lines("  first \n\n second\n ") == ["first", "second"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Riverside Primary", '"Riverside Primary"'),
        ('St Mary & "St John"', '"St Mary \\000026  \\000022 St John\\000022 "'),
        ("</style>", '"\\00003c /style\\00003e "'),
        ("a\\b", '"a\\00005c b"'),
    ],
)
def test_css_string_escapes_everything_unusual(text, expected):
    assert css_string(text) == expected
