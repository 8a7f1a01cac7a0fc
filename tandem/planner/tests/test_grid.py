"""The month-by-month planner grid, on real 2026/27 dates."""

import datetime as dt

from tandem.planner.grid import EntryKind, GridItem, build_grid, grid_months
from tandem.planner.schooldays import DayKind
from tandem.planner.tests.calendars import calendar_2026_27, d


def grid(items=()):
    return build_grid(calendar_2026_27(), 2026, items)


def test_months_run_from_september_to_the_next_september():
    assert grid_months(2026)[0] == (2026, 9)
    assert grid_months(2026)[3] == (2026, 12)
    assert grid_months(2026)[4] == (2027, 1)
    assert grid_months(2026)[-1] == (2027, 9)  # the next year, labelled so
    assert [m.short_name for m in grid().months][::4] == [
        "Sep 2026",
        "Jan 2027",
        "May 2027",
        "Sep 2027",
    ]


def test_rows_are_days_1_to_31_with_gaps_for_short_months():
    rows = grid().rows

    assert len(rows) == 31
    assert all(len(row.cells) == 13 for row in rows)
    february = 5
    assert rows[27].cells[february].date == d("28/02/2027")
    assert rows[28].cells[february] is None  # 2027 is not a leap year
    assert rows[30].cells[0] is None  # no 31 September
    assert rows[30].cells[1].date == d("31/10/2026")


def test_cells_know_their_kind_and_notes():
    year = grid()

    assert year.cell_for(d("25/12/2026")).kind is DayKind.BANK_HOLIDAY
    assert year.cell_for(d("25/12/2026")).note == "Christmas Day"
    assert year.cell_for(d("01/09/2026")).note == "INSET"
    assert year.cell_for(d("01/09/2026")).css_class == "inset"
    assert year.cell_for(d("24/12/2026")).kind is None
    assert year.cell_for(d("24/12/2026")).css_class == "closed"
    assert year.cell_for(d("24/12/2026")).is_day_off
    assert not year.cell_for(d("01/09/2026")).is_day_off
    assert year.cell_for(d("03/09/2026")).weekday_initial == "T"


def test_school_day_counts_per_month_and_year():
    year = grid()

    assert year.months[0].school_days == 20  # September 2026: 22 weekdays, 2 INSET
    assert year.months[11].school_days == 0  # August 2027
    assert year.school_days == 190
    assert year.label == "2026/27"
    assert not year.is_provisional


def test_items_land_on_their_day_in_order():
    items = [
        GridItem(d("06/10/2026"), EntryKind.FGB, "FGB"),
        GridItem(d("22/09/2026"), EntryKind.MEETING, "SENCO-governor"),
        GridItem(d("22/09/2026"), EntryKind.ACTIVITY, "Learning walk"),
        GridItem(d("01/10/2028"), EntryKind.FGB, "Out of range"),
    ]

    year = grid(items)

    labels = [item.label for item in year.cell_for(d("22/09/2026")).items]
    assert labels == ["SENCO-governor", "Learning walk"]  # meetings first
    assert [i.label for i in year.cell_for(d("06/10/2026")).items] == ["FGB"]
    placed = sum(len(cell.items) for month in year.months for cell in month.days)
    assert placed == 3


def test_cell_for_outside_the_grid_is_none():
    assert grid().cell_for(dt.date(2028, 1, 1)) is None


def test_day_offs_carry_a_text_mark_not_only_a_colour():
    year = grid()

    assert year.cell_for(d("25/12/2026")).mark == ("BH", "Bank holiday: Christmas Day")
    assert year.cell_for(d("04/01/2027")).mark == ("IN", "INSET day")
    assert year.cell_for(d("27/10/2026")).mark == ("Hol", "Holiday")
    assert year.cell_for(d("24/12/2026")).mark == ("Hol", "Holiday")
    boxing_day_observed = ("BH", "Bank holiday: Boxing Day (observed)")
    assert year.cell_for(d("28/12/2026")).mark == boxing_day_observed
    assert year.cell_for(d("26/12/2026")).mark is None  # a Saturday
    assert year.cell_for(d("27/12/2026")).mark is None  # a Sunday: "S" says it
    assert year.cell_for(d("03/09/2026")).mark is None


def test_next_september_has_no_invented_holidays():
    cell = grid().cell_for(d("06/09/2027"))  # a Monday: 2027/28's terms are unknown

    assert cell.kind is None
    assert not cell.known
    assert cell.mark is None
    assert cell.css_class == "unknown"
    assert grid().cell_for(d("24/08/2027")).mark == ("Hol", "Holiday")


def test_the_13th_column_is_the_next_year_and_not_counted():
    year = grid()

    assert year.next_year.name == "September 2027"
    assert year.school_days == sum(m.school_days for m in year.months[:12])
