import datetime as dt
import threading

import pytest
from django.db import connection
from django.urls import reverse

from tandem.audit.models import AuditEntry
from tandem.lib.concurrency import StaleEdit
from tandem.meetings import services
from tandem.meetings.models import AgendaItem, MeetingRecord
from tandem.meetings.tests.builders import make_item, make_meeting
from tandem.testing import PASSWORD, make_world


@pytest.fixture
def world(db):
    return make_world()


def record_url(world, meeting) -> str:
    return reverse(
        "meetings:record-edit", kwargs={"urn": world.school.urn, "pk": meeting.pk}
    )


def form_data(item, *, points: str, version: int, aob: str = "") -> dict:
    return {
        "attendees": "Priya Shah (SENCO)",
        "apologies": "",
        "any_other_business": aob,
        "next_meeting_on": "2026-03-10",
        "version": str(version),
        f"key_points_{item.pk}": points,
    }


def signed_in(client_class, user):
    client = client_class()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_a_later_stale_save_is_refused_and_nothing_is_lost(world, client):
    meeting = make_meeting(world.school)
    item = make_item(meeting)
    senco = signed_in(type(client), world.user("senco"))
    governor = signed_in(type(client), world.user("sen_governor"))
    url = record_url(world, meeting)
    assert 'name="version" value="1"' in senco.get(url).content.decode()
    assert 'name="version" value="1"' in governor.get(url).content.decode()

    first = senco.post(url, form_data(item, points="Numbers agreed.", version=1))
    second = governor.post(
        url, form_data(item, points="Numbers queried.", version=1, aob="Clubs")
    )

    assert first.status_code == 302
    assert second.status_code == 400
    page = second.content.decode()
    assert "Someone else saved this record while you were editing it." in page
    assert "Numbers queried." in page  # the governor's words are still on screen
    assert "<title>Error: " in page
    item.refresh_from_db()
    sheet = MeetingRecord.objects.get(meeting=meeting)
    assert (item.key_points, sheet.any_other_business, sheet.version) == (
        "Numbers agreed.",
        "",
        2,
    )
    saved = AuditEntry.objects.filter(action="meetings.record.saved")
    assert [e.actor for e in saved] == [world.user("senco")]


def test_saving_records_key_points_decision_and_next_date(world, client):
    meeting = make_meeting(world.school)
    decision = make_item(meeting, "Training focus", kind=AgendaItem.Kind.DECISION)
    option = services.add_option(
        decision,
        by=None,
        title="Autism awareness",
        advantages="Asked for",
        disadvantages="Done before",
    )
    client.force_login(world.user("senco"))

    response = client.post(
        record_url(world, meeting),
        {
            **form_data(decision, points="Two options weighed.", version=1),
            f"option_{decision.pk}": str(option.pk),
            f"decision_{decision.pk}": "Autism awareness for all staff",
            f"rationale_{decision.pk}": "Most requested.",
        },
    )

    assert response.status_code == 302
    decision.refresh_from_db()
    option.refresh_from_db()
    assert (
        decision.key_points,
        decision.decision,
        decision.rationale,
        option.chosen,
    ) == (
        "Two options weighed.",
        "Autism awareness for all staff",
        "Most requested.",
        True,
    )
    sheet = MeetingRecord.objects.get(meeting=meeting)
    assert sheet.next_meeting_on == dt.date(2026, 3, 10)
    page = client.get(record_url(world, meeting)).content.decode()
    assert 'value="2026-03-10"' in page
    assert "last saved" in page


def test_the_governor_of_the_board_reads_but_cannot_save(world, client):
    meeting = make_meeting(world.school)
    item = make_item(meeting)
    client.force_login(world.user("governor"))

    page = client.get(record_url(world, meeting)).content.decode()
    response = client.post(
        record_url(world, meeting), form_data(item, points="x", version=1)
    )

    assert "Save the record" not in page
    assert response.status_code == 403
    assert not MeetingRecord.objects.exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="true concurrent writers need PostgreSQL; SQLite serialises them",
)
def test_two_users_saving_at_the_same_moment_on_postgresql():
    world = make_world()
    meeting = make_meeting(world.school)
    item = make_item(meeting)
    services.save_record(
        meeting,
        by=None,
        expected_version=1,
        attendees="",
        apologies="",
        any_other_business="",
        next_meeting_on=None,
        notes={},
    )
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def save(persona: str) -> None:
        try:
            barrier.wait()
            services.save_record(
                meeting,
                by=world.user(persona),
                expected_version=2,
                attendees=persona,
                apologies="",
                any_other_business="",
                next_meeting_on=None,
                notes={item.pk: services.ItemNotes(key_points=f"By {persona}")},
            )
            outcomes[persona] = "saved"
        except StaleEdit:
            outcomes[persona] = "refused"
        finally:
            connection.close()

    threads = [
        threading.Thread(target=save, args=(p,)) for p in ("senco", "sen_governor")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes.values()) == ["refused", "saved"]
    winner = next(p for p, outcome in outcomes.items() if outcome == "saved")
    sheet = MeetingRecord.objects.get(meeting=meeting)
    item.refresh_from_db()
    assert (sheet.version, sheet.attendees, item.key_points) == (
        3,
        winner,
        f"By {winner}",
    )


def test_an_sen_governor_sees_close_buttons_only_for_their_own_actions(world, client):
    meeting = make_meeting(world.school)
    services.raise_action(
        meeting,
        by=None,
        description="Visit the nurture group",
        owner=world.user("sen_governor"),
        due_on=dt.date(2026, 3, 1),
    )
    services.raise_action(
        meeting,
        by=None,
        description="Draft the report",
        owner=world.user("senco"),
        due_on=dt.date(2026, 3, 1),
    )
    client.force_login(world.user("sen_governor"))

    page = client.get(record_url(world, meeting)).content.decode()

    assert page.count("Mark done<span") == 1
    mine = page.index("Visit the nurture group")
    assert page.index("Mark done<span", mine) < page.index("Draft the report")
