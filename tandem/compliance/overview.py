"""The SEN Information Report on "Your schools": whether its latest version is signed
off, and when its review is due."""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from tandem.compliance.models import Document, DocumentVersion, SignOff
from tandem.compliance.reviews import ReviewState
from tandem.lib.calendar import format_date
from tandem.schools.overview import Cell, Column, OverviewContext
from tandem.schools.permissions import Capability

NO_REPORT = "No SEN Information Report yet"
REVIEW_TAGS = {
    ReviewState.OVERDUE: ("Overdue", "overdue"),
    ReviewState.DUE: ("Due", "due"),
}


def columns(ctx: OverviewContext) -> list[Column]:
    readers = ctx.readers(Capability.DOCUMENTS)
    if not readers:
        return []
    reports = _information_reports([access.school.pk for access in readers])

    sign_off: dict[int, Cell] = {}
    review: dict[int, Cell] = {}
    for access in readers:
        pk = access.school.pk
        document = reports.get(pk)
        if document is None:
            sign_off[pk] = review[pk] = Cell(NO_REPORT)
            continue
        url = reverse(
            "compliance:document-detail",
            kwargs={"urn": access.school.urn, "pk": document.pk},
        )
        sign_off[pk] = _sign_off_cell(document, url)
        review[pk] = _review_cell(document, ctx)

    return [
        Column("SEN Information Report", sign_off, order=40),
        Column("SEN Information Report review", review, order=41),
    ]


def _information_reports(school_pks: list[int]) -> dict[int, Document]:
    """Each school's SEN Information Report (the first, in the register's order) with
    its versions, their sign-offs and signatories: four queries, however many schools."""

    versions = DocumentVersion.objects.defer("text").prefetch_related(
        Prefetch("sign_offs", queryset=SignOff.objects.prefetch_related("signatories"))
    )
    documents = Document.objects.filter(
        school__in=school_pks, kind=Document.Kind.SEN_INFORMATION_REPORT
    ).prefetch_related(Prefetch("versions", queryset=versions))
    found: dict[int, Document] = {}
    for document in documents:
        found.setdefault(document.school_id, document)

    return found


def _sign_off_cell(document: Document, url: str) -> Cell:
    versions = list(document.versions.all())
    if not versions:
        return Cell("No version yet", url=url)
    latest = versions[0]
    sign_offs = list(latest.sign_offs.all())
    text = f"Version {latest.number}"
    complete = next((s for s in sign_offs if s.is_complete), None)
    if complete is not None:
        notes = (
            (f"Signed off {format_date(timezone.localdate(complete.completed_at))}",)
            if complete.completed_at
            else ()
        )
        return Cell(text, url=url, notes=notes, tag="Signed", tag_level="ok")
    live = [s for s in sign_offs if s.status == SignOff.Status.COLLECTING]
    if not live:
        return Cell(text, url=url, tag="Not signed", tag_level="due")
    lines = list(live[0].signatories.all())
    done = sum(1 for line in lines if line.confirmed_at is not None)
    progress = f"Awaiting sign-off: {done} of {len(lines)} governors have confirmed"

    return Cell(text, url=url, notes=(progress,), tag="Not signed", tag_level="due")


def _review_cell(document: Document, ctx: OverviewContext) -> Cell:
    status = document.review_status(ctx.today)
    if document.next_review_on is None:
        return Cell(status.wording)
    tag, level = REVIEW_TAGS.get(status.state, ("", ""))

    return Cell(
        f"Due {format_date(document.next_review_on)}",
        notes=(status.wording,),
        tag=tag,
        tag_level=level,
    )
