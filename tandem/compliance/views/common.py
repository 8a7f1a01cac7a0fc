"""Small helpers the compliance views share."""

from django.http import HttpResponse
from django.shortcuts import redirect

from tandem.compliance.models import DocumentVersion


def to_version(version: DocumentVersion) -> HttpResponse:
    return redirect(
        "compliance:version-detail",
        urn=version.document.school.urn,
        pk=version.document_id,
        number=version.number,
    )
