from datetime import date

import pytest

from tandem.meetings.rules import Sharing, Urgency, share_by, sharing, urgency

MEETING = date(2026, 3, 12)


@pytest.mark.parametrize(
    ("days", "expected"),
    [(7, date(2026, 3, 5)), (0, MEETING), (14, date(2026, 2, 26))],
)
def test_share_by_counts_back_from_the_meeting(days, expected):
    assert share_by(MEETING, days) == expected


def test_share_by_crosses_month_and_year_ends():
    assert share_by(date(2026, 1, 3), 7) == date(2025, 12, 27)


def test_share_by_refuses_negative_days():
    with pytest.raises(ValueError, match="cannot be negative"):
        share_by(MEETING, -1)


@pytest.mark.parametrize(
    ("today", "shared", "expected"),
    [
        (date(2026, 3, 1), False, Sharing.NOT_YET),
        (date(2026, 3, 2), False, Sharing.DUE),
        (date(2026, 3, 5), False, Sharing.DUE),
        (date(2026, 3, 6), False, Sharing.LATE),
        (MEETING, False, Sharing.LATE),
        (date(2026, 3, 13), False, Sharing.PAST),
        (date(2026, 3, 6), True, Sharing.SHARED),
    ],
)
def test_sharing_state(today, shared, expected):
    assert sharing(MEETING, shared=shared, today=today, days_before=7) == expected


@pytest.mark.parametrize(
    ("due", "is_open", "expected"),
    [
        (date(2026, 3, 11), True, Urgency.OVERDUE),
        (date(2026, 3, 12), True, Urgency.DUE_SOON),
        (date(2026, 3, 19), True, Urgency.DUE_SOON),
        (date(2026, 3, 20), True, Urgency.LATER),
        (date(2026, 3, 1), False, Urgency.CLOSED),
    ],
)
def test_action_urgency_on_12_march(due, is_open, expected):
    assert urgency(due, is_open=is_open, today=MEETING) == expected
