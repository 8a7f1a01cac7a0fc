import pytest

from tandem.meetings.models import Meeting
from tandem.planner.models import AcademicYearPlan, FgbMeeting, Holiday, JointActivity
from tandem.schools.demo import seed_demo

pytestmark = pytest.mark.django_db


def test_demo_has_two_full_years():
    demo = seed_demo()

    plans = AcademicYearPlan.objects.filter(school=demo.school)
    assert [p.year.label for p in plans] == ["2025/26", "2026/27"]
    for plan in plans:
        assert plan.terms.count() == 3
        assert plan.holidays.filter(kind=Holiday.Kind.INSET).count() == 5
        assert plan.fgb_meetings.count() == 6
        calendar = plan.school_calendar()
        pupil_days = sum(
            calendar.is_school_day(day)
            for term in calendar.terms
            for day in term.days()
        )
        assert pupil_days == 190
    arranged = FgbMeeting.objects.filter(prep_meeting__isnull=False)
    assert arranged.count() == 9
    assert Meeting.objects.filter(school=demo.school).count() >= 9
    assert JointActivity.objects.filter(plan__school=demo.school).count() == 13


def test_every_arranged_meeting_is_on_a_school_day_before_its_fgb():
    seed_demo()

    for fgb in FgbMeeting.objects.filter(prep_meeting__isnull=False):
        day = fgb.prep_meeting.local_start.date()
        assert fgb.plan.school_calendar().is_school_day(day)
        assert day < fgb.date
