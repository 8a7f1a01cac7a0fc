import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tandem.audit.models import AuditEntry
from tandem.compliance.models import (
    Consultation,
    Document,
    DocumentVersion,
    ReportCheck,
)
from tandem.compliance.tests.builders import html_bytes, make_document, make_version
from tandem.compliance.tests.checker.builders import image_pdf
from tandem.testing import PASSWORD, make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():  # noqa: ANN201
    return make_world()


def login(client, world, persona):  # noqa: ANN001, ANN201
    assert client.login(username=world.user(persona).username, password=PASSWORD)
    return client


def url(world, name, **kwargs):  # noqa: ANN001, ANN003, ANN201
    return reverse(f"compliance:{name}", kwargs={"urn": world.school.urn, **kwargs})


def test_add_a_report_sets_the_next_review_a_year_on(client, world):
    login(client, world, "senco")

    response = client.post(
        url(world, "document-create"),
        {
            "kind": "sen_information_report",
            "title": "SEN Information Report 2025/26",
            "owner": world.user("senco").pk,
            "last_reviewed_on": "2025-09-15",
            "version": "",
        },
    )

    document = Document.objects.get()
    assert response.status_code == 302
    assert document.next_review_on.isoformat() == "2026-09-15"
    page = client.get(url(world, "document-detail", pk=document.pk)).content.decode()
    assert "15/09/2026" in page
    assert "Not yet planned." in page  # all four consultation perspectives are listed
    assert page.count("Plan or record consultation with") == 4


def test_a_stale_edit_is_refused(client, world):
    document = make_document(world.school, by=world.user("senco"))
    login(client, world, "headteacher")
    data = {"kind": "sen_policy", "title": "First edit", "owner": "", "version": 1}
    client.post(url(world, "document-edit", pk=document.pk), data)

    response = client.post(
        url(world, "document-edit", pk=document.pk), {**data, "title": "Second"}
    )

    document.refresh_from_db()
    assert document.title == "First edit"
    assert "Someone else saved this record" in response.content.decode()


