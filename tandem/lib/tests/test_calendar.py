import datetime as dt

import pytest

from tandem.lib.calendar import (
    AcademicYear,
    FinancialYearKind,
    Term,
    at_london,
    default_term,
    financial_year,
    format_date,
    parse_uk_date,
    wall_clock_problem,
)

D = dt.date


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (D(2025, 8, 31), "2024/25"),
        (D(2025, 9, 1), "2025/26"),
        (D(2026, 1, 1), "2025/26"),
        (D(2025, 12, 31), "2025/26"),
        (D(2099, 9, 1), "2099/00"),
    ],
)
def test_academic_year_of_a_date(day: dt.date, label: str) -> None:
    assert AcademicYear.of(day).label == label


@pytest.mark.parametrize(
    ("label", "start"), [("2025/26", 2025), ("2025-26", 2025), ("1999/00", 1999)]
)
def test_academic_year_parses_labels(label: str, start: int) -> None:
    assert AcademicYear.parse(label).start_year == start


@pytest.mark.parametrize("label", ["2025/27", "2025", "25/26", "2025/2026", ""])
def test_academic_year_refuses_bad_labels(label: str) -> None:
    with pytest.raises(ValueError, match="is not an academic year"):
        AcademicYear.parse(label)


def test_academic_year_bounds_and_neighbours() -> None:
    year = AcademicYear(2025)

    assert (year.first_day, year.last_day) == (D(2025, 9, 1), D(2026, 8, 31))
    assert D(2026, 8, 31) in year and D(2026, 9, 1) not in year
    assert (year.previous().label, year.next().label, year.slug) == (
        "2024/25",
        "2026/27",
        "2025-26",
    )


@pytest.mark.parametrize(
    ("day", "term"),
    [
        (D(2025, 8, 31), Term.SUMMER),
        (D(2025, 9, 1), Term.AUTUMN),
        (D(2025, 12, 31), Term.AUTUMN),
        (D(2026, 1, 1), Term.SPRING),
        (D(2026, 3, 31), Term.SPRING),
        (D(2026, 4, 1), Term.SUMMER),
    ],
)
def test_default_term(day: dt.date, term: Term) -> None:
    assert default_term(day) == term


@pytest.mark.parametrize(
    ("day", "kind", "first", "last", "label"),
    [
        (
            D(2026, 3, 31),
            FinancialYearKind.APRIL,
            D(2025, 4, 1),
            D(2026, 3, 31),
            "2025-26",
        ),
        (
            D(2026, 4, 1),
            FinancialYearKind.APRIL,
            D(2026, 4, 1),
            D(2027, 3, 31),
            "2026-27",
        ),
        (
            D(2026, 1, 1),
            FinancialYearKind.APRIL,
            D(2025, 4, 1),
            D(2026, 3, 31),
            "2025-26",
        ),
        (
            D(2025, 8, 31),
            FinancialYearKind.SEPTEMBER,
            D(2024, 9, 1),
            D(2025, 8, 31),
            "2024-25",
        ),
        (
            D(2025, 9, 1),
            FinancialYearKind.SEPTEMBER,
            D(2025, 9, 1),
            D(2026, 8, 31),
            "2025-26",
        ),
        (
            D(2026, 1, 1),
            FinancialYearKind.SEPTEMBER,
            D(2025, 9, 1),
            D(2026, 8, 31),
            "2025-26",
        ),
    ],
)
def test_financial_year(day, kind, first, last, label) -> None:  # noqa: ANN001
    year = financial_year(day, kind)

    assert (year.first_day, year.last_day, year.label) == (first, last, label)


def test_uk_date_format_round_trip() -> None:
    assert format_date(D(2026, 2, 3)) == "03/02/2026"
    assert format_date(None) == ""
    assert parse_uk_date("03/02/2026") == D(2026, 2, 3)
    assert parse_uk_date("2026-02-03") == D(2026, 2, 3)
    with pytest.raises(ValueError, match="dd/mm/yyyy"):
        parse_uk_date("02/30/2026")


def test_london_times_either_side_of_the_clock_change() -> None:
    before = at_london(D(2026, 10, 23), dt.time(16, 0))
    after = at_london(D(2026, 10, 30), dt.time(16, 0))

    assert before.utcoffset() == dt.timedelta(hours=1)
    assert after.utcoffset() == dt.timedelta(0)


@pytest.mark.parametrize(
    ("day", "time", "exists"),
    [
        (D(2027, 3, 28), dt.time(1, 30), False),
        (D(2027, 3, 28), dt.time(0, 59), True),
        (D(2027, 3, 28), dt.time(2, 0), True),
        (D(2026, 10, 25), dt.time(1, 30), True),  # happens twice; the first is used
        (D(2026, 3, 29), dt.time(1, 0), False),
    ],
)
def test_times_the_clocks_skip_are_refused(day, time, exists) -> None:  # noqa: ANN001
    problem = wall_clock_problem(day, time)

    assert (problem is None) is exists
    if problem:
        assert problem.startswith(f"There is no {time:%H:%M} on {format_date(day)}")


def test_planner_fgb_form_refuses_a_skipped_time() -> None:
    from tandem.planner.forms import FgbMeetingForm

    form = FgbMeetingForm({"date": "2027-03-28", "time": "01:30"})

    assert not form.is_valid()
    assert "the clocks go forward" in form.errors["time"][0]


def test_meeting_form_refuses_a_skipped_time() -> None:
    from tandem.meetings.forms import MeetingForm

    form = MeetingForm(
        {
            "title": "SENCO and SEN governor meeting",
            "date": "2027-03-28",
            "start": "01:15",
            "duration_minutes": 60,
            "share_days_before": 7,
        }
    )

    assert not form.is_valid()
    assert list(form.errors) == ["start"]
