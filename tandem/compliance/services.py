"""Every change to compliance records goes through one function here.

Each is atomic, takes the acting user as keyword-only `by=`, and writes an audit entry
with a dotted action code. Audit data holds ids and field names, never document text.
"""

import logging
from collections.abc import Iterable
from datetime import date
from pathlib import PurePath

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from tandem.audit.services import changed_from_stored, record
from tandem.compliance import hashing, reviews
from tandem.compliance.checker import CheckerError, check_report
from tandem.compliance.models import (
    Consultation,
    Document,
    DocumentVersion,
    ReportCheck,
    Signatory,
    SignOff,
)
from tandem.lib.concurrency import save_versioned
from tandem.lib.uploads import DOCUMENT_KINDS, UploadRejected, sniff_upload
from tandem.schools.models import Membership, School

logger = logging.getLogger(__name__)

DOCUMENT_FIELDS = ["kind", "title", "owner", "last_reviewed_on", "next_review_on"]
CONSULTATION_FIELDS = [
    "perspective",
    "who",
    "method",
    "planned_on",
    "held_on",
    "feedback",
    "changes",
    "document_version",
]
SIGNING_ROLES = {Membership.Role.SEN_GOVERNOR, Membership.Role.GOVERNOR}


class SignOffError(ValueError):
    """A sign-off step that Tandem refuses, with a sentence saying why."""


# Documents ------------------------------------------------------------------------


@transaction.atomic
def create_document(school: School, *, by: AbstractBaseUser, **fields) -> Document:  # noqa: ANN003
    """Add a document to the register. The report's next review defaults to a year on."""

    document = Document(school=school, **fields)
    if document.next_review_on is None and document.last_reviewed_on is not None:
        document.next_review_on = reviews.next_review_after(
            document.kind, document.last_reviewed_on
        )
    document.save()

    record("compliance.document.created", document, by=by)
    logger.info("Document %s: created for school %s", document.pk, school.pk)

    return document


@transaction.atomic
def update_document(
    document: Document,
    *,
    by: AbstractBaseUser,
    expected_version: int,
    **fields,  # noqa: ANN003
) -> Document:
    """Save register details unless someone else saved first (StaleEdit)."""

    changed = changed_from_stored(document, {n: fields[n] for n in DOCUMENT_FIELDS})
    for name in DOCUMENT_FIELDS:
        setattr(document, name, fields[name])
    save_versioned(document, DOCUMENT_FIELDS, expected=expected_version)

    record("compliance.document.updated", document, by=by, changed=changed)

    return document


# Versions -------------------------------------------------------------------------


@transaction.atomic
def add_file_version(
    document: Document,
    *,
    by: AbstractBaseUser,
    data: bytes,
    filename: str,
    note: str = "",
    max_bytes: int | None = None,
) -> DocumentVersion:
    """Store an uploaded PDF, .docx or HTML file as the document's next version.

    Raises UploadRejected (naming the file) before anything is stored.
    """

    limit = settings.TANDEM_MAX_UPLOAD_BYTES if max_bytes is None else max_bytes
    sniffed = sniff_upload(data, filename, allowed=DOCUMENT_KINDS, max_bytes=limit)
    digest = hashing.sha256_bytes(data)
    if same := _same_as_latest(document, digest):
        raise UploadRejected(
            PurePath(filename).name,
            f"this file is identical to version {same.number}, so there is nothing "
            "new to store.",
        )
    version = DocumentVersion(
        document=document,
        number=_next_number(document),
        source=DocumentVersion.Source.FILE,
        format=sniffed.kind.value,
        original_filename=PurePath(filename).name[-255:],
        sha256=digest,
        size=sniffed.size,
        note=note,
        created_by=by,
    )
    version.file.save(f"upload{sniffed.extension}", ContentFile(data), save=False)
    # A rollback after this function returns leaves the file on disk (never served,
    # as no row points to it); `tandem sweep-uploads` removes such files.
    try:
        version.save()
        return _version_added(version, by=by)
    except Exception:
        # Catch-all on purpose: whatever failed, the stored file must not be orphaned.
        version.file.delete(save=False)
        raise


@transaction.atomic
def add_text_version(
    document: Document, *, by: AbstractBaseUser, text: str, note: str = ""
) -> DocumentVersion:
    """Store text written in Tandem as the document's next version."""

    stored = hashing.normalise_text(text)
    if not stored:
        raise ValueError("Write the document's text before saving a version.")
    if same := _same_as_latest(document, hashing.sha256_text(stored)):
        raise ValueError(
            f"The text is identical to version {same.number}, so there is nothing "
            "new to store."
        )
    version = DocumentVersion.objects.create(
        document=document,
        number=_next_number(document),
        source=DocumentVersion.Source.TEXT,
        format=DocumentVersion.Format.TEXT,
        text=stored,
        sha256=hashing.sha256_text(stored),
        size=len(hashing.text_bytes(stored)),
        note=note,
        created_by=by,
    )

    return _version_added(version, by=by)


