import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tandem.audit.models import AuditEntry
from tandem.lib.concurrency import StaleEdit
from tandem.planner.services import change_fgb_meeting, proposal_for
from tandem.planner.tests.builders import make_fgb, make_plan
from tandem.planner.tests.calendars import d
from tandem.testing import make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def fgb():
    world = make_world()
    return make_fgb(make_plan(world.school), "06/10/2026"), world.user("clerk")


class TestChangeFgbMeeting:
    def test_new_date_moves_the_proposal(self, fgb):
        fgb, clerk = fgb

        change_fgb_meeting(
            fgb,
            date=d("03/11/2026"),
            time=dt.time(18, 30),
            expected_version=1,
            by=clerk,
        )

        fgb.refresh_from_db()
        assert (fgb.date, fgb.time, fgb.version) == (
            d("03/11/2026"),
            dt.time(18, 30),
            2,
        )
        assert proposal_for(fgb).date == d("13/10/2026")
        entry = AuditEntry.objects.get(action="planner.fgb.changed")
        assert (entry.actor, entry.data) == (clerk, {"changed": ["date", "time"]})

    def test_stale_version_is_refused(self, fgb):
        fgb, clerk = fgb
        change_fgb_meeting(
            fgb, date=d("07/10/2026"), time=dt.time(18), expected_version=1, by=clerk
        )

        with pytest.raises(StaleEdit):
            change_fgb_meeting(
                fgb,
                date=d("08/10/2026"),
                time=dt.time(18),
                expected_version=1,
                by=clerk,
            )

        fgb.refresh_from_db()
        assert fgb.date == d("07/10/2026")

    def test_date_outside_the_year_is_refused(self, fgb):
        fgb, clerk = fgb

        with pytest.raises(ValidationError, match="academic year 2026/27"):
            change_fgb_meeting(
                fgb,
                date=d("07/09/2027"),
                time=dt.time(18),
                expected_version=1,
                by=clerk,
            )
