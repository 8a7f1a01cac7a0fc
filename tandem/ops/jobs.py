"""Long work in the background: what kinds there are, and every change to a job.

An app offers a kind of job in its `jobs.py` (`JOB_KINDS`, a list of `JobKind`). A person
starts one from a page; the background worker (`tandem db-worker`, django-tasks) runs it
and reports each step, so the page can show how far it has got; the finished file is kept
in private storage and served only to people the kind allows.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from tandem.audit.services import record
from tandem.ops.models import Job
from tandem.schools.models import School
from tandem.schools.permissions import SchoolAccess
from tandem.schools.plugins import app_modules

logger = logging.getLogger(__name__)

FAILED_MESSAGE = (
    "Tandem could not finish this. Please try again; if it fails again, tell the person "
    "who looks after Tandem for your school."
)
STOPPED_MESSAGE = (
    "This stopped without finishing (the background worker was restarted)."
)


@dataclass(frozen=True)
class JobOutput:
    data: bytes
    filename: str
    content_type: str


StepReporter = Callable[
    [str, int, int], None
]  # (what is happening, steps done, of total)


@dataclass(frozen=True)
class JobKind:
    name: str  # in URLs, e.g. "evidence-pack"
    title: str  # e.g. "Inspection evidence pack"
    allowed: Callable[[SchoolAccess], bool]
    run: Callable[[School, StepReporter], JobOutput]
    back_to: str  # the URL name of the page it was started from (takes urn)
    back_label: str  # that page, for "Back to ...", e.g. "the documents"


@cache
def job_kinds() -> dict[str, JobKind]:
    return {
        kind.name: kind for module in app_modules("jobs") for kind in module.JOB_KINDS
    }


def allowed_kind(access: SchoolAccess, name: str) -> JobKind:
    kind = job_kinds().get(name)
    if kind is None or not kind.allowed(access):
        raise PermissionDenied

    return kind


def latest_job(school: School, kind: JobKind) -> Job | None:
    return (
        Job.objects.filter(school=school, kind=kind.name)
        .select_related("requested_by")
        .first()
    )


def start_job(access: SchoolAccess, kind: JobKind) -> Job:
    """Queue the work, or hand back the same work already under way for this school."""

    from tandem.ops.tasks import run_job

    with transaction.atomic():
        School.objects.select_for_update().filter(pk=access.school.pk).first()
        under_way = _under_way(access.school, kind)
        if under_way is not None:
            return under_way
        job = Job.objects.create(
            school=access.school, kind=kind.name, requested_by=access.user
        )
        record("job.requested", job, by=access.user, kind=kind.name)
        run_job.enqueue(str(job.pk))

    logger.info("Job %s (%s) queued for school %s", job.pk, kind.name, job.school_id)
    return job


def _under_way(school: School, kind: JobKind) -> Job | None:
    for job in Job.objects.filter(school=school, kind=kind.name, status__in=Job.ACTIVE):
        if not job.has_stopped():
            return job
        fail_job(job, STOPPED_MESSAGE)

    return None


def begin_job(job: Job) -> bool:
    """Mark queued work as started; False when it was not waiting (run already, say)."""

    now = timezone.now()
    started = Job.objects.filter(pk=job.pk, status=Job.Status.QUEUED).update(
        status=Job.Status.RUNNING, started_at=now, heard_from_at=now
    )
    return bool(started)


def step_reporter(job: Job) -> StepReporter:
    def report(label: str, done: int, total: int) -> None:
        Job.objects.filter(pk=job.pk).update(
            step_label=label[:120],
            steps_done=done,
            steps_total=total,
            heard_from_at=timezone.now(),
        )

    return report


def finish_job(job: Job, output: JobOutput) -> None:
    """Keep the file, and drop the files of earlier jobs of the same kind it replaces."""

    with transaction.atomic():
        job.refresh_from_db()
        job.result.save(output.filename, ContentFile(output.data), save=False)
        job.result_name = output.filename
        job.result_type = output.content_type
        job.status = Job.Status.DONE
        job.steps_done = job.steps_total
        job.finished_at = timezone.now()
        job.save()
        record("job.finished", job, by=job.requested_by, kind=job.kind)
        _drop_earlier_files(job)

    logger.info("Job %s (%s) finished for school %s", job.pk, job.kind, job.school_id)


def _drop_earlier_files(job: Job) -> None:
    earlier = Job.objects.filter(
        school=job.school, kind=job.kind, status=Job.Status.DONE
    ).exclude(pk=job.pk)
    for old in earlier.exclude(result=""):
        name, storage = old.result.name, old.result.storage
        old.result = ""
        old.save(update_fields=["result"])
        transaction.on_commit(lambda name=name, storage=storage: storage.delete(name))


def fail_job(job: Job, message: str = FAILED_MESSAGE) -> None:
    with transaction.atomic():
        Job.objects.filter(pk=job.pk).update(
            status=Job.Status.FAILED, error=message[:300], finished_at=timezone.now()
        )
        record("job.failed", job, by=job.requested_by, kind=job.kind)

    logger.warning("Job %s (%s) failed for school %s", job.pk, job.kind, job.school_id)
