import datetime as dt

import pytest

from tandem.planner import dashboard
from tandem.planner.services import accept_proposal
from tandem.planner.tests.builders import make_activity, make_fgb, make_plan
from tandem.planner.tests.calendars import d
from tandem.schools.dashboard import DashboardContext, Level
from tandem.schools.permissions import resolve_access
from tandem.testing import make_world

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 3)


def _ctx(world, persona: str, today: dt.date = TODAY) -> DashboardContext:
    return DashboardContext(
        access=resolve_access(world.user(persona), world.school.urn), today=today
    )


class TestAttention:
    def test_missing_planner_for_this_year(self):
        world = make_world()

        items = dashboard.attention(_ctx(world, "senco"))

        assert [(i.level, i.text) for i in items] == [
            (Level.INFO, "There is no year planner for 2026/27 yet.")
        ]
        assert items[0].url == f"/schools/{world.school.urn}/planner/2026-27/"

    def test_read_only_governor_is_not_asked_to_make_one(self):
        world = make_world()

        assert dashboard.attention(_ctx(world, "governor")) == []

    def test_activities_due_soon_and_not_done(self):
        world = make_world()
        plan = make_plan(world.school)
        make_activity(
            plan, title="Year 6 on transition", kind="pupil_voice", date=d("09/12/2026")
        )
        make_activity(plan, title="Phonics", date=d("27/11/2026"))
        make_activity(plan, title="Long ago", date=d("13/10/2026"))
        make_activity(plan, title="Far ahead", date=d("10/03/2027"))
        make_activity(plan, title="Done", date=d("01/12/2026"), done_on=d("01/12/2026"))

        items = dashboard.attention(_ctx(world, "sen_governor"))

        assert [(i.level, i.text) for i in items] == [
            (Level.OVERDUE, "Learning walk on 27/11/2026: Phonics"),
            (Level.DUE, "Pupil voice on 09/12/2026: Year 6 on transition"),
        ]

    def test_fgb_soon_without_a_meeting(self):
        world = make_world()
        plan = make_plan(world.school)
        make_fgb(plan, "12/01/2027")
        accept_proposal(make_fgb(plan, "15/12/2026"), by=world.user("senco"))

        items = dashboard.attention(_ctx(world, "clerk"))

        assert [i.text for i in items] == [
            "Arrange the SENCO and SEN governor meeting before the FGB meeting on "
            "12/01/2027."
        ]

    def test_officer_sees_nothing_from_the_planner(self):
        world = make_world()
        make_plan(world.school)

        assert dashboard.attention(_ctx(world, "officer")) == []
        assert dashboard.panels(_ctx(world, "officer")) == []


class TestPanel:
    def test_next_fgb(self):
        world = make_world()
        plan = make_plan(world.school)
        make_fgb(plan, "24/11/2026")
        make_fgb(plan, "02/02/2027")

        (panel,) = dashboard.panels(_ctx(world, "governor"))

        assert panel.title == "Next FGB meeting"
        assert panel.context["fgb"].date == d("02/02/2027")
