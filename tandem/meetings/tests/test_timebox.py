from datetime import time

import pytest

from tandem.meetings.timebox import ESSENTIAL_ITEMS, clock, plan


@pytest.mark.parametrize(
    ("minutes", "totals", "ends", "total", "end"),
    [
        ([], [], [], 0, "16:00"),
        ([10], [10], ["16:10"], 10, "16:10"),
        ([10, 20, 15], [10, 30, 45], ["16:10", "16:30", "16:45"], 45, "16:45"),
        ([30, 30], [30, 60], ["16:30", "17:00"], 60, "17:00"),
        ([30, 30, 5], [30, 60, 65], ["16:30", "17:00", "17:05"], 65, "17:05"),
    ],
)
def test_running_totals_and_end_time(minutes, totals, ends, total, end):
    table = plan(time(16, 0), 60, minutes)

    assert [slot.running_total for slot in table.slots] == totals
    assert [f"{slot.ends_at:%H:%M}" for slot in table.slots] == ends
    assert table.total_minutes == total
    assert f"{table.ends_at:%H:%M}" == end
    assert f"{table.agreed_end:%H:%M}" == "17:00"


def test_each_item_starts_when_the_previous_one_ends():
    table = plan(time(15, 45), 60, [5, 25, 20])

    assert [f"{s.starts_at:%H:%M}" for s in table.slots] == ["15:45", "15:50", "16:15"]
    assert [s.position for s in table.slots] == [1, 2, 3]


@pytest.mark.parametrize(
    ("minutes", "over", "overrun", "spare"),
    [
        ([20, 20, 20], False, 0, 0),
        ([20, 20], False, 0, 20),
        ([20, 20, 21], True, 1, 0),
        ([45, 45], True, 30, 0),
    ],
)
def test_overrun_against_the_agreed_length(minutes, over, overrun, spare):
    table = plan(time(16, 0), 60, minutes)

    assert table.is_over is over
    assert table.overrun_minutes == overrun
    assert table.spare_minutes == spare


def test_warning_names_the_overrun_and_both_end_times():
    table = plan(time(16, 0), 60, [45, 45])

    assert table.warning == (
        "The agenda runs 30 minutes over the agreed 60 minutes: it would end at "
        "17:30 instead of 17:00."
    )
    assert "essentials" in table.essentials_hint


def test_one_minute_over_is_singular():
    table = plan(time(16, 0), 60, [61])

    assert table.warning.startswith("The agenda runs 1 minute over")


def test_only_the_items_past_the_agreed_end_are_flagged():
    table = plan(time(16, 0), 60, [30, 30, 10, 5])

    assert [slot.overruns for slot in table.slots] == [False, False, True, True]


def test_a_fitting_agenda_has_no_warning_and_no_hint():
    table = plan(time(16, 0), 60, [10] * ESSENTIAL_ITEMS)

    assert table.warning == ""
    assert table.essentials_hint == ""


def test_a_long_list_that_fits_still_suggests_the_essentials():
    table = plan(time(16, 0), 90, [5] * (ESSENTIAL_ITEMS + 1))

    assert table.warning == ""
    assert table.essentials_hint.startswith("7 items is a long list")


def test_end_time_wraps_past_midnight():
    assert clock(time(23, 30), 45) == time(0, 15)


@pytest.mark.parametrize(
    ("minutes", "message"),
    [
        ([10, 0], "Item 2: the time box must be between 1 and 240 minutes."),
        ([-5], "Item 1: the time box must be between 1 and 240 minutes."),
        ([241], "Item 1: the time box must be between 1 and 240 minutes."),
        ([10, 2.5], "Item 2: the time box must be a whole number."),
        ([True], "Item 1: the time box must be a whole number."),
    ],
)
def test_bad_time_boxes_are_refused_with_the_item_named(minutes, message):
    with pytest.raises(ValueError) as caught:
        plan(time(16, 0), 60, minutes)

    assert str(caught.value) == message


def test_agreed_length_must_be_positive():
    with pytest.raises(ValueError, match="at least 1 minute"):
        plan(time(16, 0), 0, [10])
