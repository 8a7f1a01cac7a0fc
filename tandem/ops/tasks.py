"""The task the background worker runs for every job (django-tasks, database queue)."""

import logging

from django_tasks import task

from tandem.ops import jobs
from tandem.ops.models import Job

logger = logging.getLogger(__name__)


@task()
def run_job(job_id: str) -> None:
    job = Job.objects.select_related("school", "requested_by").get(pk=job_id)
    kind = jobs.job_kinds().get(job.kind)
    if kind is None:
        jobs.fail_job(job)
        return
    if not jobs.begin_job(job):
        logger.info("Job %s was not waiting to start; nothing to do", job.pk)
        return

    try:
        output = kind.run(job.school, jobs.step_reporter(job))
    except jobs.JobClosed:
        # Closed as stopped while this worker was on it: the newer request has the work.
        logger.warning("Job %s (%s) was closed while it ran; stopped", job.pk, job.kind)
        return
    except Exception:
        # The log names the job, never what it holds; people see a plain message.
        logger.exception("Job %s (%s) raised", job.pk, job.kind)
        jobs.fail_job(job)
        return

    jobs.finish_job(job, output)
