"""A version's page: its fingerprint, the saved check beside the sign-off, and signing."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from tandem.compliance import permissions, services
from tandem.compliance.checks import DISCLAIMER, check_rows, saved_result
from tandem.compliance.evidence import statement_context
from tandem.compliance.forms import (
    ConfirmSignOffForm,
    RecordSignatureForm,
    SignOffRequestForm,
)
from tandem.compliance.models import DocumentVersion, InvalidTransition, SignOff
from tandem.compliance.statement import default_statement
from tandem.compliance.views.common import to_version
from tandem.lib.calendar import london_today
from tandem.lib.http import download
from tandem.lib.pdf import render_pdf
from tandem.schools.models import Membership, School
from tandem.schools.permissions import Capability, SchoolAccess, school_view


@school_view(Capability.DOCUMENTS)
def version_detail(
    request: HttpRequest, access: SchoolAccess, pk: int, number: int
) -> HttpResponse:
    version = permissions.get_version(access, pk, number)
    sign_off = _live_sign_off(version)
    check = version.checks.select_related("run_by").first()
    mine = _my_line(sign_off, access)
    context = {
        "document": version.document,
        "version": version,
        "newer": version.document.versions.filter(number__gt=version.number).first(),
        "sign_off": sign_off,
        "withdrawn": version.sign_offs.filter(status=SignOff.Status.WITHDRAWN),
        "check": check,
        "check_rows": check_rows(check) if check else [],
        "result": saved_result(check) if check else None,
        "disclaimer": DISCLAIMER,
        "my_line": mine,
        "confirm_form": ConfirmSignOffForm() if mine else None,
        "can_edit": access.can(Capability.DOCUMENTS, write=True),
        "can_sign_off": access.can(Capability.SIGN_OFF, write=True),
        "is_clerk": access.role == Membership.Role.CLERK,
    }

    return render(request, "compliance/version_detail.html", context)


def _live_sign_off(version: DocumentVersion) -> SignOff | None:
    live = version.sign_offs.exclude(status=SignOff.Status.WITHDRAWN)
    return live.prefetch_related("signatories").first()


def _my_line(sign_off: SignOff | None, access: SchoolAccess):  # noqa: ANN202
    if sign_off is None or sign_off.status != SignOff.Status.COLLECTING:
        return None
    if not services.may_sign(access.membership):
        return None
    return next(
        (s for s in sign_off.outstanding() if s.user_id == access.user.pk), None
    )


@school_view(Capability.DOCUMENTS, write=True)
@require_POST
def run_check(
    request: HttpRequest, access: SchoolAccess, pk: int, number: int
) -> HttpResponse:
    version = permissions.get_version(access, pk, number)
    check = services.run_report_check(version, by=request.user, on=london_today())
    if check.readable:
        messages.success(
            request,
            f"Check saved: evidence found for {check.found} of {check.applicable} items.",
        )
    else:
        messages.warning(
            request, f"The checker could not read this version. {check.error}"
        )

    return to_version(version)


@school_view(Capability.SIGN_OFF, write=True)
def sign_off_request(
    request: HttpRequest, access: SchoolAccess, pk: int, number: int
) -> HttpResponse:
    version = permissions.get_version(access, pk, number)
    eligible = services.eligible_signatories(access.school)
    initial = {"statement": _default_wording(version), "signatories": eligible}
    form = SignOffRequestForm(request.POST or None, initial=initial, eligible=eligible)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_sign_off(
                version,
                by=request.user,
                statement=form.cleaned_data["statement"],
                signatories=form.cleaned_data["signatories"],
            )
        except services.SignOffError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, "The governors named can now confirm the statement."
            )
            return to_version(version)

    context = {"form": form, "version": version, "document": version.document}
    return render(request, "compliance/sign_off_request.html", context)


def _default_wording(version: DocumentVersion) -> str:
    school = version.document.school
    return default_statement(
        school_name=school.name,
        document_title=version.document.title,
        version_label=f"version {version.number}",
        on=london_today(),
        school_type=_school_type(school),
    )


def _school_type(school: School) -> str:
    if school.governance == School.Governance.MAINTAINED_NURSERY:
        return "maintained nursery school"
    academy = school.governance == School.Governance.ACADEMY
    kind = "academy" if academy else "maintained school"

    return f"{school.get_provision_display().lower()} {kind}"


@school_view(Capability.SIGN_OFF, write=True)
@require_POST
def sign_off_confirm(
    request: HttpRequest, access: SchoolAccess, sign_off_pk: int
) -> HttpResponse:
    sign_off = permissions.get_sign_off(access, sign_off_pk)
    mine = _my_line(sign_off, access)
    if mine is None:
        raise PermissionDenied
    form = ConfirmSignOffForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Tick the box to confirm the statement.")
        return to_version(sign_off.document_version)

    try:
        sign_off = services.confirm_sign_off(
            sign_off,
            by=request.user,
            signatory=mine,
            signed_on=london_today(),
            recorder=access.membership,
        )
    except services.SignOffError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _confirmed_message(sign_off))

    return to_version(sign_off.document_version)


def _confirmed_message(sign_off: SignOff) -> str:
    if sign_off.is_complete:
        return "Thank you. Every governor named has confirmed: this version is signed."
    return "Thank you. Your confirmation has been recorded."


@school_view(Capability.SIGN_OFF, write=True)
def sign_off_record(
    request: HttpRequest, access: SchoolAccess, sign_off_pk: int
) -> HttpResponse:
    """The clerk records a signature given on paper, with the date it was given."""

    if access.role != Membership.Role.CLERK:
        raise PermissionDenied
    sign_off = permissions.get_sign_off(access, sign_off_pk)
    form = RecordSignatureForm(request.POST or None, outstanding=sign_off.outstanding())
    if request.method == "POST" and form.is_valid():
        try:
            services.confirm_sign_off(
                sign_off,
                by=request.user,
                signatory=form.cleaned_data["signatory"],
                signed_on=form.cleaned_data["signed_on"],
                recorder=access.membership,
            )
        except services.SignOffError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The signature has been recorded.")
            return to_version(sign_off.document_version)

    context = {"form": form, "sign_off": sign_off, "version": sign_off.document_version}
    return render(request, "compliance/sign_off_record.html", context)


@school_view(Capability.SIGN_OFF, write=True)
def sign_off_withdraw(
    request: HttpRequest, access: SchoolAccess, sign_off_pk: int
) -> HttpResponse:
    sign_off = permissions.get_sign_off(access, sign_off_pk)
    if request.method == "POST":
        try:
            services.withdraw_sign_off(sign_off, by=request.user)
        except InvalidTransition as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "The sign-off has been withdrawn.")
        return to_version(sign_off.document_version)

    context = {"sign_off": sign_off, "version": sign_off.document_version}
    return render(request, "compliance/sign_off_withdraw.html", context)


@school_view(Capability.DOCUMENTS)
def statement_pdf(
    request: HttpRequest, access: SchoolAccess, sign_off_pk: int
) -> HttpResponse:
    sign_off = permissions.get_sign_off(access, sign_off_pk)
    pdf = statement_pdf_bytes(sign_off)
    version = sign_off.document_version
    name = f"compliance-statement-{access.school.urn}-{version.document_id}-v{version.number}.pdf"

    return download(pdf, "application/pdf", name, inline=True)


def statement_pdf_bytes(sign_off: SignOff) -> bytes:
    """The printable statement: document, version hash, signatories and dates."""

    context = statement_context(sign_off, today=london_today())
    return render_pdf("compliance/print/statement.html", context)
