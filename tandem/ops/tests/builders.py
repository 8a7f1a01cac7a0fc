"""Jobs in every state, made directly (the tests of the worker make them for real)."""

from django.core.files.base import ContentFile
from django.utils import timezone

from tandem.ops.models import Job
from tandem.schools.models import School


def make_job(
    school: School, *, by=None, status: str = Job.Status.QUEUED, **fields
) -> Job:  # noqa: ANN001, ANN003
    job = Job.objects.create(
        school=school, kind="evidence-pack", requested_by=by, status=status, **fields
    )
    if status == Job.Status.DONE:
        job.result.save(
            "pack.pdf", ContentFile(b"%PDF-1.7 made for a test"), save=False
        )
        job.result_name = "evidence-pack.pdf"
        job.result_type = "application/pdf"
        job.finished_at = timezone.now()
        job.save()

    return job
