"""The evidence pack as a background job: it keeps telling the job it is alive, and a
section it could not prepare is named on the job's page, not only inside the PDF."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tandem.compliance import evidence, evidence_pack
from tandem.compliance.tests.builders import (
    make_document,
    make_version,
    pdf_bytes,
    request,
    sign_all,
)
from tandem.lib.pdf import pdf_text
from tandem.ops import jobs
from tandem.ops.models import Job
from tandem.ops.tests.builders import make_job
from tandem.testing import make_world, run_queued_jobs

pytestmark = pytest.mark.django_db

SIGNED_DOCUMENTS = "Signed documents and their statements"
# What a failure might quote (the traceback shows code, so this is not on its line).
QUOTED = "Pupil Ann Smith: autism, EHC plan requested"


@pytest.fixture
def world():  # noqa: ANN201
    return make_world()


def sign_two_documents(world) -> None:  # noqa: ANN001
    for title in ("SEN Information Report 2025/26", "SEN policy"):
        document = make_document(world.school, by=world.user("senco"), title=title)
        version = make_version(document, by=world.user("senco"), data=pdf_bytes(title))
        sign_all(request(version, by=world.user("clerk")))


def break_signed_documents(monkeypatch) -> None:  # noqa: ANN001
    def sections(school, *, today):  # noqa: ANN001, ANN202
        raise RuntimeError(QUOTED)

    monkeypatch.setattr(evidence, "sections", sections)


def test_each_document_tells_the_job_it_is_alive(world, monkeypatch) -> None:
    sign_two_documents(world)
    job = make_job(world.school, status=Job.Status.RUNNING)
    stopped_when_starting: list[bool] = []
    real_section = evidence._section

    def twenty_minutes_each(sign_off, *, today):  # noqa: ANN001, ANN202
        stopped_when_starting.append(Job.objects.get(pk=job.pk).has_stopped())
        section = real_section(sign_off, today=today)
        quiet = timezone.now() - timedelta(minutes=20)
        Job.objects.filter(pk=job.pk).update(heard_from_at=quiet)
        return section

    monkeypatch.setattr(evidence, "_section", twenty_minutes_each)

    evidence_pack.gather(
        world.school, today=timezone.localdate(), on_step=jobs.step_reporter(job)
    )

    assert stopped_when_starting == [False, False]
    job.refresh_from_db()
    assert job.step_label == "Putting the pack together"


def test_a_section_that_could_not_be_prepared_is_named_on_the_job_page(
    client, world, monkeypatch, capsys
) -> None:
    break_signed_documents(monkeypatch)
    client.force_login(world.user("clerk"))
    start = reverse(
        "ops:job-start", kwargs={"urn": world.school.urn, "kind": "evidence-pack"}
    )
    job_page = client.post(start)["Location"]

    assert run_queued_jobs() == 1

    job = Job.objects.get()
    assert (job.status, job.missing) == ("done", [SIGNED_DOCUMENTS])
    page = client.get(job_page).content.decode()
    assert "<strong>Ready, but incomplete.</strong>" in page
    assert "<strong>Ready.</strong>" not in page
    assert "1 section could not be prepared:" in page
    assert f"<li>{SIGNED_DOCUMENTS}</li>" in page
    assert "print that section from its own page in Tandem" in page
    download = client.get(f"{job_page}download/")
    assert "Section not available (compliance)" in pdf_text(download.content)[0]
    documents = client.get(
        reverse("compliance:document-list", kwargs={"urn": world.school.urn})
    ).content.decode()
    assert "1 section could not be prepared" in documents
    assert "See which sections are missing" in documents
    logged = capsys.readouterr().err
    assert (
        f"Evidence pack: tandem.compliance.evidence failed for school {world.school.pk}"
        in logged
    )
    assert "builtins.RuntimeError: (message withheld)" in logged
    assert f"Job {job.pk} (evidence-pack) finished for school" in logged
    for detail in ("Ann Smith", "autism", "EHC plan"):
        assert detail not in logged


def test_the_command_line_names_a_section_it_could_not_prepare(
    tmp_path, world, monkeypatch, capsys
) -> None:
    break_signed_documents(monkeypatch)
    out = tmp_path / "pack.pdf"

    call_command("export", "evidence-pack", "--school", world.school.urn, "-o", out)

    printed = capsys.readouterr()
    assert f"Could not prepare this section: {SIGNED_DOCUMENTS}." in printed.err
    assert f"Wrote {out}" in printed.out
    assert "Section not available (compliance)" in pdf_text(out.read_bytes())[0]
