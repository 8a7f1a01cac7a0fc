import datetime as dt

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tandem.audit.models import AuditEntry
from tandem.meetings import services
from tandem.meetings.models import AgendaItem, AgendaShare, ParkedItem
from tandem.meetings.tests.builders import make_item, make_meeting
from tandem.testing import make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


def url(name: str, world, **kwargs) -> str:
    return reverse(f"meetings:{name}", kwargs={"urn": world.school.urn, **kwargs})


def test_planning_a_meeting_builds_its_agenda_with_the_review_first(world, client):
    client.force_login(world.user("senco"))

    response = client.post(
        url("meeting-create", world),
        {
            "title": "Spring meeting",
            "date": "2026-03-10",
            "start": "15:45",
            "duration_minutes": "60",
            "location": "Library",
            "share_days_before": "7",
        },
    )

    meeting = world.school.meetings.get()
    assert response.status_code == 302
    assert f"{meeting.local_start:%d/%m/%Y %H:%M}" == "10/03/2026 15:45"
    assert meeting.share_days_before == 7
    assert [i.title for i in meeting.items.all()] == ["Review of open actions"]
    page = client.get(url("meeting-detail", world, pk=meeting.pk)).content.decode()
    assert "Share by <strong>03/03/2026</strong>" in page


def test_the_agenda_shows_running_totals_end_time_and_warns_on_overrun(world, client):
    meeting = make_meeting(world.school, duration_minutes=60)
    services.build_agenda(meeting, by=None)
    make_item(meeting, "Census numbers", minutes=30)
    make_item(meeting, "Report draft", minutes=25)
    client.force_login(world.user("sen_governor"))

    page = client.get(url("meeting-detail", world, pk=meeting.pk)).content.decode()

    assert "<strong>65 of 60 minutes</strong>" in page
    assert "the agenda ends at <strong>16:50</strong>" in page
    assert (
        "The agenda runs 5 minutes over the agreed 60 minutes: it would end at 16:50 "
        "instead of 16:45."
    ) in page
    assert "Keep it to the essentials" in page
    assert "16:25 to 16:50" in page  # the report draft's slot
    assert page.count("Over time") == 1


