"""Malformed reports given to the checker through its two entry points: "Run the check" on
a stored version, and `tandem check-sir`. Each file is read or its reason is given in a
sentence; nothing else is saved and nothing is left in the upload folder.

Uploads that would not open are refused now, but versions stored before that rule are
still on disk; the page builds those as they were stored, bytes unjudged.
"""

import hashlib
import io
import json

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape
from hypothesis import event, given
from hypothesis import strategies as st

from tandem.compliance.models import DocumentVersion, ReportCheck
from tandem.compliance.tests.builders import make_document
from tandem.fuzzing import (
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
DOCUMENT_FORMATS = ("pdf", "docx", "html")


@pytest.fixture
def world():  # noqa: ANN201
    return make_world()


@pytest.fixture
def document(world, settings, tmp_path):  # noqa: ANN001, ANN201
    settings.MEDIA_ROOT = tmp_path / "uploads"
    return make_document(world.school, by=world.user("senco"))


def stored_unjudged(document, upload: Upload, *, by) -> DocumentVersion:  # noqa: ANN001
    """A version as one was stored before uploads had to open: the bytes as given."""

    version = DocumentVersion(
        document=document,
        number=document.versions.count() + 1,
        source=DocumentVersion.Source.FILE,
        format=upload.claims,
        original_filename=upload.name,
        sha256=hashlib.sha256(upload.data).hexdigest(),
        size=len(upload.data),
        created_by=by,
    )
    version.file.save(f"upload.{upload.claims}", ContentFile(upload.data), save=False)
    version.save()

    return version


def run_check(client, version: DocumentVersion):  # noqa: ANN001, ANN201
    address = reverse(
        "compliance:version-check",
        kwargs={
            "urn": version.document.school.urn,
            "pk": version.document_id,
            "number": version.number,
        },
    )

    return client.post(address, follow=True)


@pytest.mark.parametrize("claims", DOCUMENT_FORMATS)
@UPLOAD_FUZZ
@given(data=st.data())
def test_any_stored_version_is_checked_or_its_reason_given(
    client, world, document, claims, data
):
    upload = data.draw(malformed_files(claims))

    check = check_is_saved_with_its_reason(client, world, document, upload)

    event(f"{claims}: {'read' if check.readable else 'not read'}")


@pytest.mark.parametrize(
    "upload",
    [
        Upload(b"%PDF-1.4\n%%EOF\n", "s.pdf", "pdf"),
        Upload(b"", "empty.html", "html"),
        Upload(zip_of({"word/document.xml": b"<w:document/>"}), "r.docx", "docx"),
    ],
)
def test_unreadable_stored_versions_give_their_reason(client, world, document, upload):
    check = check_is_saved_with_its_reason(client, world, document, upload)

    assert not check.readable


def check_is_saved_with_its_reason(client, world, document, upload: Upload):  # noqa: ANN001, ANN201
    """Store the bytes as a version, run the check, and assert what it saved."""

    version = stored_unjudged(document, upload, by=world.user("senco"))
    client.force_login(world.user("senco"))
    before = stored("compliance")

    response = run_check(client, version)

    assert response.status_code == 200
    assert stored("compliance").changes_since(before) == {
        "compliance.ReportCheck": 1,
        "audit.AuditEntry": 1,
    }
    check = ReportCheck.objects.get(document_version=version)
    page = response.content.decode()
    if check.readable:
        assert check.applicable == len(check.result["items"]) - len(
            check.result["not_applicable"]
        )
        assert f"Check saved: evidence found for {check.found} of" in page
    else:
        assert check.result == {}
        assert is_a_sentence(check.error)
        assert escape(f"The checker could not read this version. {check.error}") in page

    return check


def test_a_sound_report_is_checked_and_the_check_saved(client, world, document):
    sound = Upload(VALID["pdf"](), "report.pdf", "pdf")
    version = stored_unjudged(document, sound, by=world.user("senco"))
    client.force_login(world.user("senco"))

    run_check(client, version)

    check = ReportCheck.objects.get(document_version=version)
    assert (check.readable, check.error, check.applicable) == (True, "", 24)
    assert check.result["format"] == "pdf"


@pytest.mark.parametrize("claims", DOCUMENT_FORMATS)
@UPLOAD_FUZZ
@given(data=st.data())
def test_check_sir_reads_each_file_or_names_it_with_a_reason(
    world, tmp_path, claims, data
):
    upload = data.draw(malformed_files(claims))
    path = tmp_path / upload.name
    path.write_bytes(upload.data)
    before = stored("compliance")
    out = io.StringIO()

    try:
        call_command(
            "check_sir", str(path), "--school", world.school.urn, "--json", stdout=out
        )
    except SystemExit as exit_:
        status = exit_.code
    else:
        status = 0

    [entry] = [json.loads(line) for line in out.getvalue().splitlines()]
    assert entry["file"] == str(path)
    if status:
        assert status == 1
        assert is_a_sentence(entry["error"])
        assert entry["error_kind"] in {
            "empty", "wrong_type", "damaged", "password", "no_text_layer",
        }  # fmt: skip
    else:
        assert "error" not in entry
        assert set(entry["items"]) >= {"1", "4"}
    assert stored("compliance") == before
