import datetime as dt
import io

import docx
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from tandem.lib.pdf import pdf_text
from tandem.meetings import services
from tandem.meetings.tests.builders import make_action, make_item, make_meeting
from tandem.testing import make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(db):
    """A meeting with a carried action, two new ones and a record."""

    world = make_world()
    senco, governor = world.user("senco"), world.user("sen_governor")
    earlier = make_meeting(world.school, on=dt.date(2026, 1, 13))
    carried = make_action(
        earlier,
        governor,
        description="Book the learning walk",
        due_on=dt.date(2026, 1, 30),
    )
    meeting = make_meeting(world.school, on=dt.date(2026, 2, 3))
    services.build_agenda(meeting, by=senco)
    item = make_item(meeting, "Provision map costs")
    make_action(
        meeting,
        senco,
        description="Send the costs to the head",
        due_on=dt.date(2026, 2, 17),
    )
    withdrawn = make_action(
        meeting,
        governor,
        description="Ask the LA about top-up",
        due_on=dt.date(2026, 3, 2),
    )
    services.set_action_status(
        withdrawn, "withdrawn", by=senco, today=dt.date(2026, 2, 3)
    )
    services.save_record(
        meeting,
        by=senco,
        expected_version=1,
        attendees="Senco Tester (SENCO)",
        apologies="",
        any_other_business="",
        next_meeting_on=dt.date(2026, 3, 10),
        notes={item.pk: services.ItemNotes(key_points="Costs rose this term.")},
    )
    return world, meeting, carried


EXPECTED = [
    ("Book the learning walk", "Sen_Governor Tester", "30/01/2026", "Open"),
    ("Send the costs to the head", "Senco Tester", "17/02/2026", "Open"),
    ("Ask the LA about top-up", "Sen_Governor Tester", "02/03/2026", "Withdrawn"),
]


def test_pdf_has_every_action_with_owner_and_due_date(held, client):
    world, meeting, _ = held
    client.force_login(world.user("governor"))

    response = client.get(
        reverse(
            "meetings:record-pdf", kwargs={"urn": world.school.urn, "pk": meeting.pk}
        )
    )

    assert response["Content-Type"] == "application/pdf"
    assert 'filename="meeting-record-2026-02-03-' in response["Content-Disposition"]
    pages = pdf_text(response.content)
    assert len(pages) == 1
    text = " ".join(pages[0].split())
    for description, owner, due, status in EXPECTED:
        assert f"{description} {owner} {due} {status}" in text or (
            f"{description} (carried forward) {owner} {due} {status}" in text
        )
    assert "Book the learning walk (carried forward)" in text
    assert "Costs rose this term." in text
    assert "Larch Lane Primary · Meeting record 03/02/2026" in text
    assert "Next meeting: 10/03/2026" in text


def test_docx_has_every_action_with_owner_and_due_date(held, client):
    world, meeting, _ = held
    client.force_login(world.user("clerk"))

    response = client.get(
        reverse(
            "meetings:record-docx", kwargs={"urn": world.school.urn, "pk": meeting.pk}
        )
    )

    document = docx.Document(io.BytesIO(response.content))
    rows = [[c.text for c in row.cells] for row in document.tables[2].rows]
    assert [row[1:] for row in rows[1:]] == [list(expected) for expected in EXPECTED]
    assert rows[1][0].startswith("A")


def test_cli_writes_the_record_as_pdf_and_docx(held, tmp_path):
    _, meeting, _ = held
    out = io.StringIO()

    call_command(
        "export",
        "meeting-record",
        "--meeting",
        str(meeting.pk),
        "--format",
        "pdf",
        "-o",
        str(tmp_path / "record.pdf"),
        stdout=out,
    )
    call_command(
        "export",
        "meeting-record",
        "--meeting",
        str(meeting.pk),
        "--format",
        "docx",
        "-o",
        str(tmp_path / "record.docx"),
        stdout=out,
    )

    text = " ".join(pdf_text((tmp_path / "record.pdf").read_bytes())[0].split())
    assert "Send the costs to the head Senco Tester 17/02/2026 Open" in text
    document = docx.Document(tmp_path / "record.docx")
    assert document.tables[2].rows[2].cells[2].text == "Senco Tester"
    assert f"Wrote the record of meeting {meeting.pk} (03/02/2026)" in out.getvalue()


def test_cli_names_a_missing_meeting(tmp_path):
    with pytest.raises(CommandError, match="There is no meeting with id 999."):
        call_command(
            "export",
            "meeting-record",
            "--meeting",
            "999",
            "-o",
            str(tmp_path / "x.pdf"),
        )
    assert not (tmp_path / "x.pdf").exists()


def test_action_log_pdf_lists_the_years_actions(held, client):
    world, meeting, _ = held
    client.force_login(world.user("senco"))

    response = client.get(
        reverse("meetings:action-log-pdf", kwargs={"urn": world.school.urn}),
        {"year": "2025-26"},
    )

    text = " ".join(pdf_text(response.content)[0].split())
    assert "Action log 2025/26" in text
    assert "Open: 2 · Done: 0 · Withdrawn: 1" in text
    assert (
        "Book the learning walk Sen_Governor Tester 13/01/2026 30/01/2026 Open" in text
    )
