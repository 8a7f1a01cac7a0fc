"""Long work in the background: the evidence pack, from the button to the file."""

import logging
from dataclasses import replace
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tandem.audit.models import AuditEntry
from tandem.compliance import evidence_pack
from tandem.compliance.jobs import EVIDENCE_PACK
from tandem.lib.pdf import pdf_text
from tandem.ops import jobs
from tandem.ops.models import Job
from tandem.ops.tests.builders import make_job
from tandem.testing import make_world, run_queued_jobs

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def world():  # noqa: ANN201
    return make_world()


def _start(client, world, persona: str = "clerk") -> str:  # noqa: ANN001
    client.force_login(world.user(persona))
    url = reverse(
        "ops:job-start", kwargs={"urn": world.school.urn, "kind": "evidence-pack"}
    )
    response = client.post(url)
    assert response.status_code == 302

    return response["Location"]


def test_the_pack_is_queued_then_prepared_by_the_worker(client, world) -> None:
    job_page = _start(client, world)

    waiting = client.get(job_page)
    assert "Waiting to start" in waiting.content.decode()
    assert 'hx-trigger="every 1s"' in waiting.content.decode()
    assert DBTaskResult.objects.count() == 1

    assert run_queued_jobs() == 1

    job = Job.objects.get()
    assert (job.status, job.steps_done, job.steps_total) == ("done", 5, 5)
    assert job.missing == []
    ready = client.get(job_page).content.decode()
    assert "<strong>Ready.</strong>" in ready
    assert "could not be prepared" not in ready
    assert "hx-trigger" not in ready
    download = client.get(
        reverse("ops:job-download", kwargs={"urn": world.school.urn, "pk": job.pk})
    )
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment")
    text = "\n".join(pdf_text(download.content))
    assert "Inspection evidence pack" in text
    assert world.school.name in text
    actions = list(
        AuditEntry.objects.filter(object_id=str(job.pk)).values_list(
            "action", flat=True
        )
    )
    assert sorted(actions) == ["job.finished", "job.requested", "job.started"]


def test_each_app_is_a_step_and_putting_together_the_last() -> None:
    world = make_world()
    steps = []

    evidence_pack.build(
        world.school, today=timezone.localdate(), on_step=lambda *s: steps.append(s)
    )

    assert steps == [
        ("The statutory duties map", 0, 5),
        ("Meeting records and the action log", 1, 5),
        ("Meeting records and the action log", 1, 5),  # still working: the action log
        ("The latest termly report", 2, 5),
        ("Signed documents and their statements", 3, 5),
        ("Putting the pack together", 4, 5),
    ]


def test_the_page_says_which_step_is_under_way(client, world) -> None:
    job = make_job(
        world.school,
        status=Job.Status.RUNNING,
        steps_done=1,
        steps_total=5,
        step_label="Meeting records and the action log",
        started_at=timezone.now(),
        heard_from_at=timezone.now(),
    )
    client.force_login(world.user("sen_governor"))

    page = client.get(
        reverse("ops:job-detail", kwargs={"urn": world.school.urn, "pk": job.pk})
    )

    html = page.content.decode()
    assert "Step 2 of 5: Meeting records and the action log" in html
    assert 'value="20"' in html
    assert "20% done" in html


def test_polling_sends_nothing_until_something_changes(client, world) -> None:
    job = make_job(
        world.school,
        status=Job.Status.RUNNING,
        steps_total=5,
        heard_from_at=timezone.now(),
    )
    client.force_login(world.user("clerk"))
    url = reverse("ops:job-detail", kwargs={"urn": world.school.urn, "pk": job.pk})

    same = client.get(url, {"seen": job.progress_token}, **HTMX)
    jobs.step_reporter(job)("The latest termly report", 2, 5)
    moved = client.get(url, {"seen": job.progress_token}, **HTMX)

    assert same.status_code == 204
    assert moved.status_code == 200
    assert "Step 3 of 5: The latest termly report" in moved.content.decode()
    assert "<h1>" not in moved.content.decode()  # only the moving part


def test_asking_twice_while_it_runs_gives_the_same_job(client, world) -> None:
    first = _start(client, world, "clerk")
    second = _start(client, world, "senco")

    assert first == second
    assert Job.objects.count() == 1
    assert DBTaskResult.objects.count() == 1


def test_a_job_whose_worker_went_quiet_is_closed_and_a_new_one_starts(
    client, world
) -> None:
    long_ago = timezone.now() - timedelta(hours=1)
    stuck = make_job(
        world.school,
        status=Job.Status.RUNNING,
        started_at=long_ago,
        heard_from_at=long_ago,
    )

    job_page = _start(client, world)

    stuck.refresh_from_db()
    assert stuck.status == "failed"
    assert "stopped without finishing" in stuck.error
    assert str(stuck.pk) not in job_page


def test_queued_work_nobody_picks_up_says_the_worker_may_be_down(client, world) -> None:
    job = make_job(world.school, created_at=timezone.now() - timedelta(minutes=5))
    client.force_login(world.user("clerk"))

    page = client.get(
        reverse("ops:job-detail", kwargs={"urn": world.school.urn, "pk": job.pk})
    )

    assert "background worker may not be running" in page.content.decode()


def test_a_failure_says_so_plainly_and_offers_to_try_again(
    client, world, monkeypatch, caplog
) -> None:
    def broken(school, on_step):  # noqa: ANN001, ANN202
        on_step("The statutory duties map", 0, 5)
        raise RuntimeError("disk full")

    monkeypatch.setitem(
        jobs.job_kinds(), "evidence-pack", replace(EVIDENCE_PACK, run=broken)
    )
    job_page = _start(client, world)

    with caplog.at_level(logging.INFO):
        run_queued_jobs()

    job = Job.objects.get()
    assert job.status == "failed"
    assert not job.result
    page = client.get(job_page).content.decode()
    assert "Tandem could not finish this" in page
    assert "Try again" in page
    assert "disk full" not in page
    assert str(job.pk) in caplog.text


def test_a_new_pack_replaces_the_file_of_the_last(
    client, world, django_capture_on_commit_callbacks
) -> None:
    old = make_job(world.school, status=Job.Status.DONE)
    old_file = old.result.name
    storage = old.result.storage

    _start(client, world)
    with django_capture_on_commit_callbacks(execute=True):
        run_queued_jobs()

    old.refresh_from_db()
    assert not old.result
    assert not storage.exists(old_file)
    gone = client.get(
        reverse("ops:job-download", kwargs={"urn": world.school.urn, "pk": old.pk})
    )
    assert gone.status_code == 404


def test_the_documents_page_offers_the_latest_pack(client, world) -> None:
    job = make_job(world.school, status=Job.Status.DONE)
    client.force_login(world.user("clerk"))

    page = client.get(
        reverse("compliance:document-list", kwargs={"urn": world.school.urn})
    )

    html = page.content.decode()
    assert (
        reverse("ops:job-download", kwargs={"urn": world.school.urn, "pk": job.pk})
        in html
    )
    assert "Prepare a new inspection evidence pack" in html
