"""The document register, a document's page, its versions and their files."""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from tandem.compliance import permissions, services
from tandem.compliance.forms import DocumentForm, VersionTextForm, VersionUploadForm
from tandem.compliance.jobs import EVIDENCE_PACK
from tandem.compliance.models import Consultation, Document, DocumentVersion, SignOff
from tandem.compliance.permissions import may_have_evidence_pack
from tandem.compliance.views.common import to_version
from tandem.lib.calendar import london_today
from tandem.lib.concurrency import StaleEdit, posted_version
from tandem.lib.http import download, stored_bytes
from tandem.lib.uploads import CONTENT_TYPES, Kind, UploadRejected
from tandem.ops.jobs import latest_job
from tandem.schools.permissions import Capability, SchoolAccess, school_view


@school_view(Capability.DOCUMENTS)
def document_list(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    today = london_today()
    documents = access.school.documents.select_related("owner").prefetch_related(
        Prefetch(
            "versions",
            queryset=DocumentVersion.objects.prefetch_related("sign_offs"),
        )
    )
    rows = [_register_row(document, today) for document in documents]
    context = {
        "rows": rows,
        "can_edit": access.can(Capability.DOCUMENTS, write=True),
        "can_pack": may_have_evidence_pack(access),
        "latest_pack": latest_job(access.school, EVIDENCE_PACK),
    }

    return render(request, "compliance/document_list.html", context)


def _register_row(document: Document, today) -> dict:  # noqa: ANN001
    versions = list(document.versions.all())
    latest = versions[0] if versions else None
    signed = next((v for v in versions if _complete(v)), None)

    return {
        "document": document,
        "latest": latest,
        "latest_signed": signed,
        "latest_is_signed": latest is not None and latest == signed,
        "review": document.review_status(today),
    }


def _complete(version: DocumentVersion) -> SignOff | None:
    return next((s for s in version.sign_offs.all() if s.is_complete), None)


@school_view(Capability.DOCUMENTS, write=True)
def document_create(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    form = DocumentForm(request.POST or None, school=access.school)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.DOCUMENT_FIELDS}
        document = services.create_document(access.school, by=request.user, **fields)
        messages.success(request, f"{document.title} has been added to the register.")
        return redirect(
            "compliance:document-detail", urn=access.school.urn, pk=document.pk
        )

    return render(request, "compliance/document_form.html", {"form": form})


@school_view(Capability.DOCUMENTS, write=True)
def document_edit(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    document = permissions.get_document(access, pk)
    form = DocumentForm(
        request.POST or None,
        instance=document,
        initial={"version": document.version},
        school=access.school,
    )
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.DOCUMENT_FIELDS}
        try:
            services.update_document(
                document,
                by=request.user,
                expected_version=posted_version(form.cleaned_data["version"]),
                **fields,
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Changes to {document.title} have been saved.")
            return redirect("compliance:document-detail", urn=access.school.urn, pk=pk)

    context = {"form": form, "document": document}
    return render(request, "compliance/document_form.html", context)


@school_view(Capability.DOCUMENTS)
def document_detail(
    request: HttpRequest, access: SchoolAccess, pk: int
) -> HttpResponse:
    document = permissions.get_document(access, pk)
    versions = list(
        document.versions.select_related("created_by").prefetch_related(
            "sign_offs", "checks"
        )
    )
    consultations = document.consultations.select_related("document_version")
    context = {
        "document": document,
        "versions": [(v, _complete(v), _latest_check(v)) for v in versions],
        "review": document.review_status(london_today()),
        "perspectives": _by_perspective(list(consultations)),
        "can_edit": access.can(Capability.DOCUMENTS, write=True),
    }

    return render(request, "compliance/document_detail.html", context)


def _latest_check(version: DocumentVersion):  # noqa: ANN202
    checks = list(version.checks.all())
    return checks[0] if checks else None


def _by_perspective(consultations: list[Consultation]) -> list[dict]:
    return [
        {
            "value": perspective.value,
            "label": perspective.label,
            "focus": Consultation.FOCUS[perspective],
            "rounds": [c for c in consultations if c.perspective == perspective],
        }
        for perspective in Consultation.Perspective
    ]


@school_view(Capability.DOCUMENTS, write=True)
def version_upload(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    document = permissions.get_document(access, pk)
    form = VersionUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            version = services.add_file_version(
                document,
                by=request.user,
                data=upload.content,
                filename=upload.name,
                note=form.cleaned_data["note"],
            )
        except UploadRejected as error:
            form.add_error("file", str(error))
        else:
            messages.success(request, f"Version {version.number} has been added.")
            return to_version(version)

    context = {"form": form, "document": document, **_pending(document)}
    return render(request, "compliance/version_upload.html", context)


@school_view(Capability.DOCUMENTS, write=True)
def version_write(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    document = permissions.get_document(access, pk)
    latest = document.versions.filter(source=DocumentVersion.Source.TEXT).first()
    initial = {"text": latest.text} if latest else {}
    form = VersionTextForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            version = services.add_text_version(
                document,
                by=request.user,
                text=form.cleaned_data["text"],
                note=form.cleaned_data["note"],
            )
        except ValueError as error:
            form.add_error("text", str(error))
        else:
            messages.success(request, f"Version {version.number} has been saved.")
            return to_version(version)

    context = {"form": form, "document": document, **_pending(document)}
    return render(request, "compliance/version_write.html", context)


def _pending(document: Document) -> dict:
    """A sign-off under way on an earlier version, so the page can say it stays put."""

    collecting = SignOff.objects.filter(
        document_version__document=document, status=SignOff.Status.COLLECTING
    ).select_related("document_version")
    return {"collecting": list(collecting)}


@school_view(Capability.DOCUMENTS)
def version_download(
    request: HttpRequest, access: SchoolAccess, pk: int, number: int
) -> HttpResponse:
    version = permissions.get_version(access, pk, number)
    content_type = CONTENT_TYPES[Kind(version.format)]

    return download(
        stored_bytes(version.content, what=f"document version {version.pk}"),
        content_type,
        version.download_name,
        inline=version.format == Kind.PDF,
    )
