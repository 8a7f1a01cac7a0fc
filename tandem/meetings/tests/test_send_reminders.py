import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command

from tandem.audit.models import AuditEntry
from tandem.meetings import services
from tandem.meetings.tests.builders import make_action, make_meeting
from tandem.testing import make_world

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 2, 10)


@pytest.fixture
def world():
    return make_world()


def test_owners_of_overdue_and_due_soon_actions_get_one_email_each(world):
    senco, governor = world.user("senco"), world.user("sen_governor")
    meeting = make_meeting(world.school, on=dt.date(2026, 1, 13))
    make_action(meeting, senco, description="Overdue one", due_on=dt.date(2026, 2, 9))
    make_action(meeting, senco, description="Due soon one", due_on=dt.date(2026, 2, 17))
    make_action(meeting, senco, description="Later one", due_on=dt.date(2026, 2, 18))
    make_action(meeting, governor, description="Governor's", due_on=TODAY)
    done = make_action(
        meeting, governor, description="Done one", due_on=dt.date(2026, 2, 1)
    )
    services.set_action_status(done, "done", by=senco, today=TODAY)

    out = io.StringIO()
    call_command("send_reminders", "--date", "10/02/2026", stdout=out)

    assert out.getvalue().strip() == "Sent 2 reminder emails."
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {senco.email, governor.email}
    senco_mail = by_recipient[senco.email]
    assert senco_mail.subject == "Overdue: your actions for Larch Lane Primary"
    assert "Overdue:\n- Overdue one (due 09/02/2026)" in senco_mail.body
    assert "Due soon:\n- Due soon one (due 17/02/2026)" in senco_mail.body
    assert "Later one" not in senco_mail.body
    assert "Done one" not in by_recipient[governor.email].body
    assert by_recipient[governor.email].subject.startswith("Due soon:")
    assert AuditEntry.objects.filter(action="meetings.action.reminded").count() == 3


def test_a_second_run_on_the_same_day_sends_nothing(world):
    meeting = make_meeting(world.school, on=dt.date(2026, 1, 13))
    make_action(meeting, world.user("senco"), due_on=dt.date(2026, 2, 9))

    first = services.send_reminders(today=TODAY, by=None)
    second = services.send_reminders(today=TODAY, by=None)
    third = services.send_reminders(today=TODAY + dt.timedelta(days=1), by=None)

    assert (first, second, third) == (1, 0, 1)
    assert len(mail.outbox) == 2


def test_a_bad_date_is_a_clear_error():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="is not a date in the form dd/mm/yyyy"):
        call_command("send_reminders", "--date", "31/02/2026")