def test_adding_an_item_with_a_bad_time_box_names_the_field(world, client):
    meeting = make_meeting(world.school)
    client.force_login(world.user("senco"))

    response = client.post(
        url("item-add", world, pk=meeting.pk),
        {
            "item-title": "Census",
            "item-kind": "discussion",
            "item-minutes": "0",
        },
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "<title>Error: " in page
    assert 'href="#id_item-minutes"' in page
    assert not meeting.items.exists()


def test_an_item_is_parked_with_one_click_and_offered_next_time(world, client):
    first = make_meeting(world.school, on=dt.date(2026, 1, 13))
    second = make_meeting(world.school, on=dt.date(2026, 2, 3))
    item = make_item(first, "Lunchtime clubs")
    client.force_login(world.user("sen_governor"))

    client.post(url("item-park", world, pk=first.pk, item_pk=item.pk))
    page = client.get(url("meeting-detail", world, pk=second.pk)).content.decode()

    parked = ParkedItem.objects.get()
    assert (parked.text, parked.raised_in, parked.status) == (
        "Lunchtime clubs",
        first,
        "parked",
    )
    assert not first.items.filter(title="Lunchtime clubs").exists()
    assert (
        'Lunchtime clubs <span class="field__hint">(parked 13/01/2026)</span>' in page
    )


def test_carrying_a_parked_point_is_idempotent_and_linked_to_its_origin(world, client):
    first = make_meeting(world.school, on=dt.date(2026, 1, 13))
    second = make_meeting(world.school, on=dt.date(2026, 2, 3))
    parked = services.park_point(first, by=None, text="Homework expectations")
    client.force_login(world.user("senco"))

    for _ in range(2):
        client.post(url("parked-carry", world, pk=second.pk, parked_pk=parked.pk))

    parked.refresh_from_db()
    items = list(second.items.filter(title="Homework expectations"))
    assert len(items) == 1
    assert (parked.status, parked.carried_to, items[0].from_parked) == (
        "carried",
        items[0],
        parked,
    )
    assert AuditEntry.objects.filter(action="meetings.parked.carried").count() == 1


def test_a_parked_point_can_be_closed_instead(world, client):
    meeting = make_meeting(world.school)
    parked = services.park_point(meeting, by=None, text="Old idea")
    client.force_login(world.user("clerk"))

    client.post(url("parked-close", world, pk=meeting.pk, parked_pk=parked.pk))

    parked.refresh_from_db()
    assert parked.status == "closed"


def test_decision_options_keep_advantages_and_disadvantages(world, client):
    meeting = make_meeting(world.school)
    item = make_item(meeting, "Training focus", kind=AgendaItem.Kind.DECISION)
    client.force_login(world.user("senco"))

    client.post(
        url("option-add", world, pk=meeting.pk, item_pk=item.pk),
        {
            f"option-{item.pk}-title": "Precision teaching",
            f"option-{item.pk}-advantages": "Builds on phonics",
            f"option-{item.pk}-disadvantages": "Assistants only",
        },
    )

    option = item.options.get()
    assert (option.title, option.advantages, option.disadvantages) == (
        "Precision teaching",
        "Builds on phonics",
        "Assistants only",
    )
    page = client.get(url("meeting-detail", world, pk=meeting.pk)).content.decode()
    assert '<th scope="row">Precision teaching</th>' in page


def test_papers_are_served_only_through_the_checked_view(
    world, client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    meeting = make_meeting(world.school)
    item = make_item(meeting)
    client.force_login(world.user("senco"))
    upload = SimpleUploadedFile("costs.csv", b"line,total\n1,725\n", "text/csv")

    client.post(
        url("paper-add", world, pk=meeting.pk, item_pk=item.pk),
        {f"paper-{item.pk}-file": upload},
    )

    paper = item.papers.get()
    assert (paper.name, paper.size) == ("costs.csv", 17)
    assert "costs" not in paper.file.name  # stored under a random name
    response = client.get(
        url("paper-download", world, pk=meeting.pk, paper_pk=paper.pk)
    )
    assert response.content == b"line,total\n1,725\n"
    assert 'filename="costs.csv"' in response["Content-Disposition"]
    assert response["Content-Security-Policy"] == "sandbox"
    client.force_login(world.user("outsider"))
    assert (
        client.get(
            url("paper-download", world, pk=meeting.pk, paper_pk=paper.pk)
        ).status_code
        == 404
    )


def test_sharing_emails_the_agenda_with_papers_and_records_it(
    world, client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    meeting = make_meeting(world.school, on=dt.date(2026, 2, 3))
    item = make_item(meeting, "Provision map", minutes=20)
    services.attach_paper(
        item,
        by=None,
        upload=SimpleUploadedFile("map.txt", b"totals only", "text/plain"),
    )
    senco, governor = world.user("senco"), world.user("sen_governor")
    client.force_login(senco)

    response = client.post(
        url("agenda-share", world, pk=meeting.pk),
        {"recipients": [senco.pk, governor.pk]},
    )

    assert response.status_code == 302
    [message] = mail.outbox
    assert sorted(message.to) == sorted([senco.email, governor.email])
    assert message.subject == (
        "Agenda: SENCO and SEN governor meeting, 03/02/2026 (Larch Lane Primary)"
    )
    assert "1. Review of open actions (Information, 10 min, 15:45)" in message.body
    assert "2. Provision map (Discussion, 20 min, 15:55)" in message.body
    assert message.attachments[0][0:2] == ("map.txt", "totals only")
    assert "1 paper attached. The agenda is also in Tandem: http" in message.body
    share = AgendaShare.objects.get()
    assert (share.shared_by, set(share.recipients.all())) == (senco, {senco, governor})
    entry = AuditEntry.objects.get(action="meetings.agenda.shared")
    assert entry.data["recipients"] == 2


def test_an_agenda_without_papers_does_not_say_any_are_attached(world, client):
    meeting = make_meeting(world.school, on=dt.date(2026, 2, 3))
    senco = world.user("senco")
    client.force_login(senco)

    client.post(url("agenda-share", world, pk=meeting.pk), {"recipients": [senco.pk]})

    [message] = mail.outbox
    assert message.attachments == []
    assert "attached" not in message.body
    assert "attached" not in message.alternatives[0][0]


def test_sharing_to_nobody_is_refused_with_a_message(world, client):
    meeting = make_meeting(world.school)
    client.force_login(world.user("senco"))

    response = client.post(url("agenda-share", world, pk=meeting.pk), {})

    assert (
        "Choose at least one person to send the agenda to." in response.content.decode()
    )
    assert not AgendaShare.objects.exists()
    assert mail.outbox == []


def test_an_sen_governor_may_close_only_their_own_actions(world, client):
    meeting = make_meeting(world.school)
    theirs = services.raise_action(
        meeting,
        by=None,
        description="Visit",
        owner=world.user("sen_governor"),
        due_on=dt.date(2026, 3, 1),
    )
    senco_s = services.raise_action(
        meeting,
        by=None,
        description="Report",
        owner=world.user("senco"),
        due_on=dt.date(2026, 3, 1),
    )
    client.force_login(world.user("sen_governor"))

    mine = client.post(url("action-status", world, pk=theirs.pk), {"status": "done"})
    other = client.post(url("action-status", world, pk=senco_s.pk), {"status": "done"})

    theirs.refresh_from_db()
    senco_s.refresh_from_db()
    assert (mine.status_code, theirs.status) == (302, "done")
    assert (other.status_code, senco_s.status) == (403, "open")


def test_removing_or_parking_a_carried_point_returns_it_to_the_parking_lot(world):
    first = make_meeting(world.school, on=dt.date(2026, 1, 13))
    second = make_meeting(world.school, on=dt.date(2026, 2, 3))
    third = make_meeting(world.school, on=dt.date(2026, 3, 3))
    parked = services.park_point(first, by=None, text="Homework expectations")
    item = services.carry_parked(parked, second, by=None)

    again = services.park_item(item, by=None)
    moved = services.carry_parked(parked, third, by=None)
    services.remove_item(moved, by=None)

    parked.refresh_from_db()
    assert again == parked
    assert ParkedItem.objects.count() == 1
    assert (parked.status, parked.carried_to, parked.raised_in) == (
        "parked",
        None,
        first,
    )
    assert not second.items.filter(title="Homework expectations").exists()


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        (
            "agenda.html",
            b"<!doctype html><html><script>alert(1)</script></html>",
            "this is a web page (HTML)",
        ),
        ("minutes.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64, "cannot read it"),
        ("notes.txt", b"%PDF-1.7\n%fake", "the name says plain text"),
    ],
)
def test_papers_are_judged_by_content_not_by_name(
    world, client, settings, tmp_path, name, data, reason
):
    settings.MEDIA_ROOT = tmp_path
    meeting = make_meeting(world.school)
    item = make_item(meeting)
    client.force_login(world.user("senco"))
    upload = SimpleUploadedFile(name, data, "application/pdf")

    response = client.post(
        url("paper-add", world, pk=meeting.pk, item_pk=item.pk),
        {f"paper-{item.pk}-file": upload},
        follow=True,
    )

    assert item.papers.count() == 0
    assert reason in response.content.decode()


def test_a_spreadsheet_paper_is_accepted_as_excel(world, client, settings, tmp_path):
    import io

    from openpyxl import Workbook

    settings.MEDIA_ROOT = tmp_path
    meeting = make_meeting(world.school)
    item = make_item(meeting)
    client.force_login(world.user("senco"))
    book = io.BytesIO()
    Workbook().save(book)
    upload = SimpleUploadedFile("costs.xlsx", book.getvalue(), "application/zip")

    client.post(
        url("paper-add", world, pk=meeting.pk, item_pk=item.pk),
        {f"paper-{item.pk}-file": upload},
    )

    paper = item.papers.get()
    assert paper.content_type.endswith("spreadsheetml.sheet")
