"""Real 2026/27 dates for pure tests: a typical English LA year, 190 + 5 INSET days."""

import datetime as dt

from tandem.planner.schooldays import DateSpan, SchoolCalendar


def d(text: str) -> dt.date:
    day, month, year = (int(part) for part in text.split("/"))
    return dt.date(year, month, day)


TERMS_2026_27 = (
    DateSpan(d("01/09/2026"), d("17/12/2026")),
    DateSpan(d("04/01/2027"), d("25/03/2027")),
    DateSpan(d("12/04/2027"), d("22/07/2027")),
)
HALF_TERMS_2026_27 = (
    DateSpan(d("26/10/2026"), d("30/10/2026")),
    DateSpan(d("15/02/2027"), d("19/02/2027")),
    DateSpan(d("31/05/2027"), d("04/06/2027")),
)
INSET_2026_27 = frozenset(
    d(text)
    for text in ("01/09/2026", "02/09/2026", "04/01/2027", "12/04/2027", "22/07/2027")
)


def calendar_2026_27() -> SchoolCalendar:
    return SchoolCalendar.for_england(
        terms=TERMS_2026_27, holidays=HALF_TERMS_2026_27, inset_days=INSET_2026_27
    )
