"""'Your schools': one row per school, each app's columns, only what each role may read."""

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tandem.compliance.models import Document
from tandem.compliance.tests.builders import (
    html_bytes,
    make_document,
    make_version,
    sign_all,
)
from tandem.compliance.tests.builders import request as request_sign_off
from tandem.duties.models import SencoRecord
from tandem.meetings.tests.builders import make_action, make_meeting
from tandem.reports import services as report_services
from tandem.reports.send_numbers import SendNumbers
from tandem.reports.tests.builders import make_report, submit
from tandem.schools import views
from tandem.schools.models import Membership
from tandem.testing import make_member, make_school, make_user, make_world

Role = Membership.Role
TODAY = dt.date(2026, 2, 3)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(views, "london_today", lambda: TODAY)


def submitted(school, senco, term: str, *, roll: int, k: int, e: int, draft=False):  # noqa: ANN001, ANN201
    report = make_report(school, by=senco, term=term)
    numbers = SendNumbers(roll=roll, sen_support=k, ehc_plans=e, by_year={}, by_need={})
    report_services.set_numbers(
        report, numbers, by=senco, expected_version=report.version
    )
    return report if draft else submit(report, by=senco)


def table(client) -> dict[str, dict[str, str]]:  # noqa: ANN001
    """{school name: {column heading: cell text}} from the page."""

    response = client.get(reverse("home"))
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    found = page.find("table")
    headings = [th.get_text(" ", strip=True) for th in found.thead.find_all("th")]
    rows = {}
    for tr in found.tbody.find_all("tr"):
        cells = [c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])]
        name = tr.th.a.get_text(strip=True)
        rows[name] = dict(zip(headings[1:], cells[1:], strict=False))

    return rows


@pytest.mark.django_db
def test_officer_sees_suppressed_shares_and_the_change_since_the_term_before(
    client,  # noqa: ANN001
) -> None:
    world = make_world()
    senco = world.user("senco")
    submitted(world.school, senco, "autumn", roll=200, k=20, e=4)
    submitted(world.school, senco, "spring", roll=200, k=24, e=6)
    submitted(world.school, senco, "summer", roll=200, k=90, e=40, draft=True)
    client.force_login(world.user("officer"))

    rows = table(client)

    larch = rows["Larch Lane Primary"]
    assert larch["Latest termly report"].startswith("Spring 2025/26 Submitted ")
    assert larch["SEN support (share of pupils on roll)"] == (
        "12.0% (24 pupils) Since Autumn 2025/26: +4 (+20.0%)"
    )
    # Autumn's 4 EHC plans were below the threshold, so the change would give it away.
    assert larch["EHC plans (share of pupils on roll)"] == (
        "3.0% (6 pupils) Since Autumn 2025/26: not shown (small numbers)"
    )
    other = rows["Other Hill Academy"]
    assert other["Latest termly report"] == "No report submitted yet"
    assert other["SEN support (share of pupils on roll)"] == "No report submitted yet"
    assert other["SENCO qualification"] == "No SENCO is recorded yet"
    assert other["SEN Information Report"] == "No SEN Information Report yet"
    # An officer may not read actions at either school: no column at all.
    assert "Overdue actions" not in larch


@pytest.mark.django_db
def test_small_numbers_are_suppressed_at_each_schools_own_threshold(client) -> None:  # noqa: ANN001
    world = make_world()
    world.other_school.suppression_threshold = 10
    world.other_school.save()
    other_senco = make_member(world.other_school, Role.SENCO, username="senco2")
    submitted(world.school, world.user("senco"), "autumn", roll=300, k=7, e=3)
    submitted(world.other_school, other_senco, "autumn", roll=300, k=7, e=30)
    client.force_login(world.user("officer"))

    rows = table(client)

    larch = rows["Larch Lane Primary"]
    assert larch["SEN support (share of pupils on roll)"] == (
        "2.3% (7 pupils) Term before: no report submitted"
    )
    assert larch["EHC plans (share of pupils on roll)"].startswith("fewer than 5 ")
    other = rows["Other Hill Academy"]
    assert other["SEN support (share of pupils on roll)"].startswith("fewer than 10 ")
    assert other["EHC plans (share of pupils on roll)"].startswith("10.0% (30 pupils)")
    page = client.get(reverse("home")).content.decode()
    assert "To protect pupils" in page


@pytest.mark.django_db
def test_a_senco_of_two_schools_sees_every_number(client) -> None:  # noqa: ANN001
    world = make_world()
    senco = world.user("senco")
    Membership.objects.create(user=senco, school=world.other_school, role=Role.SENCO)
    submitted(world.school, senco, "autumn", roll=200, k=20, e=4)
    client.force_login(senco)

    rows = table(client)

    larch = rows["Larch Lane Primary"]
    assert larch["EHC plans (share of pupils on roll)"] == (
        "2.0% (4 pupils) Term before: no report submitted"
    )
    assert larch["Overdue actions"] == "None"
    assert "To protect pupils" not in client.get(reverse("home")).content.decode()