def _same_as_latest(document: Document, digest: str) -> DocumentVersion | None:
    """The latest version, if it has exactly these bytes (a form sent twice, say)."""

    latest = document.versions.order_by("-number").first()

    return latest if latest is not None and latest.sha256 == digest else None


def _next_number(document: Document) -> int:
    # Lock the document row so two uploads at once cannot take the same number.
    Document.objects.select_for_update().filter(pk=document.pk).first()
    last = document.versions.aggregate(last=Max("number"))["last"] or 0

    return last + 1


def _version_added(
    version: DocumentVersion, *, by: AbstractBaseUser
) -> DocumentVersion:
    record(
        "compliance.version.added",
        version,
        by=by,
        school=version.document.school,
        document=version.document_id,
        number=version.number,
    )
    logger.info(
        "Document version %s: added to document %s", version.pk, version.document_id
    )

    return version


# Sign-off -------------------------------------------------------------------------


def eligible_signatories(school: School) -> list[Membership]:
    """Members who may sign for the governing body: governors, or a head who is one."""

    members = Membership.objects.filter(school=school, user__is_active=True)
    members = members.select_related("user").order_by("user__last_name", "user__pk")

    return [m for m in members if may_sign(m)]


def may_sign(membership: Membership) -> bool:
    if membership.role in SIGNING_ROLES:
        return True
    return membership.role == Membership.Role.HEADTEACHER and membership.also_governor


@transaction.atomic
def request_sign_off(
    version: DocumentVersion,
    *,
    by: AbstractBaseUser,
    statement: str,
    signatories: Iterable[Membership],
) -> SignOff:
    """Ask the named governors to confirm the statement for this exact version."""

    members = list(signatories)
    _check_signatories(version.document.school, members)
    if not statement.strip():
        raise SignOffError("Write the compliance statement the governors will confirm.")
    if version.sign_offs.exclude(status=SignOff.Status.WITHDRAWN).exists():
        raise SignOffError(
            f"Version {version.number} already has a sign-off. Withdraw it first, or "
            "add a new version."
        )
    if not version.content_matches_hash():
        raise SignOffError(_TAMPERED)

    sign_off = SignOff.objects.create(
        document_version=version,
        statement=statement.strip(),
        sha256=version.sha256,
        requested_by=by,
    )
    for member in members:
        Signatory.objects.create(
            sign_off=sign_off,
            user=member.user,
            name=member.user.get_full_name() or member.user.get_username(),
            role=_role_label(member),
        )

    record("compliance.signoff.requested", sign_off, by=by, version=version.pk)
    logger.info("Sign-off %s: requested for version %s", sign_off.pk, version.pk)

    return sign_off


@transaction.atomic
def confirm_sign_off(
    sign_off: SignOff,
    *,
    by: AbstractBaseUser,
    signatory: Signatory,
    signed_on: date,
    recorder: Membership,
) -> SignOff:
    """Record one governor's confirmation: their own, or one the clerk records.

    When the last named governor confirms, the sign-off is complete and locked, and the
    document's review dates move on.
    """

    sign_off = SignOff.objects.select_for_update().get(pk=sign_off.pk)
    signatory = sign_off.signatories.get(pk=signatory.pk)
    _check_confirmation(sign_off, signatory, recorder=recorder, signed_on=signed_on)

    signatory.confirmed_on = signed_on
    signatory.confirmed_at = timezone.now()
    signatory.recorded_by = by
    signatory.save()
    record("compliance.signoff.confirmed", sign_off, by=by, signatory=signatory.user_id)

    if not sign_off.outstanding():
        _complete(sign_off, by=by)

    return sign_off


@transaction.atomic
def withdraw_sign_off(sign_off: SignOff, *, by: AbstractBaseUser) -> SignOff:
    """Stop collecting confirmations, for example when the wrong governors were named."""

    sign_off = SignOff.objects.select_for_update().get(pk=sign_off.pk)
    sign_off.transition_to(SignOff.Status.WITHDRAWN)
    sign_off.withdrawn_at = timezone.now()
    sign_off.save(update_fields=["status", "withdrawn_at"])

    record("compliance.signoff.withdrawn", sign_off, by=by)
    logger.info("Sign-off %s: withdrawn by user %s", sign_off.pk, by.pk)

    return sign_off


