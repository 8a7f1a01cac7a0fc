"""Small builders for compliance tests: documents, versions and sign-offs."""

from datetime import date
from functools import cache

from django.utils import timezone
from weasyprint import HTML

from tandem.compliance import services
from tandem.compliance.models import Document, DocumentVersion, SignOff
from tandem.schools.models import Membership, School

TODAY = date(2026, 2, 3)


@cache
def pdf_bytes(text: str = "SEN Information Report. Our SENCO is Ms Example.") -> bytes:
    """A real one-page PDF with a text layer (cached: WeasyPrint is not instant)."""

    return HTML(string=f"<h1>Report</h1><p>{text}</p>").write_pdf()


def html_bytes(text: str = "Our SEN offer") -> bytes:
    return f"<!doctype html><html><body><h1>{text}</h1></body></html>".encode()


def make_document(school: School, *, by, **overrides) -> Document:  # noqa: ANN001, ANN003
    fields = {
        "kind": Document.Kind.SEN_INFORMATION_REPORT,
        "title": "SEN Information Report 2025/26",
        "owner": None,
        "last_reviewed_on": None,
        "next_review_on": None,
    }
    fields.update(overrides)

    return services.create_document(school, by=by, **fields)


def make_version(
    document: Document,
    *,
    by,
    data: bytes | None = None,
    filename: str = "report.pdf",  # noqa: ANN001
) -> DocumentVersion:
    return services.add_file_version(
        document, by=by, data=data or pdf_bytes(), filename=filename
    )


def governors(school: School) -> list[Membership]:
    return services.eligible_signatories(school)


def request(version: DocumentVersion, *, by, signatories=None) -> SignOff:  # noqa: ANN001
    members = governors(version.document.school) if signatories is None else signatories
    return services.request_sign_off(
        version, by=by, statement="We confirm it is accurate.", signatories=members
    )


def sign_all(sign_off: SignOff, *, on: date | None = None) -> SignOff:
    """Every named governor confirms for themselves."""

    school = sign_off.document_version.document.school
    for line in sign_off.signatories.all():
        member = Membership.objects.get(user=line.user, school=school)
        sign_off = services.confirm_sign_off(
            sign_off,
            by=line.user,
            signatory=line,
            signed_on=on or timezone.localdate(),
            recorder=member,
        )
    sign_off.refresh_from_db()

    return sign_off
