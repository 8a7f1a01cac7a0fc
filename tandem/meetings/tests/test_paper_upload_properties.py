"""Malformed files attached to an agenda item as papers: refused with a message naming
the file and nothing stored, or (when the damage left a file that still opens) stored
whole, so governors are never sent a paper that will not open."""

import io

import docx
import openpyxl
import pypdfium2 as pdfium
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from hypothesis import event, given
from hypothesis import strategies as st

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
from tandem.lib.uploads import CONTENT_TYPES, Kind
from tandem.meetings import services
from tandem.meetings.models import AgendaPaper
from tandem.meetings.tests.builders import make_item, make_meeting
from tandem.testing import make_world

pytestmark = pytest.mark.django_db
XLSX_WITHOUT_PARTS = Upload(
    zip_of({"xl/workbook.xml": b"<workbook/>"}), "costs.xlsx", "xlsx"
)


@pytest.fixture
def world():  # noqa: ANN201
    return make_world()


@pytest.fixture
def item(world):  # noqa: ANN001, ANN201
    return make_item(make_meeting(world.school))


@pytest.fixture
def senco_client(client, world, settings, tmp_path):  # noqa: ANN001, ANN201
    settings.MEDIA_ROOT = tmp_path / "uploads"
    client.force_login(world.user("senco"))
    return client


def post_paper(client, item, upload: Upload):  # noqa: ANN001, ANN201
    meeting = item.meeting
    address = reverse(
        "meetings:paper-add",
        kwargs={"urn": meeting.school.urn, "pk": meeting.pk, "item_pk": item.pk},
    )
    file = SimpleUploadedFile(upload.name, upload.data)

    return client.post(address, {f"paper-{item.pk}-file": file})


@pytest.mark.parametrize("claims", FORMATS)
@UPLOAD_FUZZ
@given(data=st.data())
def test_a_malformed_paper_is_refused_or_stored_whole(senco_client, item, claims, data):
    upload = data.draw(malformed_files(claims))

    response = paper_is_refused_or_stored_whole(senco_client, item, upload)

    event(f"{claims}: {response.status_code}")


@pytest.mark.parametrize(
    "upload",
    [
        Upload(VALID["xlsx"]()[:3000], "costs.xlsx", "xlsx"),
        XLSX_WITHOUT_PARTS,
        Upload(VALID["pdf"]()[:2000], "minutes.pdf", "pdf"),
        Upload(b"", "empty.pdf", "pdf"),
    ],
)
def test_papers_that_would_not_open_are_refused(senco_client, item, upload):
    response = paper_is_refused_or_stored_whole(senco_client, item, upload)

    assert response.status_code == 400


def paper_is_refused_or_stored_whole(client, item, upload: Upload):  # noqa: ANN001, ANN201
    """Post the paper; assert it was refused naming it, or stored whole."""

    before = stored("meetings")

    response = post_paper(client, item, upload)

    if response.status_code == 302:
        assert_stored_whole(item, upload, before)
        return response
    assert response.status_code == 400
    errors = response.context["paper_form"].errors["file"]
    assert errors
    for error in errors:
        assert error.startswith(f"{upload.name}: ")
        assert is_a_sentence(error)
        assert escape(error) in response.content.decode()
    assert stored("meetings") == before

    return response


def assert_stored_whole(item, upload: Upload, before) -> None:  # noqa: ANN001
    assert stored("meetings").changes_since(before) == {
        "meetings.AgendaPaper": 1,
        "audit.AuditEntry": 1,
        "files": 1,
    }
    paper = item.papers.order_by("-pk").first()
    with paper.file.open("rb") as file:
        content = file.read()
    assert content == upload.data
    assert (paper.name, paper.size) == (upload.name, len(upload.data))
    assert_opens(paper.content_type, content)


def assert_opens(content_type: str, content: bytes) -> None:
    """What was stored opens in the program its type needs."""

    if content_type == CONTENT_TYPES[Kind.PDF]:
        pdfium.PdfDocument(content).close()
    elif content_type == CONTENT_TYPES[Kind.DOCX]:
        docx.Document(io.BytesIO(content))
    elif content_type == CONTENT_TYPES[Kind.XLSX]:
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        assert workbook.worksheets
    else:
        assert content_type == CONTENT_TYPES[Kind.TEXT]
        assert b"\x00" not in content
        content.decode("utf-8-sig")


@pytest.mark.parametrize("claims", ["pdf", "docx", "xlsx", "csv"])
def test_a_sound_paper_is_stored(senco_client, item, claims):
    upload = Upload(VALID[claims](), f"paper.{claims}", claims)
    before = stored("meetings")

    response = post_paper(senco_client, item, upload)

    assert response.status_code == 302
    assert_stored_whole(item, upload, before)


def test_a_failure_after_the_file_is_written_leaves_no_file(
    world, item, settings, tmp_path, monkeypatch
):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    before = stored("meetings")

    def audit_fails(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the audit trail could not be written")

    monkeypatch.setattr(services, "record", audit_fails)
    upload = SimpleUploadedFile("paper.pdf", VALID["pdf"]())
    with pytest.raises(RuntimeError):
        services.attach_paper(item, by=world.user("senco"), upload=upload)

    assert stored("meetings") == before
    assert not AgendaPaper.objects.exists()