def _complete(sign_off: SignOff, *, by: AbstractBaseUser) -> None:
    sign_off.transition_to(SignOff.Status.COMPLETE)
    sign_off.completed_at = timezone.now()
    sign_off.save(update_fields=["status", "completed_at"])

    document = sign_off.document_version.document
    reviewed = max(s.confirmed_on for s in sign_off.signatories.all())
    next_review = reviews.next_review_after(document.kind, reviewed)
    Document.objects.filter(pk=document.pk).update(
        last_reviewed_on=reviewed, next_review_on=next_review, version=F("version") + 1
    )

    record(
        "compliance.signoff.completed",
        sign_off,
        by=by,
        changed=["last_reviewed_on", "next_review_on"],
        document=document.pk,
    )
    logger.info("Sign-off %s: complete", sign_off.pk)


def _check_signatories(school: School, members: list[Membership]) -> None:
    if not members:
        raise SignOffError("Name at least one governor who will sign.")
    for member in members:
        if member.school_id != school.pk or not may_sign(member):
            raise SignOffError(
                f"{member.user.get_full_name() or member.user.get_username()} cannot "
                "sign for the governing body: only governors can."
            )


def _check_confirmation(
    sign_off: SignOff, signatory: Signatory, *, recorder: Membership, signed_on: date
) -> None:
    if sign_off.status != SignOff.Status.COLLECTING:
        raise SignOffError("This sign-off is no longer collecting confirmations.")
    if signatory.confirmed_at is not None:
        raise SignOffError(f"{signatory.name} has already confirmed.")
    is_self = recorder.user_id == signatory.user_id and may_sign(recorder)
    if not is_self and recorder.role != Membership.Role.CLERK:
        raise SignOffError(
            "Only the governor named, or the clerk recording their signature, can "
            "confirm."
        )
    if signed_on < timezone.localdate(sign_off.requested_at) or signed_on > _today():
        raise SignOffError(
            "The date signed must be between the request and today, not in the future."
        )
    if (
        not sign_off.is_bound_to_version
        or not sign_off.document_version.content_matches_hash()
    ):
        logger.warning(
            "Sign-off %s: stored content does not match its hash", sign_off.pk
        )
        raise SignOffError(_TAMPERED)


_TAMPERED = (
    "The stored copy of this version no longer matches the fingerprint taken when it "
    "was added, so it cannot be signed. Upload the document again as a new version."
)


def _role_label(member: Membership) -> str:
    if member.role == Membership.Role.HEADTEACHER:
        return "Headteacher and governor"
    return member.get_role_display()


def _today() -> date:
    return timezone.localdate()


# Consultation ---------------------------------------------------------------------


@transaction.atomic
def add_consultation(
    document: Document,
    *,
    by: AbstractBaseUser,
    **fields,  # noqa: ANN003
) -> Consultation:
    consultation = Consultation.objects.create(
        document=document, created_by=by, **fields
    )

    record("compliance.consultation.added", consultation, by=by, document=document.pk)

    return consultation


@transaction.atomic
def update_consultation(
    consultation: Consultation,
    *,
    by: AbstractBaseUser,
    expected_version: int,
    **fields,  # noqa: ANN003
) -> Consultation:
    changed = changed_from_stored(
        consultation, {n: fields[n] for n in CONSULTATION_FIELDS}
    )
    for name in CONSULTATION_FIELDS:
        setattr(consultation, name, fields[name])
    save_versioned(consultation, CONSULTATION_FIELDS, expected=expected_version)

    record("compliance.consultation.updated", consultation, by=by, changed=changed)

    return consultation


@transaction.atomic
def remove_consultation(consultation: Consultation, *, by: AbstractBaseUser) -> None:
    record(
        "compliance.consultation.removed",
        consultation,
        by=by,
        document=consultation.document_id,
    )
    consultation.delete()


# Report checks --------------------------------------------------------------------


@transaction.atomic
def run_report_check(
    version: DocumentVersion, *, by: AbstractBaseUser, on: date
) -> ReportCheck:
    """Run the SEN Information Report checker on a version and keep what it found.

    A file the checker cannot read (a scan with no text, say) is saved with its error,
    so the page can say so instead of showing every item as missing.
    """

    school = version.document.school
    school_type = ReportCheck.SchoolType(school.provision)
    check = ReportCheck(
        document_version=version, school_type=school_type, checked_on=on, run_by=by
    )
    try:
        result = check_report(
            version.content(),
            version.original_filename or f"version-{version.number}.txt",
            school_name=school.name,
            school_type=school_type.value,
            on=on,
        )
    except CheckerError as error:
        check.error = str(error)[:500]
    else:
        check.result = result.to_json()
        check.found, check.applicable = _tally(check.result)
    check.save()

    record("compliance.check.saved", check, by=by, version=version.pk)
    logger.info("Report check %s: saved for version %s", check.pk, version.pk)

    return check


def _tally(result: dict) -> tuple[int, int]:
    """How many applicable items have evidence, and how many items apply."""

    skipped = set(result.get("not_applicable", []))
    applicable = {k: v for k, v in result["items"].items() if k not in skipped}

    return sum(1 for item in applicable.values() if item["found"]), len(applicable)
