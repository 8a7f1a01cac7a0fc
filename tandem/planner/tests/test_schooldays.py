"""School-day arithmetic and meeting proposals, on real 2026/27 dates."""

import datetime as dt

import pytest

from tandem.planner.schooldays import (
    DateSpan,
    DayKind,
    SchoolCalendar,
    propose_meeting,
    propose_meetings,
)
from tandem.planner.tests.calendars import calendar_2026_27, d


class TestDayKinds:
    @pytest.mark.parametrize(
        ("day", "kind"),
        [
            ("03/09/2026", DayKind.SCHOOL_DAY),  # first pupil day
            ("01/09/2026", DayKind.INSET),
            ("05/09/2026", DayKind.WEEKEND),
            ("27/10/2026", DayKind.HOLIDAY),  # October half-term
            ("25/12/2026", DayKind.BANK_HOLIDAY),
            ("28/12/2026", DayKind.BANK_HOLIDAY),  # Boxing Day (substitute)
            ("23/12/2026", None),  # Christmas holidays: between terms
            ("26/03/2027", DayKind.BANK_HOLIDAY),  # Good Friday
            ("03/05/2027", DayKind.BANK_HOLIDAY),  # May Day, in term
            ("31/05/2027", DayKind.BANK_HOLIDAY),  # spring bank holiday, half-term
            ("01/06/2027", DayKind.HOLIDAY),
            ("22/07/2027", DayKind.INSET),
            ("23/07/2027", None),
        ],
    )
    def test_kind_of(self, day, kind):
        assert calendar_2026_27().kind_of(d(day)) is kind

    def test_year_has_190_pupil_days_and_5_inset_days(self):
        calendar = calendar_2026_27()
        days = [day for term in calendar.terms for day in term.days()]

        assert sum(calendar.is_school_day(day) for day in days) == 190
        assert sum(calendar.kind_of(day) is DayKind.INSET for day in days) == 5

    def test_staff_are_in_on_inset_days_but_pupils_are_not(self):
        calendar = calendar_2026_27()

        assert calendar.is_staff_day(d("04/01/2027"))
        assert not calendar.is_school_day(d("04/01/2027"))
        assert not calendar.is_staff_day(d("27/10/2026"))


class TestSchoolDayBefore:
    @pytest.mark.parametrize(
        ("day", "count", "expected"),
        [
            ("06/10/2026", 1, "05/10/2026"),
            ("05/10/2026", 1, "02/10/2026"),  # Monday back to Friday
            ("02/11/2026", 1, "23/10/2026"),  # over half-term
            ("04/01/2027", 1, "17/12/2026"),  # INSET day is not a school day
            ("05/01/2027", 1, "17/12/2026"),  # over Christmas and INSET
            ("04/05/2027", 1, "30/04/2027"),  # over May Day
            ("13/04/2027", 1, "25/03/2027"),  # over Easter and INSET
            ("06/10/2026", 10, "22/09/2026"),
        ],
    )
    def test_school_day_before(self, day, count, expected):
        assert calendar_2026_27().school_day_before(d(day), count) == d(expected)

    def test_too_few_school_days_gives_none(self):
        assert calendar_2026_27().school_day_before(d("07/09/2026"), 5) is None

    def test_count_must_be_positive(self):
        with pytest.raises(ValueError, match="at least 1"):
            calendar_2026_27().school_day_before(d("06/10/2026"), 0)


class TestProposals:
    @pytest.mark.parametrize(
        ("fgb", "proposed"),
        [
            ("06/10/2026", "22/09/2026"),  # plain fortnight
            ("03/11/2026", "13/10/2026"),  # over October half-term
            ("24/11/2026", "10/11/2026"),
            ("12/01/2027", "11/12/2026"),  # over Christmas and an INSET day
            ("02/03/2027", "09/02/2027"),  # over February half-term
            ("20/04/2027", "19/03/2027"),  # over Easter, Good Friday, INSET
            ("11/05/2027", "26/04/2027"),  # over May Day
            ("06/07/2027", "22/06/2027"),
        ],
    )
    def test_ten_school_days_before_each_fgb(self, fgb, proposed):
        proposal = propose_meeting(calendar_2026_27(), d(fgb))

        assert proposal.date == d(proposed)
        assert proposal.lead_days == proposal.actual_lead_days == 10
        assert not proposal.is_short

    def test_proposals_never_fall_on_a_day_off(self):
        calendar = calendar_2026_27()
        fgbs = [d("01/10/2026") + dt.timedelta(days=n) for n in range(0, 300, 3)]

        for proposal in propose_meetings(calendar, fgbs, lead_days=7):
            assert calendar.is_school_day(proposal.date), proposal

    def test_lead_days_are_configurable(self):
        proposal = propose_meeting(calendar_2026_27(), d("06/10/2026"), lead_days=5)

        assert proposal.date == d("29/09/2026")

    def test_fgb_early_in_term_gets_first_pupil_day_flagged_short(self):
        proposal = propose_meeting(calendar_2026_27(), d("15/09/2026"))

        assert proposal.date == d("03/09/2026")
        assert proposal.actual_lead_days == 8
        assert proposal.is_short

    def test_fgb_before_term_gets_no_date(self):
        proposal = propose_meeting(calendar_2026_27(), d("02/09/2026"))

        assert proposal.date is None
        assert not proposal.is_short

    def test_proposals_come_in_date_order(self):
        fgbs = [d("06/07/2027"), d("06/10/2026")]

        proposals = propose_meetings(calendar_2026_27(), fgbs)

        assert [p.fgb_date for p in proposals] == [d("06/10/2026"), d("06/07/2027")]


class TestProvisionalCalendar:
    def test_without_terms_weekdays_except_bank_holidays_count(self):
        year = DateSpan(d("01/09/2026"), d("31/08/2027"))
        calendar = SchoolCalendar.for_england(year_span=year)

        assert calendar.is_provisional
        assert calendar.school_day_before(d("29/12/2026"), 1) == d("24/12/2026")

    def test_why_not_a_meeting_day(self):
        calendar = calendar_2026_27()

        assert calendar.why_not_a_meeting_day(d("26/03/2027")) == (
            "26/03/2027 is a bank holiday (Good Friday)."
        )
        assert calendar.why_not_a_meeting_day(d("27/10/2026")) == (
            "27/10/2026 is in the school holidays."
        )
        assert (
            calendar.why_not_a_meeting_day(d("10/10/2026"))
            == "10/10/2026 is a weekend."
        )
        assert (
            calendar.why_not_a_meeting_day(d("04/01/2027")) is None
        )  # INSET: staff in


def test_span_rejects_end_before_start():
    with pytest.raises(ValueError, match="cannot end"):
        DateSpan(d("02/09/2026"), d("01/09/2026"))
