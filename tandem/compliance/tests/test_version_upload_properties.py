"""Malformed files sent to the version upload page: refused with a message naming the
file and nothing stored, or (when the damage left a file that still opens) stored whole.

Every file stored is then checked through the page's "Run the check" button: the
checker reads it or saves its reason for not reading it, never a server error.
"""

import io

import docx
import pypdfium2 as pdfium
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from hypothesis import event, given
from hypothesis import strategies as st

from tandem.compliance import services
from tandem.compliance.models import DocumentVersion, ReportCheck
from tandem.compliance.tests.builders import make_document
from tandem.fuzzing import (
    FORMATS,
    UPLOAD_FUZZ,
    VALID,
    Upload,
    is_a_sentence,
    malformed_files,
    stored,
    zip_of,
)
from tandem.testing import make_world

pytestmark = pytest.mark.django_db
# Files of the right kind that would not open, stored as versions before that was checked.
CUT_PDF = Upload(VALID["pdf"]()[:2000], "report.pdf", "pdf")
NO_PAGES = Upload(b"%PDF-1.4\n%%EOF\n", "s.pdf", "pdf")
DOCX_WITHOUT_PARTS = Upload(
    zip_of({"word/document.xml": b"<w:document/>"}), "report.docx", "docx"
)


@pytest.fixture
def world():  # noqa: ANN201
    return make_world()


@pytest.fixture
def document(world):  # noqa: ANN001, ANN201
    return make_document(world.school, by=world.user("senco"))


@pytest.fixture
def senco_client(client, world, settings, tmp_path):  # noqa: ANN001, ANN201
    settings.MEDIA_ROOT = tmp_path / "uploads"
    client.force_login(world.user("senco"))
    return client


def post_upload(client, document, upload: Upload):  # noqa: ANN001, ANN201
    address = reverse(
        "compliance:version-upload",
        kwargs={"urn": document.school.urn, "pk": document.pk},
    )
    file = SimpleUploadedFile(upload.name, upload.data)

    return client.post(address, {"file": file, "note": ""})


@pytest.mark.parametrize("claims", FORMATS)
@UPLOAD_FUZZ
@given(data=st.data())
def test_a_malformed_file_is_refused_or_stored_whole(
    senco_client, document, claims, data
):
    upload = data.draw(malformed_files(claims))

    response = upload_is_refused_or_stored_whole(senco_client, document, upload)

    event(f"{claims}: {response.status_code}")


@pytest.mark.parametrize("upload", [CUT_PDF, NO_PAGES, DOCX_WITHOUT_PARTS])
def test_files_once_stored_are_refused(senco_client, document, upload):
    response = upload_is_refused_or_stored_whole(senco_client, document, upload)

    assert response.status_code == 200


def upload_is_refused_or_stored_whole(client, document, upload: Upload):  # noqa: ANN001, ANN201
    """Post the file; assert it was refused naming it, or stored whole and checked."""

    before = stored("compliance")

    response = post_upload(client, document, upload)

    if response.status_code == 302:
        assert_stored_whole(document, upload, before)
        assert_checked(client, document)
        return response
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert errors
    for error in errors:
        assert error.startswith(f"{upload.name}: ")
        assert is_a_sentence(error)
        assert escape(error) in response.content.decode()
    assert stored("compliance") == before

    return response


def assert_stored_whole(document, upload: Upload, before) -> None:  # noqa: ANN001
    after = stored("compliance")
    assert after.changes_since(before) == {
        "compliance.DocumentVersion": 1,
        "audit.AuditEntry": 1,
        "files": 1,
    }
    version = document.versions.order_by("-number").first()
    assert version.content() == upload.data
    assert version.original_filename == upload.name
    assert_opens(version)


def assert_opens(version: DocumentVersion) -> None:
    """What was stored opens in the program its format needs."""

    if version.format == "pdf":
        pdfium.PdfDocument(version.content()).close()
    elif version.format == "docx":
        docx.Document(io.BytesIO(version.content()))
    else:
        assert version.format == "html"
        assert b"\x00" not in version.content()


def assert_checked(client, document) -> None:  # noqa: ANN001
    version = document.versions.order_by("-number").first()
    before = stored("compliance")
    address = reverse(
        "compliance:version-check",
        kwargs={
            "urn": document.school.urn,
            "pk": document.pk,
            "number": version.number,
        },
    )

    response = client.post(address, follow=True)

    assert response.status_code == 200
    assert stored("compliance").changes_since(before) == {
        "compliance.ReportCheck": 1,
        "audit.AuditEntry": 1,
    }
    check = ReportCheck.objects.get(document_version=version)
    page = response.content.decode()
    if check.readable:
        saved = f"Check saved: evidence found for {check.found} of {check.applicable}"
        assert saved in page
    else:
        assert is_a_sentence(check.error)
        assert escape(f"The checker could not read this version. {check.error}") in page


@pytest.mark.parametrize("claims", ["pdf", "docx", "html"])
def test_a_sound_file_is_stored(senco_client, document, claims):
    upload = Upload(VALID[claims](), f"report.{claims}", claims)
    before = stored("compliance")

    response = post_upload(senco_client, document, upload)

    assert response.status_code == 302
    assert_stored_whole(document, upload, before)
    assert document.versions.get().format == claims


def test_a_failure_after_the_file_is_written_leaves_no_file(
    world, document, settings, tmp_path, monkeypatch
):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    before = stored("compliance")

    def audit_fails(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the audit trail could not be written")

    monkeypatch.setattr(services, "record", audit_fails)
    with pytest.raises(RuntimeError):
        services.add_file_version(
            document, by=world.user("senco"), data=VALID["pdf"](), filename="r.pdf"
        )

    assert stored("compliance") == before
    assert not DocumentVersion.objects.exists()
