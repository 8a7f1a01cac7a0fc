"""Starting a job, watching its progress, and downloading what it made."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from tandem.lib.http import ExplainedNotFound, download, read_file, stored_bytes
from tandem.ops import jobs
from tandem.ops.models import Job
from tandem.schools.permissions import Capability, SchoolAccess, school_view


@school_view(Capability.DASHBOARD, posts_read=True)
@require_POST
def job_start(request: HttpRequest, access: SchoolAccess, kind: str) -> HttpResponse:
    job = jobs.start_job(access, jobs.allowed_kind(access, kind))

    return redirect("ops:job-detail", urn=access.school.urn, pk=job.pk)


@school_view(Capability.DASHBOARD)
def job_detail(request: HttpRequest, access: SchoolAccess, pk: str) -> HttpResponse:
    job, kind = _job_for(access, pk)
    context = {"job": job, "kind": kind}
    if request.htmx:
        if request.GET.get("seen") == job.progress_token:
            return HttpResponse(status=204)  # nothing new: htmx keeps the page as it is
        return render(request, "ops/_job_progress.html", context)

    return render(request, "ops/job_detail.html", context)


@school_view(Capability.DASHBOARD)
def job_download(request: HttpRequest, access: SchoolAccess, pk: str) -> HttpResponse:
    job, _kind = _job_for(access, pk)
    if job.status != Job.Status.DONE or not job.result:
        raise ExplainedNotFound(
            "This file is not ready, or a newer one has replaced it."
        )
    data = stored_bytes(read_file(job.result), what=f"job {job.pk}")

    return download(data, job.result_type, job.result_name)


def _job_for(access: SchoolAccess, pk: str) -> tuple[Job, jobs.JobKind]:
    job = get_object_or_404(
        Job.objects.select_related("requested_by"), pk=pk, school=access.school
    )
    return job, jobs.allowed_kind(access, job.kind)
