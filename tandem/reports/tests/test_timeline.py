import datetime as dt

from tandem.reports.timeline import timeline


def test_twenty_week_timeline() -> None:
    steps = timeline(dt.date(2026, 1, 12), today=dt.date(2026, 3, 2))

    assert [step.due for step in steps.steps] == [
        dt.date(2026, 2, 23),
        dt.date(2026, 5, 4),
        dt.date(2026, 6, 1),
    ]
    assert [step.passed for step in steps.steps] == [True, False, False]
    assert steps.weeks_elapsed == 7
    assert steps.final_due == dt.date(2026, 6, 1)
    assert steps.days_left == 91
    assert steps.overdue is False


def test_final_day_is_not_overdue_but_the_next_is() -> None:
    requested = dt.date(2025, 10, 1)

    assert timeline(requested, today=dt.date(2026, 2, 18)).overdue is False
    assert timeline(requested, today=dt.date(2026, 2, 19)).overdue is True
    assert timeline(requested, today=dt.date(2026, 2, 19)).days_left == -1


def test_weeks_elapsed_never_negative() -> None:
    assert timeline(dt.date(2026, 3, 1), today=dt.date(2026, 2, 1)).weeks_elapsed == 0
