"""Is this the signed file?"""

from pathlib import PurePath

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tandem.compliance.forms import VerifyForm
from tandem.compliance.verification import verify
from tandem.schools.permissions import Capability, SchoolAccess, school_view


@school_view(Capability.DOCUMENTS, posts_read=True)
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
