"""Any file sent to "Check a file against the signed version": compared by fingerprint,
named in the answer, and never kept."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from hypothesis import given
from hypothesis import strategies as st

from tandem.compliance.tests.builders import make_document, make_version
from tandem.fuzzing import FORMATS, UPLOAD_FUZZ, VALID, Upload, malformed_files, stored
from tandem.testing import make_world

pytestmark = pytest.mark.django_db
ANY_BYTES = st.builds(
    Upload, st.binary(max_size=2000), st.just("download"), st.just("")
)


@pytest.fixture
def world():  # noqa: ANN201
    return make_world()


@pytest.fixture
def governor_client(client, world, settings, tmp_path):  # noqa: ANN001, ANN201
    settings.MEDIA_ROOT = tmp_path / "uploads"
    client.force_login(world.user("sen_governor"))
    return client


def post_verify(client, world, upload: Upload):  # noqa: ANN001, ANN201
    address = reverse("compliance:verify", kwargs={"urn": world.school.urn})
    file = SimpleUploadedFile(upload.name, upload.data)

    return client.post(address, {"file": file})


@pytest.mark.parametrize("claims", FORMATS)
@UPLOAD_FUZZ
@given(data=st.data())
def test_any_file_is_compared_and_nothing_is_kept(governor_client, world, claims, data):
    upload = data.draw(st.one_of(malformed_files(claims), ANY_BYTES))
    before = stored("compliance")

    response = post_verify(governor_client, world, upload)

    assert response.status_code == 200
    page = response.content.decode()
    if upload.data:
        digest = hashlib.sha256(upload.data).hexdigest()
        assert escape(f"Fingerprint of {upload.name}:") in page
        assert digest in page
        assert "This file does not match any version" in page
    else:
        error = f"{upload.name}: the file is empty."
        assert response.context["form"].errors["file"] == [error]
        assert escape(error) in page
    assert stored("compliance") == before


def test_a_stored_version_is_recognised_and_nothing_more_is_kept(
    governor_client, world
):
    document = make_document(world.school, by=world.user("senco"))
    make_version(
        document, by=world.user("senco"), data=VALID["docx"](), filename="r.docx"
    )
    before = stored("compliance")

    response = post_verify(
        governor_client, world, Upload(VALID["docx"](), "r.docx", "")
    )

    page = response.content.decode()
    assert "This file has not been signed off" in page
    assert "Fingerprint of r.docx:" in page
    assert stored("compliance") == before
    assert len(before.files) == 1
