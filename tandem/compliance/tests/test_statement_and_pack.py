import io
import types

import docx
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tandem.compliance import evidence, evidence_pack, services
from tandem.compliance.tests.builders import (
    make_document,
    make_version,
    pdf_bytes,
    request,
    sign_all,
)
from tandem.lib.evidence import EvidenceSection
from tandem.lib.pdf import pdf_text
from tandem.testing import PASSWORD, make_world, run_queued_jobs

pytestmark = pytest.mark.django_db


def docx_bytes() -> bytes:
    document = docx.Document()
    document.add_heading("SEN Information Report", level=1)
    document.add_paragraph("Our SENCO is Rhiannon Talbot.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Speech and language"
    table.rows[0].cells[1].text = "Talk Boost groups"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def world():  # noqa: ANN201
    return make_world()


@pytest.fixture
def signed(world):  # noqa: ANN001, ANN201
    document = make_document(world.school, by=world.user("senco"))
    version = make_version(
        document, by=world.user("senco"), data=pdf_bytes("The signed report body.")
    )
    return sign_all(request(version, by=world.user("clerk")))


def get(client, world, persona, name, **kwargs):  # noqa: ANN001, ANN003, ANN201
    client.login(username=world.user(persona).username, password=PASSWORD)
    return client.get(reverse(name, kwargs={"urn": world.school.urn, **kwargs}))


def test_statement_pdf_shows_document_hash_signatories_and_dates(client, world, signed):
    response = get(
        client, world, "officer", "compliance:statement-pdf", sign_off_pk=signed.pk
    )

    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content))
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert "SEN Information Report 2025/26" in text
    assert signed.sha256[:32] in text.replace("\r\n", "").replace(" ", "")
    assert "Governor Tester" in text and "Sen_Governor Tester" in text
    assert f"Signed off on {today}" in text
    assert "We confirm it is accurate." in text


def test_evidence_section_is_the_statement_then_the_signed_pdf(world, signed):
    today = timezone.localdate()

    [section] = evidence.sections(world.school, today=today)

    pages = pdf_text(section.pdf)
    assert section.title == (
        f"SEN Information Report 2025/26 (version 1, signed {today:%d/%m/%Y})"
    )
    assert pages[0].startswith("Compliance statement")
    assert "The signed report body." in pages[-1]


def test_only_the_latest_signed_version_goes_in(world, signed):
    newer = make_version(
        signed.document_version.document, by=world.user("senco"), data=pdf_bytes("v2")
    )
    sign_all(request(newer, by=world.user("clerk")))

    [section] = evidence.sections(world.school, today=timezone.localdate())

    assert "version 2" in section.title
    assert "v2" in pdf_text(section.pdf)[-1]


def test_a_written_version_is_typeset(world):
    document = make_document(
        world.school, by=world.user("senco"), kind="sen_policy", title="SEN policy"
    )
    version = services.add_text_version(
        document, by=world.user("senco"), text="Our SEN policy\nWe assess, plan, do."
    )
    sign_all(request(version, by=world.user("clerk")))

    [section] = evidence.sections(world.school, today=timezone.localdate())

    assert "We assess, plan, do." in pdf_text(section.pdf)[-1]


def test_pack_has_contents_and_every_section(client, world, signed, monkeypatch):
    real_gather = evidence_pack.gather

    def with_extra(school, *, today, on_step):  # noqa: ANN001, ANN202
        extra = EvidenceSection("Duties map", pdf_bytes("Duties map body."), order=20)
        return [*real_gather(school, today=today, on_step=on_step), extra]

    monkeypatch.setattr(evidence_pack, "gather", with_extra)

    client.login(username=world.user("sen_governor").username, password=PASSWORD)
    start = reverse(
        "ops:job-start", kwargs={"urn": world.school.urn, "kind": "evidence-pack"}
    )
    job_page = client.post(start)["Location"]
    assert run_queued_jobs() == 1
    response = client.get(f"{job_page}download/")

    assert response["Content-Type"] == "application/pdf"
    pages = pdf_text(response.content)
    assert "Inspection evidence pack" in pages[0]
    assert "Larch Lane Primary" in pages[0]
    assert "SEN Information Report 2025/26 (version 1, signed" in pages[0]
    assert "Duties map" in pages[0]
    assert pages[1].startswith("Compliance statement")
    assert "Duties map body." in pages[-1]
    assert pages[-1].rstrip().endswith(f"page {len(pages)} of {len(pages)}")


def test_a_failing_section_is_replaced_by_a_page_saying_so(world, monkeypatch):
    def sections(school, *, today):  # noqa: ANN001, ANN202
        raise RuntimeError("boom")

    broken = types.ModuleType("tandem.reports.evidence")
    broken.sections = sections
    monkeypatch.setattr(evidence_pack, "app_modules", lambda name: [broken])

    [section] = evidence_pack.gather(world.school, today=timezone.localdate())

    assert section.title == "Section not available (reports)"
    assert "could not be prepared" in pdf_text(section.pdf)[0]


def test_a_signed_word_file_follows_its_statement_as_text(world):
    document = make_document(world.school, by=world.user("senco"))
    version = make_version(
        document, by=world.user("senco"), data=docx_bytes(), filename="report.docx"
    )
    sign_all(request(version, by=world.user("clerk")))

    [section] = evidence.sections(world.school, today=timezone.localdate())

    pages = pdf_text(section.pdf)
    assert len(pages) == 2
    assert "its text follows, without its layout" in pages[0]
    for text in (
        "SEN Information Report",
        "Our SENCO is Rhiannon Talbot.",
        "Speech and language",
        "Talk Boost groups",
    ):
        assert text in pages[1]


def test_a_signed_web_page_is_rendered_without_fetching(world, monkeypatch):
    fetched = []
    refuse = evidence.RefuseFetch.fetch

    def spy(self, url, headers=None):  # noqa: ANN001, ANN202
        fetched.append(url)
        return refuse(self, url, headers)

    monkeypatch.setattr(evidence.RefuseFetch, "fetch", spy)
    document = make_document(world.school, by=world.user("senco"))
    page = (
        b"<html><body><h1>Our SEN offer</h1>"
        b"<img src='http://169.254.169.254/latest' alt=''></body></html>"
    )
    version = make_version(
        document, by=world.user("senco"), data=page, filename="r.html"
    )
    sign_all(request(version, by=world.user("clerk")))

    [section] = evidence.sections(world.school, today=timezone.localdate())

    assert "Our SEN offer" in pdf_text(section.pdf)[-1]
    assert fetched == ["http://169.254.169.254/latest"]  # asked, and refused


def test_export_command_writes_the_pack(tmp_path, world, signed, capsys):
    out = tmp_path / "pack.pdf"

    call_command(
        "export",
        "evidence-pack",
        "--school",
        world.school.urn,
        "--out",
        str(out),
        "--on",
        "03/02/2026",
    )

    pages = pdf_text(out.read_bytes())
    assert "Prepared on 03/02/2026." in pages[0]
    assert "SEN Information Report 2025/26 (version 1, signed" in pages[0]
    assert f"Wrote {out}" in capsys.readouterr().out