@pytest.mark.django_db
def test_a_governor_of_two_schools_sees_only_what_each_role_may_read(client) -> None:  # noqa: ANN001
    world = make_world()
    user = world.user("sen_governor")
    Membership.objects.create(user=user, school=world.other_school, role=Role.GOVERNOR)
    SencoRecord.objects.create(
        school=world.school, name="Sam Example", became_senco=dt.date(2024, 4, 1)
    )
    SencoRecord.objects.create(
        school=world.other_school, name="Jo Example", became_senco=dt.date(2024, 4, 1)
    )
    meeting = make_meeting(world.school, on=dt.date(2026, 1, 10))
    make_action(meeting, world.user("senco"), due_on=dt.date(2026, 2, 2))
    make_action(meeting, world.user("senco"), due_on=dt.date(2026, 2, 3))
    client.force_login(user)

    rows = table(client)

    larch, other = rows["Larch Lane Primary"], rows["Other Hill Academy"]
    assert larch["SENCO qualification"] == "Due by 01/04/2027 (action needed)"
    # A governor (not the SEN governor) may not read the qualification record.
    assert other["SENCO qualification"] == "Not shown for your role"
    # Due yesterday is overdue; due today is not yet.
    assert larch["Overdue actions"] == "1"
    assert other["Overdue actions"] == "None"


@pytest.mark.django_db
def test_sen_information_report_sign_off_and_review(client) -> None:  # noqa: ANN001
    world = make_world()
    senco = world.user("senco")
    document = make_document(world.school, by=senco)
    first = make_version(document, by=senco, data=html_bytes("one"), filename="a.html")
    sign_all(request_sign_off(first, by=senco))
    # Signing sets the next review a year on; this school has let it lapse since.
    Document.objects.filter(pk=document.pk).update(next_review_on=dt.date(2026, 1, 31))
    other = make_document(
        world.other_school, by=senco, next_review_on=dt.date(2026, 9, 1)
    )
    make_version(other, by=senco, data=html_bytes("two"), filename="b.html")
    client.force_login(world.user("officer"))

    rows = table(client)

    larch = rows["Larch Lane Primary"]
    assert larch["SEN Information Report"].startswith("Signed Version 1 Signed off ")
    assert larch["SEN Information Report review"] == (
        "Overdue Due 31/01/2026 Review overdue by 3 days"
    )
    hill = rows["Other Hill Academy"]
    assert hill["SEN Information Report"] == "Not signed Version 1"
    assert hill["SEN Information Report review"] == ("Due 01/09/2026 Review up to date")


@pytest.mark.django_db
def test_a_school_needing_the_second_sign_in_step_shows_nothing(client) -> None:  # noqa: ANN001
    world = make_world()
    senco = world.user("senco")
    world.school.require_two_factor = True
    world.school.save()
    Membership.objects.create(user=senco, school=world.other_school, role=Role.SENCO)
    submitted(world.school, senco, "autumn", roll=200, k=20, e=4)
    client.force_login(senco)

    rows = table(client)

    assert list(rows["Larch Lane Primary"].values()) == [
        "Finish signing in with your second step (open the school) to see its summary."
    ]
    assert rows["Other Hill Academy"]["Latest termly report"] == (
        "No report submitted yet"
    )


def _schools_with_everything(user, count: int, start: int) -> None:  # noqa: ANN001
    roles = [Role.OFFICER, Role.SEN_GOVERNOR, Role.GOVERNOR, Role.SENCO]
    for i in range(start, start + count):
        school = make_school(name=f"School {i:02d}", urn=f"{200000 + i}")
        Membership.objects.create(user=user, school=school, role=roles[i % 4])
        senco = make_member(school, Role.SENCO, username=f"senco-{i}")
        submitted(school, senco, "autumn", roll=300, k=20, e=3)
        submitted(school, senco, "spring", roll=300, k=22, e=6)
        SencoRecord.objects.create(
            school=school, name="Sam Example", became_senco=dt.date(2024, 4, 1)
        )
        document = make_document(school, by=senco)
        make_version(document, by=senco, data=html_bytes(f"{i}"), filename="r.html")
        meeting = make_meeting(school, on=dt.date(2026, 1, 10))
        make_action(meeting, senco, due_on=dt.date(2026, 1, 20))


def _queries(client) -> int:  # noqa: ANN001
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("home"))
    assert response.status_code == 200

    return len(captured)


@pytest.mark.slow
@pytest.mark.django_db
def test_the_page_runs_the_same_number_of_queries_for_2_schools_as_for_20(
    client,  # noqa: ANN001
) -> None:
    user = make_user("many-schools")
    client.force_login(user)

    _schools_with_everything(user, 2, 0)
    with_two = _queries(client)
    _schools_with_everything(user, 18, 2)
    with_twenty = _queries(client)

    assert with_two == with_twenty
    assert table(client)["School 19"]["Overdue actions"] == "1"
