import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tandem.lib.calendar import LONDON
from tandem.lib.concurrency import StaleEdit
from tandem.planner.services import accept_proposal, move_prep_meeting
from tandem.planner.tests.builders import make_fgb, make_plan
from tandem.planner.tests.calendars import d
from tandem.testing import make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def arranged():
    world = make_world()
    fgb = make_fgb(make_plan(world.school), "24/11/2026")
    accept_proposal(fgb, by=world.user("senco"))
    fgb.refresh_from_db()
    return world, fgb


class TestMovePrepMeeting:
    def test_moves_the_same_meeting(self, arranged):
        world, fgb = arranged
        meeting = fgb.prep_meeting

        move_prep_meeting(
            fgb,
            date=d("12/11/2026"),
            time=dt.time(8, 15),
            expected_version=1,
            by=world.user("sen_governor"),
        )

        meeting.refresh_from_db()
        assert meeting.starts_at.astimezone(LONDON) == dt.datetime(
            2026, 11, 12, 8, 15, tzinfo=LONDON
        )
        assert meeting.version == 2

    def test_a_stale_version_is_refused(self, arranged):
        world, fgb = arranged
        move_prep_meeting(
            fgb,
            date=d("12/11/2026"),
            time=dt.time(16),
            expected_version=1,
            by=world.user("senco"),
        )

        with pytest.raises(StaleEdit):
            move_prep_meeting(
                fgb,
                date=d("13/11/2026"),
                time=dt.time(16),
                expected_version=1,
                by=world.user("clerk"),
            )

        fgb.prep_meeting.refresh_from_db()
        assert fgb.prep_meeting.starts_at.astimezone(LONDON).date() == d("12/11/2026")

    def test_cannot_move_onto_a_weekend(self, arranged):
        world, fgb = arranged

        with pytest.raises(ValidationError, match="14/11/2026 is a weekend"):
            move_prep_meeting(
                fgb,
                date=d("14/11/2026"),
                time=dt.time(16),
                expected_version=1,
                by=world.user("senco"),
            )
