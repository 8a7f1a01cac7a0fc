"""The worker's side of a job: progress reports, and giving up on a job closed under it."""

import logging
from dataclasses import replace
from datetime import timedelta

import pytest
from django.utils import timezone

from tandem.audit.models import AuditEntry
from tandem.compliance.jobs import EVIDENCE_PACK, prepare_evidence_pack
from tandem.ops import jobs
from tandem.ops.models import Job
from tandem.ops.tests.builders import make_job
from tandem.schools.permissions import resolve_access
from tandem.testing import make_world, run_queued_jobs

pytestmark = pytest.mark.django_db


class TestStepReporter:
    def test_a_report_says_the_worker_is_alive(self) -> None:
        long_ago = timezone.now() - timedelta(minutes=20)
        job = make_job(
            make_world().school,
            status=Job.Status.RUNNING,
            started_at=long_ago,
            heard_from_at=long_ago,
        )
        assert job.has_stopped()

        jobs.step_reporter(job)("The latest termly report", 2, 5)

        job.refresh_from_db()
        assert not job.has_stopped()
        assert (job.step_label, job.steps_done, job.steps_total) == (
            "The latest termly report",
            2,
            5,
        )

    def test_a_report_on_a_closed_job_is_refused(self) -> None:
        job = make_job(make_world().school, status=Job.Status.FAILED, steps_total=5)

        with pytest.raises(jobs.JobClosed):
            jobs.step_reporter(job)("The latest termly report", 2, 5)

        job.refresh_from_db()
        assert (job.status, job.step_label, job.steps_done) == ("failed", "", 0)
        assert job.heard_from_at is None


class TestRunJob:
    def test_the_worker_gives_up_on_a_job_closed_while_it_ran(
        self, monkeypatch, caplog
    ) -> None:
        world = make_world()
        access = resolve_access(world.user("clerk"), world.school.urn)
        asked_again: list[Job] = []

        def closed_meanwhile(school, on_step):  # noqa: ANN001, ANN202
            if asked_again:  # the second job runs normally
                return prepare_evidence_pack(school, on_step)
            on_step("The statutory duties map", 0, 5)
            # Silent for 20 minutes, someone asks again, and this job is closed.
            Job.objects.update(heard_from_at=timezone.now() - timedelta(minutes=20))
            asked_again.append(jobs.start_job(access, EVIDENCE_PACK))
            on_step("Meeting records and the action log", 1, 5)
            raise AssertionError("the report above should have stopped the work")

        monkeypatch.setitem(
            jobs.job_kinds(),
            "evidence-pack",
            replace(EVIDENCE_PACK, run=closed_meanwhile),
        )
        first = jobs.start_job(access, EVIDENCE_PACK)
        with caplog.at_level(logging.INFO):
            assert run_queued_jobs() == 2

        first.refresh_from_db()
        [second] = asked_again
        second.refresh_from_db()
        assert (first.status, first.error, first.steps_done) == (
            "failed",
            jobs.STOPPED_MESSAGE,
            0,
        )
        assert not first.result
        assert (second.status, bool(second.result)) == ("done", True)
        first_actions = AuditEntry.objects.filter(object_id=str(first.pk))
        assert sorted(first_actions.values_list("action", flat=True)) == [
            "job.failed",
            "job.requested",
            "job.started",
        ]
        assert f"Job {first.pk} (evidence-pack) was closed while it ran" in caplog.text
