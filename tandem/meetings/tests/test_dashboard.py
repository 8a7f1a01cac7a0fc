import datetime as dt

import pytest

from tandem.meetings import services
from tandem.meetings.tests.builders import make_action, make_meeting
from tandem.schools import dashboard
from tandem.schools.permissions import resolve_access
from tandem.testing import make_world

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 2, 2)


def attention_for(world, persona: str) -> list[tuple[str, str, str]]:
    """The meetings app's items on the whole dashboard, in the dashboard's order."""

    access = resolve_access(world.user(persona), world.school.urn)
    ctx = dashboard.DashboardContext(access=access, today=TODAY)
    return [
        (a.level, a.text, a.url)
        for a in dashboard.attention(ctx)
        if "/meetings/" in a.url
    ]


def test_overdue_and_due_soon_actions_and_the_agenda_to_share():
    world = make_world()
    past = make_meeting(world.school, on=dt.date(2026, 1, 13))
    make_action(past, world.user("senco"), due_on=dt.date(2026, 1, 30))
    make_action(past, world.user("sen_governor"), due_on=dt.date(2026, 2, 9))
    make_action(past, world.user("senco"), due_on=dt.date(2026, 2, 10))  # later
    upcoming = make_meeting(world.school, on=dt.date(2026, 2, 10))

    found = attention_for(world, "headteacher")

    actions_url = f"/schools/{world.school.urn}/meetings/actions/"
    assert found == [
        (
            "overdue",
            "“Update the register” (Senco Tester) was due 30/01/2026",
            actions_url,
        ),
        (
            "due",
            "Share the agenda for the meeting on 10/02/2026 (share by 03/02/2026)",
            f"/schools/{world.school.urn}/meetings/{upcoming.pk}/",
        ),
        (
            "due",
            "“Update the register” (Sen_Governor Tester) is due 09/02/2026",
            actions_url,
        ),
    ]


def test_a_shared_agenda_and_closed_actions_need_nothing():
    world = make_world()
    past = make_meeting(world.school, on=dt.date(2026, 1, 13))
    action = make_action(past, world.user("senco"), due_on=dt.date(2026, 1, 30))
    services.set_action_status(action, "done", by=None, today=TODAY)
    upcoming = make_meeting(world.school, on=dt.date(2026, 2, 10))
    services.share_agenda(upcoming, by=None, recipients=[world.user("senco")])

    assert attention_for(world, "senco") == []


def test_officers_see_no_meeting_items():
    world = make_world()
    past = make_meeting(world.school, on=dt.date(2026, 1, 13))
    make_action(past, world.user("senco"), due_on=dt.date(2026, 1, 30))

    assert attention_for(world, "officer") == []
