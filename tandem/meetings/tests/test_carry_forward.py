import datetime as dt

import pytest

from tandem.audit.models import AuditEntry
from tandem.meetings import services
from tandem.meetings.models import ActionItem, AgendaItem, CarriedAction
from tandem.meetings.tests.builders import make_action, make_meeting
from tandem.testing import make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


def test_open_actions_are_carried_once_however_often_the_agenda_is_rebuilt(world):
    senco = world.user("senco")
    first = make_meeting(world.school, on=dt.date(2026, 1, 13))
    second = make_meeting(world.school, on=dt.date(2026, 2, 3))
    action = make_action(first, senco)

    carried = [services.build_agenda(second, by=senco) for _ in range(3)]

    assert carried == [1, 0, 0]
    assert list(second.carried_actions.all()) == [action]
    assert CarriedAction.objects.filter(action=action).count() == 1
    assert ActionItem.objects.count() == 1
    review = second.items.get(standing=AgendaItem.Standing.ACTIONS_REVIEW)
    assert (review.position, review.title) == (1, "Review of open actions")
    assert second.items.filter(standing=AgendaItem.Standing.ACTIONS_REVIEW).count() == 1


def test_the_same_record_is_linked_to_every_later_agenda(world):
    senco = world.user("senco")
    meetings = [make_meeting(world.school, on=dt.date(2026, m, 10)) for m in (1, 2, 3)]
    action = make_action(meetings[0], senco)

    services.build_agenda(meetings[1], by=senco)
    services.build_agenda(meetings[2], by=senco)

    assert set(action.agendas.all()) == {meetings[1], meetings[2]}
    assert ActionItem.objects.count() == 1


def test_closing_it_in_the_new_meeting_closes_it_everywhere(world):
    senco = world.user("senco")
    first = make_meeting(world.school, on=dt.date(2026, 1, 13))
    second = make_meeting(world.school, on=dt.date(2026, 2, 3))
    third = make_meeting(world.school, on=dt.date(2026, 3, 3))
    action = make_action(first, senco)
    services.build_agenda(second, by=senco)

    services.set_action_status(
        action,
        ActionItem.Status.DONE,
        by=senco,
        today=dt.date(2026, 2, 3),
        meeting=second,
    )
    services.build_agenda(third, by=senco)

    for meeting in (first, second):
        seen = list(meeting.raised.all()) + list(meeting.carried_actions.all())
        assert [(a.pk, a.status) for a in seen] == [(action.pk, "done")]
    assert list(third.carried_actions.all()) == []
    action.refresh_from_db()
    assert (action.closed_on, action.closed_in) == (dt.date(2026, 2, 3), second)
    entry = AuditEntry.objects.filter(action="meetings.action.done").get()
    assert (entry.actor, entry.object_id) == (senco, str(action.pk))


def test_only_open_actions_from_earlier_meetings_of_this_school_carry(world):
    senco = world.user("senco")
    earlier = make_meeting(world.school, on=dt.date(2026, 1, 13))
    target = make_meeting(world.school, on=dt.date(2026, 2, 3))
    later = make_meeting(world.school, on=dt.date(2026, 3, 3))
    elsewhere = make_meeting(world.other_school, on=dt.date(2026, 1, 13))
    kept = make_action(earlier, senco, description="Kept")
    done = make_action(earlier, senco, description="Done")
    services.set_action_status(done, "done", by=senco, today=dt.date(2026, 1, 20))
    withdrawn = make_action(earlier, senco, description="Withdrawn")
    services.set_action_status(
        withdrawn, "withdrawn", by=senco, today=dt.date(2026, 1, 20)
    )
    make_action(later, senco, description="From a later meeting")
    make_action(elsewhere, world.user("outsider"), description="Another school's")

    services.build_agenda(target, by=senco)

    assert [a.description for a in target.carried_actions.all()] == [kept.description]


def test_a_reopened_action_carries_again(world):
    senco = world.user("senco")
    first = make_meeting(world.school, on=dt.date(2026, 1, 13))
    second = make_meeting(world.school, on=dt.date(2026, 2, 3))
    action = make_action(first, senco)
    services.set_action_status(action, "done", by=senco, today=dt.date(2026, 1, 20))
    services.build_agenda(second, by=senco)
    assert second.carried_actions.count() == 0

    services.set_action_status(action, "open", by=senco, today=dt.date(2026, 1, 27))
    services.build_agenda(second, by=senco)

    action.refresh_from_db()
    assert list(second.carried_actions.all()) == [action]
    assert (action.status, action.closed_on) == ("open", None)


def test_a_closed_action_cannot_be_closed_again(world):
    senco = world.user("senco")
    action = make_action(make_meeting(world.school), senco)
    services.set_action_status(action, "done", by=senco, today=dt.date(2026, 2, 4))

    with pytest.raises(
        services.InvalidTransition, match="done cannot become withdrawn"
    ):
        services.set_action_status(
            action, "withdrawn", by=senco, today=dt.date(2026, 2, 4)
        )
