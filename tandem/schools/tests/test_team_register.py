import unicodedata

import pytest
from django.urls import reverse

from tandem.audit.models import AuditEntry
from tandem.lib.concurrency import StaleEdit
from tandem.lib.docx import docx_text
from tandem.lib.pdf import pdf_text
from tandem.schools import services
from tandem.schools.models import Membership
from tandem.testing import PASSWORD, make_member, make_school, make_team_member

NAMES = [
    "Siân Ó Briain",
    "Zoë Łęcka-Byrne",
    unicodedata.normalize("NFD", "Nguyễn Thị Hoa"),
]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@pytest.fixture
def school_with_team(db):  # noqa: ANN001, ANN201
    school = make_school()
    for name in NAMES:
        make_team_member(school, name=name, role="Teaching assistant")
    return school


@pytest.fixture
def senco_client(client, school_with_team):  # noqa: ANN001, ANN201
    user = make_member(school_with_team, Membership.Role.SENCO, username="senco")
    client.login(username=user.username, password=PASSWORD)
    client.user = user
    return client


def test_pdf_keeps_every_letter_of_every_name(senco_client, school_with_team) -> None:
    url = reverse("schools:team-register-pdf", kwargs={"urn": school_with_team.urn})

    response = senco_client.get(url)

    assert response["Content-Type"] == "application/pdf"
    text = nfc(" ".join(pdf_text(response.content)))
    for name in NAMES:
        assert nfc(name) in text


def test_docx_keeps_every_letter_of_every_name(senco_client, school_with_team) -> None:
    url = reverse("schools:team-register-docx", kwargs={"urn": school_with_team.urn})

    response = senco_client.get(url)

    text = docx_text(response.content)
    for name in NAMES:
        assert nfc(name) in nfc(text)
    assert NAMES[2] in text  # the decomposed form itself is kept, not normalised away


def test_adding_a_member_writes_the_audit_trail(senco_client, school_with_team) -> None:
    url = reverse("schools:team-member-create", kwargs={"urn": school_with_team.urn})

    response = senco_client.post(url, {"name": "Dafydd Rees", "role": "HLTA"})

    assert response.status_code == 302
    member = school_with_team.team.get(name="Dafydd Rees")
    entry = AuditEntry.objects.get(action="schools.team_member.added")
    assert (entry.actor, entry.object_id) == (senco_client.user, str(member.pk))


def test_missing_name_shows_an_error_summary(senco_client, school_with_team) -> None:
    url = reverse("schools:team-member-create", kwargs={"urn": school_with_team.urn})

    response = senco_client.post(url, {"name": "", "role": "HLTA"})

    content = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Add a team member" in content
    assert 'href="#id_name">Name: This field is required.' in content
    assert school_with_team.team.count() == len(NAMES)


def test_later_stale_save_is_refused_and_nothing_is_lost(db) -> None:
    school = make_school()
    first = make_member(school, Membership.Role.SENCO, username="first")
    second = make_member(school, Membership.Role.HEADTEACHER, username="second")
    member = make_team_member(school, name="Alex", strengths="Phonics")
    fields = {"name": "Alex", "role": "TA", "support_areas": "", "notes": ""}

    services.update_team_member(
        member, by=first, expected_version=1, strengths="Phonics; maths", **fields
    )
    with pytest.raises(StaleEdit):
        services.update_team_member(
            member, by=second, expected_version=1, strengths="Reading", **fields
        )

    member.refresh_from_db()
    assert (member.strengths, member.version) == ("Phonics; maths", 2)


def test_stale_form_post_explains_the_conflict(senco_client, school_with_team) -> None:
    member = school_with_team.team.first()
    url = reverse(
        "schools:team-member-edit",
        kwargs={"urn": school_with_team.urn, "pk": member.pk},
    )
    data = {"name": member.name, "role": "TA", "strengths": "Mine", "version": 1}
    senco_client.post(url, data)

    response = senco_client.post(url, {**data, "strengths": "Theirs"})

    assert response.status_code == 200
    assert "Someone else saved this record" in response.content.decode()
    member.refresh_from_db()
    assert member.strengths == "Mine"


def test_removing_needs_a_confirmation_page(senco_client, school_with_team) -> None:
    member = school_with_team.team.first()
    url = reverse(
        "schools:team-member-delete",
        kwargs={"urn": school_with_team.urn, "pk": member.pk},
    )

    page = senco_client.get(url)
    assert f"Remove {member.name} from the team?" in page.content.decode()
    senco_client.post(url)

    assert not school_with_team.team.filter(pk=member.pk).exists()
    assert AuditEntry.objects.filter(action="schools.team_member.removed").count() == 1
