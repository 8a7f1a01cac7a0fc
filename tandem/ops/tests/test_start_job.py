"""Starting a job: one at a time per school, and a job that is alive is never closed."""

import json
import os
import subprocess
import sys
import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from tandem.audit.models import AuditEntry
from tandem.compliance.jobs import EVIDENCE_PACK
from tandem.ops import jobs
from tandem.ops.models import Job
from tandem.ops.tests.builders import make_job
from tandem.schools.permissions import resolve_access
from tandem.testing import make_world


@pytest.mark.django_db
class TestStartJob:
    def test_a_job_heard_from_as_it_is_being_closed_carries_on(
        self, monkeypatch
    ) -> None:
        world = make_world()
        long_ago = timezone.now() - timedelta(minutes=20)
        running = make_job(
            world.school,
            status=Job.Status.RUNNING,
            started_at=long_ago,
            heard_from_at=long_ago,
        )

        def quiet_then_speaks_up(job, now=None) -> bool:  # noqa: ANN001
            jobs.step_reporter(job)("The latest termly report", 2, 5)
            return True  # as it looked a moment before

        monkeypatch.setattr(Job, "has_stopped", quiet_then_speaks_up)
        clerk = world.user("clerk")
        got = jobs.start_job(resolve_access(clerk, world.school.urn), EVIDENCE_PACK)

        running.refresh_from_db()
        assert got.pk == running.pk
        assert (running.status, running.steps_done) == ("running", 2)
        assert Job.objects.count() == 1
        assert not AuditEntry.objects.filter(action="job.failed").exists()


def test_simultaneous_starts_on_sqlite_wait_their_turn(tmp_path) -> None:
    """Before transactions began IMMEDIATE, about half the rounds failed with "database
    is locked"."""

    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'tandem.sqlite3'}",
        "TANDEM_DATA_DIR": str(tmp_path),
        "TANDEM_DEBUG": "true",
        "TANDEM_LOG_LEVEL": "WARNING",
    }

    finished = subprocess.run(
        [sys.executable, "-m", "tandem.ops.tests.simultaneous_starts", "10"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert finished.returncode == 0, finished.stderr
    outcome = json.loads(finished.stdout.splitlines()[-1])
    assert outcome == {"errors": [], "jobs_made": [1] * 10}


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="true concurrent writers need PostgreSQL; SQLite is tested in a file above",
)
def test_two_people_starting_at_once_on_postgresql_get_one_job() -> None:
    world = make_world()
    people = [world.user("clerk"), world.user("senco")]
    barrier = threading.Barrier(2)
    started: list[str] = []

    def start(user) -> None:  # noqa: ANN001
        try:
            access = resolve_access(user, world.school.urn)
            barrier.wait()
            started.append(str(jobs.start_job(access, EVIDENCE_PACK).pk))
        finally:
            connection.close()

    threads = [threading.Thread(target=start, args=(user,)) for user in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(started) == 2
    assert set(started) == {str(Job.objects.get().pk)}
