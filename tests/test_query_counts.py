"""Each main page runs the same number of queries with 10 records as with 1,000.

Meetings, actions and termly reports are added straight to the database (the services'
rules are not what is measured here); the pages are read as the SENCO, who sees most.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tandem.lib.calendar import AcademicYear, at_london
from tandem.meetings.models import ActionItem, Meeting
from tandem.reports.models import TermlyReport
from tandem.testing import make_world

PAGES = [
    "schools:dashboard",
    "schools:team-list",
    "meetings:meeting-list",
    "meetings:action-list",
    "reports:report-list",
    "compliance:document-list",
    "audit:history",
]
TERMS = ["autumn", "spring", "summer"]


def add_records(world, start: int, count: int) -> None:  # noqa: ANN001
    school, senco = world.school, world.user("senco")
    # Every record in the past, so both scales put the pages in the same state.
    last = dt.date(2026, 9, 7)
    meetings = Meeting.objects.bulk_create(
        Meeting(
            school=school,
            starts_at=at_london(last - dt.timedelta(days=i), dt.time(16)),
        )
        for i in range(start, start + count)
    )
    ActionItem.objects.bulk_create(
        ActionItem(
            school=school,
            raised_in=meeting,
            description="Update the register",
            owner=senco,
            due_on=dt.date(2026, 11, 1),
        )
        for meeting in meetings
    )
    for i in range(start, start + count):
        TermlyReport(
            school=school,
            academic_year=AcademicYear(2025 - i // 3).label,
            term=TERMS[i % 3],
        ).save()


def queries(client, name: str, urn: str) -> int:  # noqa: ANN001
    client.get(reverse(name, kwargs={"urn": urn}))  # a first visit may set defaults up
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse(name, kwargs={"urn": urn}))
    assert response.status_code == 200, name

    return len(captured)


@pytest.mark.slow
@pytest.mark.django_db
def test_main_pages_run_a_fixed_number_of_queries(client) -> None:  # noqa: ANN001
    world = make_world()
    client.force_login(world.user("senco"))
    urn = world.school.urn

    add_records(world, 0, 10)
    with_ten = {name: queries(client, name, urn) for name in PAGES}
    add_records(world, 10, 990)
    with_thousand = {name: queries(client, name, urn) for name in PAGES}

    assert ActionItem.objects.filter(school=world.school).count() == 1000
    assert with_thousand == with_ten
