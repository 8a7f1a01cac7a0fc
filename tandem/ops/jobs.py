"""Long work in the background: what kinds there are, and every change to a job.

An app offers a kind of job in its `jobs.py` (`JOB_KINDS`, a list of `JobKind`). A person
starts one from a page; the background worker (`tandem db-worker`, django-tasks) runs it
and reports each step, so the page can show how far it has got; the finished file is kept
in private storage and served only to people the kind allows.
"""

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import PurePath

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db import transaction
from django.db.models import F, Q
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


class JobClosed(Exception):
    """The job was closed (as stopped, say) while the worker was still on it."""


@dataclass(frozen=True)
class JobOutput:
    data: bytes
    filename: str
    content_type: str
    # The parts (a pack's sections) that could not be made, named as people know them.
    missing: tuple[str, ...] = ()


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
        if not job.has_stopped() or not _close_stopped(job):
            return job  # still going, or it spoke up (or finished) as we looked

    return None


def _close_stopped(job: Job) -> bool:
    """Close a job whose worker went quiet, unless it has been heard from since."""

    closed = _move(
        job,
        Job.Status.FAILED,
        "job.failed",
        where=Q(heard_from_at=job.heard_from_at),
        error=STOPPED_MESSAGE,
        finished_at=timezone.now(),
    )
    if closed:
        logger.warning("Job %s (%s) closed as stopped", job.pk, job.kind)

    return closed


def begin_job(job: Job) -> bool:
    """Mark queued work as started; False when it was not waiting (run already, say)."""

    now = timezone.now()

    return _move(
        job, Job.Status.RUNNING, "job.started", started_at=now, heard_from_at=now
    )


def step_reporter(job: Job) -> StepReporter:
    """Each report shows the step on the job's page and says the worker is alive.

    Reporting again within a step just says it is alive. A report raises JobClosed when
    the job is no longer running (closed as stopped), so the worker gives up on it.
    """

    def report(label: str, done: int, total: int) -> None:
        heard = Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING).update(
            step_label=label[:120],
            steps_done=done,
            steps_total=total,
            heard_from_at=timezone.now(),
        )
        if not heard:
            raise JobClosed(job.pk)

    return report


def finish_job(job: Job, output: JobOutput) -> bool:
    """Keep the file, and drop the files of earlier jobs of the same kind it replaces.

    A job closed while its worker was still on it stays closed: its file is discarded and
    the answer is False.
    """

    storage, name = _store(job, output)
    kept = False
    try:
        with transaction.atomic():
            moved = _move(
                job,
                Job.Status.DONE,
                "job.finished",
                result=name,
                result_name=output.filename,
                result_type=output.content_type,
                missing=list(output.missing),
                steps_done=F("steps_total"),
                finished_at=timezone.now(),
            )
            if moved:
                _drop_earlier_files(job)
            kept = moved
    finally:
        if not kept:
            storage.delete(name)  # nothing refers to it

    _log_finished(job, output, kept=kept)
    return kept


def _log_finished(job: Job, output: JobOutput, *, kept: bool) -> None:
    if not kept:
        logger.warning("Job %s (%s) finished after it was closed", job.pk, job.kind)
    elif output.missing:
        logger.warning(
            "Job %s (%s) finished for school %s with parts missing (%s)",
            job.pk,
            job.kind,
            job.school_id,
            len(output.missing),
        )
    else:
        logger.info(
            "Job %s (%s) finished for school %s", job.pk, job.kind, job.school_id
        )


def _store(job: Job, output: JobOutput) -> tuple[Storage, str]:
    """Stored under a random name, as uploads are: a name anyone can work out in advance
    (a school's URN and the date) is one a doctored backup could claim before the file
    exists. People download it under `output.filename` (the job's `result_name`)."""

    field = Job._meta.get_field("result")
    suffix = PurePath(output.filename).suffix.lower()
    name = field.storage.save(
        field.generate_filename(job, f"{uuid.uuid4().hex}{suffix}"),
        ContentFile(output.data),
        max_length=field.max_length,
    )

    return field.storage, name


def _drop_earlier_files(job: Job) -> None:
    """Only jobs requested earlier: a later one's file is newer than this job's."""

    earlier = Job.objects.filter(
        school=job.school_id, kind=job.kind, created_at__lt=job.created_at
    ).exclude(result="")
    files = {old.pk: (old.result.storage, old.result.name) for old in earlier}
    Job.objects.filter(pk__in=files).update(result="")
    for storage, name in files.values():
        transaction.on_commit(lambda name=name, storage=storage: storage.delete(name))


def fail_job(job: Job, message: str = FAILED_MESSAGE) -> bool:
    """Close the job as not finished; False when it had already finished or failed."""

    failed = _move(
        job,
        Job.Status.FAILED,
        "job.failed",
        error=message[:300],
        finished_at=timezone.now(),
    )
    if failed:
        logger.warning(
            "Job %s (%s) failed for school %s", job.pk, job.kind, job.school_id
        )

    return failed


def _move(
    job: Job, status: str, action: str, *, where: Q | None = None, **fields: object
) -> bool:
    """Every change of a job's status: one conditional UPDATE, so that of two processes
    moving the same job only one can, and the audit entry when it moved."""

    before = Job.statuses_before(status)
    still = Job.objects.filter(where or Q(), pk=job.pk, status__in=before)
    with transaction.atomic():
        moved = still.update(status=status, **fields)
        if moved:
            record(action, job, by=job.requested_by, kind=job.kind)

    return bool(moved)
