"""Finishing a job: it keeps its file only if it is still running, and replaces the files
of jobs asked for before it, never of jobs asked for after."""

import re
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from tandem.audit.models import AuditEntry
from tandem.compliance.jobs import EVIDENCE_PACK
from tandem.ops import jobs
from tandem.ops.models import Job
from tandem.ops.tests.builders import make_job
from tandem.schools.permissions import resolve_access
from tandem.testing import make_world


def pack(text: str) -> jobs.JobOutput:
    return jobs.JobOutput(f"%PDF-1.7 {text}".encode(), "pack.pdf", "application/pdf")


def actions(job: Job) -> list[str]:
    entries = AuditEntry.objects.filter(object_id=str(job.pk)).order_by("pk")

    return list(entries.values_list("action", flat=True))


def job_files() -> set[str]:
    """Every job file in storage (each test has an upload folder of its own)."""

    folder = Path(settings.MEDIA_ROOT)

    return {
        path.relative_to(folder).as_posix()
        for path in (folder / "jobs").rglob("*")
        if path.is_file()
    }


@pytest.mark.django_db
class TestFinishJob:
    @pytest.fixture
    def world(self):  # noqa: ANN201
        return make_world()

    def test_a_job_closed_as_stopped_that_finishes_later_changes_nothing(
        self, world, client, django_capture_on_commit_callbacks
    ) -> None:
        clerk = world.user("clerk")
        long_ago = timezone.now() - timedelta(minutes=20)
        slow = make_job(
            world.school,
            by=clerk,
            status=Job.Status.RUNNING,
            started_at=long_ago,
            heard_from_at=long_ago,
        )
        newer = jobs.start_job(resolve_access(clerk, world.school.urn), EVIDENCE_PACK)
        jobs.begin_job(newer)
        with django_capture_on_commit_callbacks(execute=True):
            assert jobs.finish_job(newer, pack("newer")) is True
            files_of_newer = job_files()

            assert jobs.finish_job(slow, pack("older")) is False

        slow.refresh_from_db()
        newer.refresh_from_db()
        assert (slow.status, slow.error) == ("failed", jobs.STOPPED_MESSAGE)
        assert not slow.result
        assert actions(slow) == ["job.failed"]
        assert job_files() == files_of_newer == {newer.result.name}
        assert newer.result.read() == b"%PDF-1.7 newer"
        client.force_login(clerk)
        download = reverse(
            "ops:job-download", kwargs={"urn": world.school.urn, "pk": newer.pk}
        )
        page = client.get(
            reverse("ops:job-detail", kwargs={"urn": world.school.urn, "pk": newer.pk})
        ).content.decode()
        assert download in page
        assert "A newer one has replaced this file" not in page
        documents = client.get(
            reverse("compliance:document-list", kwargs={"urn": world.school.urn})
        ).content.decode()
        assert download in documents

    def test_only_the_files_of_jobs_asked_for_earlier_are_dropped(
        self, world, django_capture_on_commit_callbacks
    ) -> None:
        now = timezone.now()
        earlier = make_job(
            world.school, status=Job.Status.DONE, created_at=now - timedelta(hours=2)
        )
        finishing = make_job(
            world.school, status=Job.Status.RUNNING, created_at=now - timedelta(hours=1)
        )
        later = make_job(world.school, status=Job.Status.DONE, created_at=now)
        earlier_file, later_file = earlier.result.name, later.result.name

        with django_capture_on_commit_callbacks(execute=True):
            jobs.finish_job(finishing, pack("middle"))

        earlier.refresh_from_db()
        later.refresh_from_db()
        finishing.refresh_from_db()
        assert not earlier.result
        assert later.result.name == later_file
        assert job_files() == {later_file, finishing.result.name}
        assert earlier_file not in job_files()

    def test_finishing_records_the_sections_it_lacks(self, world) -> None:
        job = make_job(world.school, status=Job.Status.RUNNING, steps_total=5)
        output = jobs.JobOutput(
            b"%PDF-1.7", "pack.pdf", "application/pdf", missing=("The duties map",)
        )

        jobs.finish_job(job, output)

        job.refresh_from_db()
        assert (job.status, job.steps_done, job.missing) == (
            "done",
            5,
            ["The duties map"],
        )
        assert actions(job) == ["job.finished"]

    def test_the_file_is_stored_under_a_name_nobody_can_work_out(
        self, world, client
    ) -> None:
        """A name built from the URN and the date could be claimed in advance by a
        doctored backup; people still download it under the readable name."""

        clerk = world.user("clerk")
        job = make_job(world.school, by=clerk, status=Job.Status.RUNNING)
        readable = f"evidence-pack-{world.school.urn}-2026-03-02.pdf"

        jobs.finish_job(job, jobs.JobOutput(b"%PDF-1.7", readable, "application/pdf"))

        job.refresh_from_db()
        assert re.fullmatch(r"jobs/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", job.result.name)
        assert job.result_name == readable
        client.force_login(clerk)
        response = client.get(
            reverse("ops:job-download", kwargs={"urn": world.school.urn, "pk": job.pk})
        )
        assert response["Content-Disposition"] == f'attachment; filename="{readable}"'
        assert response.content == b"%PDF-1.7"

    def test_a_job_that_never_began_cannot_finish(self, world) -> None:
        job = make_job(world.school)

        assert jobs.finish_job(job, pack("early")) is False

        job.refresh_from_db()
        assert (job.status, job.result.name) == ("queued", "")
        assert job_files() == set()
        assert actions(job) == []


@pytest.mark.django_db
class TestFailJob:
    def test_a_finished_job_cannot_then_fail(self) -> None:
        job = make_job(make_world().school, status=Job.Status.DONE)

        assert jobs.fail_job(job) is False

        job.refresh_from_db()
        assert (job.status, job.error) == ("done", "")
        assert job.result
        assert actions(job) == []

    def test_a_job_fails_once(self) -> None:
        job = make_job(make_world().school, status=Job.Status.RUNNING)

        assert jobs.fail_job(job) is True
        assert jobs.fail_job(job, "Another reason.") is False

        job.refresh_from_db()
        assert (job.status, job.error) == ("failed", jobs.FAILED_MESSAGE)
        assert actions(job) == ["job.failed"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="true concurrent writers need PostgreSQL; SQLite serialises them",
)
def test_finishing_and_failing_at_the_same_moment_on_postgresql() -> None:
    job = make_job(make_world().school, status=Job.Status.RUNNING)
    barrier = threading.Barrier(2)
    outcomes: dict[str, bool] = {}

    def move(name: str) -> None:
        try:
            barrier.wait()
            if name == "finish":
                outcomes[name] = jobs.finish_job(job, pack("racing"))
            else:
                outcomes[name] = jobs.fail_job(job)
        finally:
            connection.close()

    threads = [threading.Thread(target=move, args=(n,)) for n in ("finish", "fail")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    job.refresh_from_db()
    assert sorted(outcomes.values()) == [False, True]
    winner = "finish" if outcomes["finish"] else "fail"
    assert job.status == {"finish": "done", "fail": "failed"}[winner]
    assert actions(job) == [{"finish": "job.finished", "fail": "job.failed"}[winner]]
    assert job_files() == ({job.result.name} if winner == "finish" else set())
