import datetime as dt

import pytest

from tandem.lib.pdf import pdf_text
from tandem.meetings import evidence, services
from tandem.meetings.tests.builders import make_action, make_meeting
from tandem.testing import make_world

pytestmark = pytest.mark.django_db


def test_the_years_records_and_the_action_log():
    world = make_world()
    senco = world.user("senco")
    last_year = make_meeting(world.school, on=dt.date(2025, 7, 8))
    autumn = make_meeting(world.school, on=dt.date(2025, 10, 14))
    spring = make_meeting(world.school, on=dt.date(2026, 1, 13))
    unrecorded = make_meeting(world.school, on=dt.date(2026, 1, 27))
    for meeting in (last_year, autumn, spring):
        services.save_record(
            meeting,
            by=senco,
            expected_version=1,
            attendees="",
            apologies="",
            any_other_business="",
            next_meeting_on=None,
            notes={},
        )
    make_action(
        autumn, senco, description="Update the register", due_on=dt.date(2025, 11, 1)
    )
    make_action(
        unrecorded, senco, description="Book the walk", due_on=dt.date(2026, 2, 20)
    )

    records, log = evidence.sections(world.school, today=dt.date(2026, 2, 2))

    assert (records.title, log.title) == (
        "Meeting records 2025/26",
        "Action log 2025/26",
    )
    pages = [" ".join(p.split()) for p in pdf_text(records.pdf)]
    assert len(pages) == 2
    assert "Date 14/10/2025" in pages[0] and "Date 13/01/2026" in pages[1]
    text = " ".join(" ".join(p.split()) for p in pdf_text(log.pdf))
    assert (
        "Update the register Senco Tester 14/10/2025 01/11/2025 Open (overdue)" in text
    )
    assert "Book the walk Senco Tester 27/01/2026 20/02/2026 Open" in text
    assert "Open: 2 · Done: 0 · Withdrawn: 0" in text