def test_a_wrong_upload_is_explained_and_nothing_is_stored(client, world):
    document = make_document(world.school, by=world.user("senco"))
    login(client, world, "senco")

    response = client.post(
        url(world, "version-upload", pk=document.pk),
        {"file": SimpleUploadedFile("report.pdf", html_bytes())},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error:" in page
    assert (
        "report.pdf: the name says a PDF but the content is a web page (HTML)." in page
    )
    assert not DocumentVersion.objects.exists()


def test_upload_then_check_shows_the_result_beside_the_sign_off(client, world):
    document = make_document(world.school, by=world.user("senco"))
    login(client, world, "senco")
    body = (
        b"<html><body><h1>SEN Information Report</h1><p>We provide for pupils with "
        b"needs in cognition and learning and in communication and interaction.</p>"
        b"</body></html>"
    )

    response = client.post(
        url(world, "version-upload", pk=document.pk),
        {"file": SimpleUploadedFile("report.html", body), "note": "Annual update"},
    )
    assert response.status_code == 302
    response = client.post(url(world, "version-check", pk=document.pk, number=1))
    page = client.get(response["Location"]).content.decode()

    check = ReportCheck.objects.get()
    assert check.result["items"]["1"]["found"] is True
    assert check.result["items"]["4"]["found"] is False
    assert check.applicable == 24
    assert f"Evidence found for {check.found} of 24 items." in page
    assert "cognition and learning" in page
    assert "a person reads the report and decides" in page
    assert "This version has not been put to the governors." in page
    assert AuditEntry.objects.filter(action="compliance.check.saved").count() == 1


def test_an_unreadable_version_is_saved_as_unreadable(client, world):
    document = make_document(world.school, by=world.user("senco"))
    make_version(document, by=world.user("senco"), data=image_pdf(), filename="s.pdf")
    login(client, world, "senco")

    client.post(url(world, "version-check", pk=document.pk, number=1))

    check = ReportCheck.objects.get()
    assert not check.readable
    assert "no text layer" in check.error
    page = client.get(url(world, "version-detail", pk=document.pk, number=1))
    assert "The checker could not read this version." in page.content.decode()


def test_governors_sign_through_the_pages(client, world):
    document = make_document(world.school, by=world.user("senco"))
    make_version(document, by=world.user("senco"), data=html_bytes(), filename="r.html")
    login(client, world, "clerk")
    form = client.get(url(world, "sign-off-request", pk=document.pk, number=1))
    statement = form.context["form"].initial["statement"]
    assert "the governing body of Larch Lane Primary confirms" in statement
    assert "as a mainstream maintained school" in statement
    members = [m.pk for m in form.context["form"].initial["signatories"]]
    client.post(
        url(world, "sign-off-request", pk=document.pk, number=1),
        {"statement": statement, "signatories": members},
    )
    sign_off = document.versions.get().sign_offs.get()

    for persona in ("governor", "sen_governor"):
        login(client, world, persona)
        client.post(
            url(world, "sign-off-confirm", sign_off_pk=sign_off.pk), {"confirm": "on"}
        )

    sign_off.refresh_from_db()
    assert sign_off.is_complete
    page = client.get(
        url(world, "version-detail", pk=document.pk, number=1)
    ).content.decode()
    assert "A completed sign-off cannot be changed or deleted." in page


def test_confirming_without_ticking_records_nothing(client, world):
    document = make_document(world.school, by=world.user("senco"))
    make_version(document, by=world.user("senco"), data=html_bytes(), filename="r.html")
    from tandem.compliance.tests.builders import request

    sign_off = request(document.versions.get(), by=world.user("clerk"))
    login(client, world, "governor")

    client.post(url(world, "sign-off-confirm", sign_off_pk=sign_off.pk), {})

    assert all(line.confirmed_at is None for line in sign_off.signatories.all())


def test_consultation_is_recorded_and_removed(client, world):
    document = make_document(world.school, by=world.user("senco"))
    login(client, world, "senco")

    client.post(
        url(world, "consultation-create", pk=document.pk),
        {
            "perspective": "pupils",
            "who": "School council",
            "method": "pupil_voice",
            "held_on": "2026-01-20",
            "feedback": "Liked it",
            "changes": "None",
        },
    )
    consultation = Consultation.objects.get()
    page = client.get(url(world, "document-detail", pk=document.pk)).content.decode()
    assert "School council" in page and "Held 20/01/2026" in page

    client.post(url(world, "consultation-delete", pk=consultation.pk))
    assert not Consultation.objects.exists()
    assert AuditEntry.objects.filter(action="compliance.consultation.removed").exists()


def test_consultation_needs_a_date(client, world):
    document = make_document(world.school, by=world.user("senco"))
    login(client, world, "senco")

    response = client.post(
        url(world, "consultation-create", pk=document.pk),
        {"perspective": "staff", "who": "Teachers", "method": "meeting"},
    )

    assert "Give the date it is planned for, or held on." in response.content.decode()
    assert not Consultation.objects.exists()


def test_download_is_the_exact_stored_bytes(client, world):
    document = make_document(world.school, by=world.user("senco"))
    make_version(document, by=world.user("senco"), data=html_bytes(), filename="r.html")
    login(client, world, "officer")

    response = client.get(url(world, "version-download", pk=document.pk, number=1))

    assert response.content == html_bytes()
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"] == "sandbox"


def test_sending_the_upload_form_twice_makes_one_version(client, world):
    document = make_document(world.school, by=world.user("senco"))
    login(client, world, "senco")
    target = url(world, "version-upload", pk=document.pk)

    client.post(target, {"file": SimpleUploadedFile("r.html", html_bytes())})
    response = client.post(target, {"file": SimpleUploadedFile("r.html", html_bytes())})

    assert "r.html: this file is identical to version 1" in response.content.decode()
    assert document.versions.count() == 1


def test_a_written_version_can_be_read_on_its_page(client, world):
    from tandem.compliance import services

    document = make_document(world.school, by=world.user("senco"))
    services.add_text_version(
        document, by=world.user("senco"), text="We <b>assess</b>."
    )
    login(client, world, "governor")

    page = client.get(url(world, "version-detail", pk=document.pk, number=1))

    text = page.content.decode()
    assert "Read the text of version 1" in text
    assert "We &lt;b&gt;assess&lt;/b&gt;." in text
