"""Finding compliance records for the signed-in user's school; another school's is a 404."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from tandem.compliance.models import (
    Consultation,
    Document,
    DocumentVersion,
    SignOff,
)
from tandem.schools.permissions import Capability, SchoolAccess, resolve_access


def reading_view(capability: Capability) -> Callable:
    """Like `school_view`, but a POST only reads (the verification upload changes nothing)."""

    def decorate(view: Callable) -> Callable:
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, urn: str, **kwargs) -> HttpResponse:  # noqa: ANN003
            access = resolve_access(request.user, urn)
            access.require(capability)
            request.school_access = access
            return view(request, access, **kwargs)

        return wrapper

    return decorate


def writing_view(capability: Capability) -> Callable:
    """Like `school_view`, but the form page itself (GET) already needs write access."""

    def decorate(view: Callable) -> Callable:
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, urn: str, **kwargs) -> HttpResponse:  # noqa: ANN003
            access = resolve_access(request.user, urn)
            access.require(capability, write=True)
            request.school_access = access
            return view(request, access, **kwargs)

        return wrapper

    return decorate


def require_evidence_pack(access: SchoolAccess) -> None:
    """The pack holds meeting records too, so it needs both kinds of read access."""

    if not (access.can(Capability.DOCUMENTS) and access.can(Capability.MEETINGS)):
        raise PermissionDenied


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
