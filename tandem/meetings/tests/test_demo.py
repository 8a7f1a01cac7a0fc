import pytest

from tandem.lib.calendar import london_now
from tandem.meetings.models import ActionItem, Meeting, MeetingRecord, ParkedItem
from tandem.meetings.rules import Sharing, sharing
from tandem.schools import dashboard
from tandem.schools.demo import seed_demo
from tandem.schools.models import Membership
from tandem.schools.permissions import resolve_access

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_blocker, django_db_setup):
    with django_db_blocker.unblock():
        seeded = seed_demo()
        yield seeded
        from django.core.management import call_command

        call_command("flush", interactive=False, verbosity=0)


def test_six_past_meetings_have_agendas_records_and_actions(demo):
    now = london_now()
    meetings = Meeting.objects.filter(
        school=demo.school, kind=Meeting.Kind.SENCO_GOVERNOR
    )
    past = [m for m in meetings if m.starts_at < now]

    assert len(past) >= 6
    recorded = MeetingRecord.objects.filter(meeting__in=past[-6:])
    assert recorded.count() == 6
    for meeting in past[-6:]:
        assert meeting.items.first().title == "Review of open actions"
        assert meeting.items.count() >= 2


def test_actions_exist_in_every_state(demo):
    actions = ActionItem.objects.filter(school=demo.school)
    today = demo.today

    assert {a.status for a in actions} == {"open", "done", "withdrawn"}
    assert any(a.is_open and a.due_on < today for a in actions)  # overdue
    assert any(a.is_open and 0 <= (a.due_on - today).days <= 7 for a in actions)
    assert any(a.is_open and (a.due_on - today).days > 7 for a in actions)
    assert all(a.closed_in is not None for a in actions if not a.is_open)
    overdue = next(a for a in actions if a.is_open and a.due_on < today)
    assert overdue.links.count() >= 2  # carried onto every later agenda, one record


def test_the_next_meeting_has_an_agenda_ready_to_share(demo):
    upcoming = Meeting.objects.filter(
        school=demo.school, starts_at__gte=london_now()
    ).first()
    titles = [i.title for i in upcoming.items.all()]

    assert titles[0] == "Review of open actions"
    assert "Choose the training day focus" in titles
    assert (
        "Lunchtime clubs and who can join them" in titles
    )  # carried from the parking lot
    assert upcoming.carried_actions.filter(status="open").count() == 3
    assert not upcoming.shares.exists()
    state = sharing(
        upcoming.local_start.date(),
        shared=False,
        today=demo.today,
        days_before=upcoming.share_days_before,
    )
    assert state in {Sharing.DUE, Sharing.NOT_YET}  # the planner may have set the date
    assert ParkedItem.objects.filter(school=demo.school, status="parked").count() == 1


def test_the_dashboard_asks_for_the_agenda_and_flags_overdue_actions(demo):
    access = resolve_access(demo.users[Membership.Role.SENCO], demo.school.urn)
    ctx = dashboard.DashboardContext(access=access, today=demo.today)

    texts = [(a.level, a.text) for a in dashboard.attention(ctx)]
    panels = [p.title for p in dashboard.panels(ctx)]

    overdue = ActionItem.objects.get(
        school=demo.school, status="open", due_on__lt=demo.today
    )
    assert (
        "overdue",
        f"“{overdue.description}” (Rhiannon Talbot) was due {overdue.due_on:%d/%m/%Y}",
    ) in texts
    assert "Next meeting" in panels
