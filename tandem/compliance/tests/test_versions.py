import hashlib

import pytest
from django.db import IntegrityError

from tandem.audit.models import AuditEntry
from tandem.compliance import services
from tandem.compliance.models import DocumentVersion, Locked
from tandem.compliance.tests.builders import (
    html_bytes,
    make_document,
    make_version,
    pdf_bytes,
)
from tandem.lib.uploads import UploadRejected
from tandem.testing import make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():  # noqa: ANN201
    return make_world()


@pytest.fixture
def document(world):  # noqa: ANN001, ANN201
    return make_document(world.school, by=world.user("senco"))


def test_upload_stores_the_exact_bytes_and_their_hash(world, document, settings):
    version = make_version(document, by=world.user("senco"))

    version.refresh_from_db()
    assert version.number == 1
    assert version.format == "pdf"
    assert version.sha256 == hashlib.sha256(pdf_bytes()).hexdigest()
    assert version.content() == pdf_bytes()
    assert version.size == len(pdf_bytes())
    assert version.file.name.startswith(f"compliance/{world.school.urn}/")
    assert "report" not in version.file.name  # never the uploaded name on disk
    assert str(settings.MEDIA_ROOT) in version.file.path


def test_versions_are_numbered_in_order(world, document):
    first = make_version(document, by=world.user("senco"))
    second = make_version(
        document, by=world.user("senco"), data=html_bytes(), filename="report.html"
    )

    assert (first.number, second.number) == (1, 2)
    assert second.format == "html"
    assert list(document.versions.values_list("number", flat=True)) == [2, 1]


def test_upload_is_audited_with_ids_only(world, document):
    version = make_version(document, by=world.user("senco"))

    entry = AuditEntry.objects.filter(action="compliance.version.added").get()
    assert entry.actor == world.user("senco")
    assert entry.object_id == str(version.pk)
    assert entry.data == {"document": document.pk, "number": 1}


def test_a_mismatched_upload_stores_nothing(world, document):
    with pytest.raises(UploadRejected) as caught:
        make_version(
            document, by=world.user("senco"), data=pdf_bytes(), filename="x.docx"
        )

    assert str(caught.value).startswith("x.docx: the name says a Word document")
    assert not DocumentVersion.objects.exists()
    assert not AuditEntry.objects.filter(action="compliance.version.added").exists()


def test_text_version_hashes_normalised_utf8(world, document):
    version = services.add_text_version(
        document, by=world.user("senco"), text="Line one\r\nCafé\r\n\r\n"
    )

    assert version.text == "Line one\nCafé"
    assert version.sha256 == hashlib.sha256("Line one\nCafé".encode()).hexdigest()
    assert version.content() == "Line one\nCafé".encode()


def test_a_version_cannot_be_changed(world, document):
    version = make_version(document, by=world.user("senco"))

    version.note = "Sneaky edit"
    with pytest.raises(Locked):
        version.save()
    with pytest.raises(Locked):
        version.delete()

    version.refresh_from_db()
    assert version.note == ""


def test_the_database_refuses_to_change_a_version_behind_the_models_back(
    world, document
):
    version = make_version(document, by=world.user("senco"))

    with pytest.raises(IntegrityError):
        DocumentVersion.objects.filter(pk=version.pk).update(sha256="0" * 64)


def test_the_same_file_twice_is_refused(world, document):
    make_version(document, by=world.user("senco"))

    with pytest.raises(UploadRejected) as caught:
        make_version(document, by=world.user("senco"), filename="again.pdf")

    assert str(caught.value) == (
        "again.pdf: this file is identical to version 1, so there is nothing new to "
        "store."
    )
    assert document.versions.count() == 1


def test_the_same_text_twice_is_refused(world, document):
    services.add_text_version(document, by=world.user("senco"), text="Our policy.")

    with pytest.raises(ValueError, match="identical to version 1"):
        services.add_text_version(
            document, by=world.user("senco"), text="Our policy.\n"
        )
