"""Planning and recording consultation on a document."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from tandem.compliance import permissions, services
from tandem.compliance.forms import ConsultationForm
from tandem.lib.concurrency import StaleEdit, posted_version
from tandem.schools.permissions import Capability, SchoolAccess, school_view


@school_view(Capability.DOCUMENTS, write=True)
def consultation_create(
    request: HttpRequest, access: SchoolAccess, pk: int
) -> HttpResponse:
    document = permissions.get_document(access, pk)
    initial = {"perspective": request.GET.get("perspective", "")}
    form = ConsultationForm(request.POST or None, initial=initial, document=document)
    if request.method == "POST" and form.is_valid():
        fields = {
            name: form.cleaned_data[name] for name in services.CONSULTATION_FIELDS
        }
        services.add_consultation(document, by=request.user, **fields)
        messages.success(request, "The consultation has been recorded.")
        return _to_document(access, document.pk)

    context = {"form": form, "document": document}
    return render(request, "compliance/consultation_form.html", context)


@school_view(Capability.DOCUMENTS, write=True)
def consultation_edit(
    request: HttpRequest, access: SchoolAccess, pk: int
) -> HttpResponse:
    consultation = permissions.get_consultation(access, pk)
    form = ConsultationForm(
        request.POST or None,
        instance=consultation,
        initial={"version": consultation.version},
        document=consultation.document,
    )
    if request.method == "POST" and form.is_valid():
        fields = {
            name: form.cleaned_data[name] for name in services.CONSULTATION_FIELDS
        }
        try:
            services.update_consultation(
                consultation,
                by=request.user,
                expected_version=posted_version(form.cleaned_data["version"]),
                **fields,
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Changes to the consultation have been saved.")
            return _to_document(access, consultation.document_id)

    context = {
        "form": form,
        "document": consultation.document,
        "consultation": consultation,
    }
    return render(request, "compliance/consultation_form.html", context)


@school_view(Capability.DOCUMENTS, write=True)
def consultation_delete(
    request: HttpRequest, access: SchoolAccess, pk: int
) -> HttpResponse:
    consultation = permissions.get_consultation(access, pk)
    if request.method == "POST":
        document_pk = consultation.document_id
        services.remove_consultation(consultation, by=request.user)
        messages.success(request, "The consultation record has been removed.")
        return _to_document(access, document_pk)

    context = {"consultation": consultation, "document": consultation.document}
    return render(request, "compliance/consultation_confirm_delete.html", context)


def _to_document(access: SchoolAccess, pk: int) -> HttpResponse:
    return redirect("compliance:document-detail", urn=access.school.urn, pk=pk)
