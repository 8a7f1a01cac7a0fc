"""Small helpers the compliance views share."""

from django.http import HttpResponse
from django.shortcuts import redirect

from tandem.compliance.models import DocumentVersion


def download(
    data: bytes, content_type: str, filename: str, *, inline: bool = False
) -> HttpResponse:
    """A file response. Anything but a PDF is an attachment, never run as a page."""

    response = HttpResponse(data, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    safe_name = filename.replace('"', "'").encode("ascii", "replace").decode("ascii")
    response["Content-Disposition"] = f'{disposition}; filename="{safe_name}"'
    response["X-Content-Type-Options"] = "nosniff"
    if not inline:
        response["Content-Security-Policy"] = "sandbox"

    return response


def to_version(version: DocumentVersion) -> HttpResponse:
    return redirect(
        "compliance:version-detail",
        urn=version.document.school.urn,
        pk=version.document_id,
        number=version.number,
    )
