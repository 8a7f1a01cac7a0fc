"""Finding compliance records for the signed-in user's school; another school's is a 404."""

from django.shortcuts import get_object_or_404

from tandem.compliance.models import (
    Consultation,
    Document,
    DocumentVersion,
    SignOff,
)
from tandem.schools.permissions import Capability, SchoolAccess


def may_have_evidence_pack(access: SchoolAccess) -> bool:
    """The pack holds meeting records too, so it needs both kinds of read access."""

    return access.can(Capability.DOCUMENTS) and access.can(Capability.MEETINGS)


def get_document(access: SchoolAccess, pk: int) -> Document:
    return get_object_or_404(Document, pk=pk, school=access.school)


def get_version(access: SchoolAccess, pk: int, number: int) -> DocumentVersion:
    return get_object_or_404(
        DocumentVersion.objects.select_related("document", "document__school"),
        document__pk=pk,
        document__school=access.school,
        number=number,
    )


def get_sign_off(access: SchoolAccess, pk: int) -> SignOff:
    return get_object_or_404(
        SignOff.objects.select_related(
            "document_version", "document_version__document"
        ),
        pk=pk,
        document_version__document__school=access.school,
    )


def get_consultation(access: SchoolAccess, pk: int) -> Consultation:
    return get_object_or_404(
        Consultation.objects.select_related("document"),
        pk=pk,
        document__school=access.school,
    )
