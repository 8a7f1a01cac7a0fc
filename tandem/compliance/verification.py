"""Is this file the one the governors signed? Shared by the page and the command."""

from dataclasses import dataclass, field
from enum import StrEnum

from tandem.compliance import hashing
from tandem.compliance.models import DocumentVersion, SignOff
from tandem.schools.models import School


class Verdict(StrEnum):
    SIGNED = "signed"
    NOT_SIGNED = "not_signed"
    NO_MATCH = "no_match"


@dataclass(frozen=True)
class Verification:
    digest: str
    versions: list[DocumentVersion] = field(default_factory=list)
    sign_offs: list[SignOff] = field(default_factory=list)

    @property
    def verdict(self) -> Verdict:
        if self.sign_offs:
            return Verdict.SIGNED
        if self.versions:
            return Verdict.NOT_SIGNED
        return Verdict.NO_MATCH


def verify(data: bytes, *, school: School | None = None) -> Verification:
    """Compare the file's SHA-256 with every stored version and completed sign-off."""

    digest = hashing.sha256_bytes(data)
    versions = DocumentVersion.objects.filter(sha256=digest).select_related(
        "document", "document__school"
    )
    sign_offs = SignOff.objects.filter(
        sha256=digest, status=SignOff.Status.COMPLETE
    ).select_related("document_version__document__school")
    if school is not None:
        versions = versions.filter(document__school=school)
        sign_offs = sign_offs.filter(document_version__document__school=school)

    return Verification(
        digest=digest,
        versions=list(
            versions.order_by("document__school__name", "document", "number")
        ),
        sign_offs=list(sign_offs.prefetch_related("signatories")),
    )
