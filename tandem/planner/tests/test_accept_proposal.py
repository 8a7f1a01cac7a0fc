import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import OperationalError, connection

from tandem.audit.models import AuditEntry
from tandem.lib.calendar import LONDON
from tandem.meetings.models import Meeting
from tandem.planner.services import AlreadyArranged, accept_proposal, proposal_for
from tandem.planner.tests.builders import make_fgb, make_plan
from tandem.planner.tests.calendars import d
from tandem.testing import make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


class TestAcceptProposal:
    def test_proposal_is_ten_school_days_before(self, world):
        fgb = make_fgb(make_plan(world.school), "03/11/2026")

        assert proposal_for(fgb).date == d("13/10/2026")  # over October half-term

    def test_accepting_creates_a_meeting_at_the_usual_time(self, world):
        senco = world.user("senco")
        fgb = make_fgb(make_plan(world.school), "06/10/2026")

        accept_proposal(fgb, by=senco)

        fgb.refresh_from_db()
        meeting = fgb.prep_meeting
        assert meeting.school == world.school
        assert meeting.starts_at.astimezone(LONDON) == dt.datetime(
            2026, 9, 22, 16, 0, tzinfo=LONDON
        )
        assert meeting.duration_minutes == 60
        assert meeting.kind == Meeting.Kind.SENCO_GOVERNOR

    def test_both_the_meeting_and_the_link_are_audited(self, world):
        senco = world.user("senco")
        fgb = make_fgb(make_plan(world.school))

        accept_proposal(fgb, by=senco)

        actions = list(
            AuditEntry.objects.filter(actor=senco).values_list("action", flat=True)
        )
        assert "meetings.meeting.scheduled" in actions
        assert "planner.fgb.meeting_arranged" in actions
        entry = AuditEntry.objects.get(action="planner.fgb.meeting_arranged")
        assert entry.school == world.school
        assert entry.data == {"meeting": Meeting.objects.get().pk}
        assert entry.object_id == str(fgb.pk)

    def test_a_chosen_date_and_time_are_used(self, world):
        fgb = make_fgb(make_plan(world.school), "06/10/2026")

        accept_proposal(
            fgb, by=world.user("clerk"), date=d("23/09/2026"), time=dt.time(15, 30)
        )

        start = Meeting.objects.get().starts_at.astimezone(LONDON)
        assert (start.date(), start.time()) == (d("23/09/2026"), dt.time(15, 30))

    def test_accepting_twice_is_refused_and_makes_one_meeting(self, world):
        senco = world.user("senco")
        fgb = make_fgb(make_plan(world.school))
        accept_proposal(fgb, by=senco)

        with pytest.raises(AlreadyArranged):
            accept_proposal(fgb, by=senco)

        assert Meeting.objects.count() == 1

    @pytest.mark.parametrize(
        ("day", "message"),
        [
            ("26/09/2026", "26/09/2026 is a weekend. Choose a school day."),
            (
                "27/10/2026",
                "27/10/2026 is in the school holidays. Choose a school day.",
            ),
            ("28/12/2026", "28/12/2026 is a bank holiday (Boxing Day (observed))."),
            ("07/10/2026", "must come before the FGB meeting on 06/10/2026"),
        ],
    )
    def test_days_off_and_late_days_are_refused(self, world, day, message):
        fgb = make_fgb(make_plan(world.school), "12/01/2027")
        if day == "07/10/2026":
            fgb = make_fgb(fgb.plan, "06/10/2026")

        with pytest.raises(ValidationError) as raised:
            accept_proposal(fgb, by=world.user("senco"), date=d(day))

        assert message in " ".join(raised.value.messages)
        assert Meeting.objects.count() == 0

    def test_an_inset_day_may_be_chosen_on_purpose(self, world):
        fgb = make_fgb(make_plan(world.school), "12/01/2027")

        accept_proposal(fgb, by=world.user("senco"), date=d("04/01/2027"))

        assert Meeting.objects.get().starts_at.astimezone(LONDON).date() == d(
            "04/01/2027"
        )


@pytest.mark.django_db(transaction=True)
def test_two_people_accepting_at_once_make_one_meeting():
    world = make_world()
    fgb = make_fgb(make_plan(world.school))
    people = [world.user("senco"), world.user("sen_governor")]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def accept(user) -> None:
        barrier.wait()
        try:
            accept_proposal(fgb, by=user)
            outcomes.append("arranged")
        except AlreadyArranged:
            outcomes.append("refused")
        except OperationalError:
            # SQLite's in-memory test database locks the table for the loser instead.
            outcomes.append("locked")
        finally:
            connection.close()

    threads = [threading.Thread(target=accept, args=(user,)) for user in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    losers = {"refused"} if connection.vendor == "postgresql" else {"refused", "locked"}
    assert len(outcomes) == 2
    assert outcomes.count("arranged") == 1
    assert set(outcomes) - {"arranged"} <= losers
    assert Meeting.objects.count() == 1
    fgb.refresh_from_db()
    assert fgb.prep_meeting == Meeting.objects.get()
