import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from tandem.compliance.tests.builders import (
    make_document,
    make_version,
    pdf_bytes,
    request,
    sign_all,
)
from tandem.testing import PASSWORD, make_member, make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():  # noqa: ANN201
    return make_world()


@pytest.fixture
def signed(world):  # noqa: ANN001, ANN201
    document = make_document(world.school, by=world.user("senco"))
    version = make_version(
        document, by=world.user("senco"), data=pdf_bytes("Signed text.")
    )
    return sign_all(request(version, by=world.user("clerk")))


def upload(client, world, persona: str, data: bytes):  # noqa: ANN001, ANN201
    client.login(username=world.user(persona).username, password=PASSWORD)
    url = reverse("compliance:verify", kwargs={"urn": world.school.urn})
    return client.post(url, {"file": SimpleUploadedFile("copy.pdf", data)})


def test_the_signed_file_is_recognised_by_a_governor(client, world, signed):
    response = upload(client, world, "governor", pdf_bytes("Signed text."))

    page = response.content.decode()
    assert "This file is the signed version" in page
    assert "SEN Information Report 2025/26, version 1" in page
    assert signed.completed_at.strftime("%d/%m/%Y") in page
    assert signed.sha256 in page


def test_a_changed_file_fails_verification(client, world, signed):
    changed = bytearray(pdf_bytes("Signed text."))
    changed[-10] ^= 0x01  # one bit of one byte

    response = upload(client, world, "officer", bytes(changed))

    assert "This file does not match any version" in response.content.decode()


def test_an_unsigned_version_is_named_as_such(client, world, signed):
    newer = make_version(
        signed.document_version.document, by=world.user("senco"), data=pdf_bytes("v2")
    )

    response = upload(client, world, "senco", pdf_bytes("v2"))

    page = response.content.decode()
    assert "This file has not been signed off" in page
    assert f"version {newer.number}" in page


def test_another_schools_signed_file_is_not_revealed(client, world):
    make_member(world.other_school, "governor", username="other-governor")
    document = make_document(world.other_school, by=world.user("outsider"))
    version = make_version(
        document, by=world.user("outsider"), data=pdf_bytes("Theirs.")
    )
    sign_all(request(version, by=world.user("outsider")))

    response = upload(client, world, "senco", pdf_bytes("Theirs."))

    assert "This file does not match any version" in response.content.decode()


def test_an_empty_file_is_an_error_naming_it(client, world):
    response = upload(client, world, "senco", b"")

    page = response.content.decode()
    assert page.count("copy.pdf: the file is empty.") >= 1
    assert "The submitted file is empty." not in page
    assert "<title>Error:" in page


def test_command_says_signed_and_exits_zero(tmp_path, world, signed, capsys):
    path = tmp_path / "website-copy.pdf"
    path.write_bytes(pdf_bytes("Signed text."))

    call_command("verify_signoff", str(path), "--school", world.school.urn)

    out = capsys.readouterr().out
    assert (
        "Signed: SEN Information Report 2025/26, version 1, Larch Lane Primary" in out
    )
    assert "Governor Tester (Governor) on " in out


def test_command_exits_one_for_a_changed_file(tmp_path, world, signed, capsys):
    path = tmp_path / "edited.pdf"
    path.write_bytes(pdf_bytes("Signed text.") + b"\n")

    with pytest.raises(SystemExit) as exited:
        call_command("verify_signoff", str(path))

    assert exited.value.code == 1
    assert "Not signed: this file matches no version" in capsys.readouterr().out


def test_command_refuses_an_unknown_school(tmp_path, world):
    path = tmp_path / "x.pdf"
    path.write_bytes(b"x")

    with pytest.raises(Exception) as caught:
        call_command("verify_signoff", str(path), "--school", "999999")

    assert str(caught.value) == "No school has URN 999999."
