"""Is this the signed file? And the inspection evidence pack."""

from pathlib import PurePath

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tandem.compliance import evidence_pack, permissions
from tandem.compliance.forms import VerifyForm
from tandem.compliance.permissions import reading_view
from tandem.compliance.verification import verify
from tandem.lib.calendar import london_today
from tandem.lib.http import download
from tandem.schools.permissions import Capability, SchoolAccess, school_view


@reading_view(Capability.DOCUMENTS)
def verify_file(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    """Upload a file to learn whether it is a version the governors signed."""

    form = VerifyForm(request.POST or None, request.FILES or None)
    result, name = None, ""
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = verify(upload.content, school=access.school)
        name = PurePath(upload.name).name

    context = {"form": form, "result": result, "name": name}
    return render(request, "compliance/verify.html", context)


@school_view(Capability.DOCUMENTS)
def evidence_pack_pdf(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    permissions.require_evidence_pack(access)
    today = london_today()
    pdf = evidence_pack.build(access.school, today=today)
    name = f"evidence-pack-{access.school.urn}-{today:%Y-%m-%d}.pdf"

    return download(pdf, "application/pdf", name)
