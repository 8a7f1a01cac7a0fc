from datetime import date

import pytest

from tandem.compliance.reviews import (
    ReviewState,
    next_review_after,
    review_status,
)


@pytest.mark.parametrize(
    ("kind", "reviewed", "next_review"),
    [
        ("sen_information_report", date(2025, 9, 15), date(2026, 9, 15)),
        ("sen_policy", date(2025, 10, 1), date(2026, 10, 1)),
        ("accessibility_plan", date(2025, 3, 1), date(2028, 3, 1)),
        ("other", date(2025, 1, 31), date(2026, 1, 31)),
        ("sen_information_report", date(2024, 2, 29), date(2025, 2, 28)),
        ("unknown_kind", date(2025, 5, 5), date(2026, 5, 5)),
    ],
    ids=["report", "policy", "access-plan", "other", "leap-day", "unknown"],
)
def test_next_review_after(kind, reviewed, next_review):
    assert next_review_after(kind, reviewed) == next_review


TODAY = date(2026, 2, 3)


@pytest.mark.parametrize(
    ("next_review", "state", "days", "wording"),
    [
        (None, ReviewState.NOT_SET, 0, "No review date set"),
        (date(2026, 3, 6), ReviewState.OK, 31, "Review up to date"),
        (date(2026, 3, 5), ReviewState.DUE, 30, "Review due in 30 days"),
        (date(2026, 2, 4), ReviewState.DUE, 1, "Review due in 1 day"),
        (date(2026, 2, 3), ReviewState.DUE, 0, "Review due today"),
        (date(2026, 2, 2), ReviewState.OVERDUE, 1, "Review overdue by 1 day"),
        (date(2025, 9, 1), ReviewState.OVERDUE, 155, "Review overdue by 155 days"),
    ],
    ids=["none", "31-days", "30-days", "tomorrow", "today", "yesterday", "months"],
)
def test_review_status(next_review, state, days, wording):
    status = review_status(next_review, today=TODAY)

    assert (status.state, status.days, status.wording) == (state, days, wording)
    assert status.needs_attention is (state in (ReviewState.DUE, ReviewState.OVERDUE))


def test_due_soon_window_is_configurable():
    assert review_status(date(2026, 2, 10), today=TODAY, due_soon_days=5).state == (
        ReviewState.OK
    )
