"""Dashboard items: document reviews due or overdue, and versions awaiting sign-off."""

from django.db.models import Prefetch
from django.urls import reverse

from tandem.compliance.models import Document, DocumentVersion, Signatory, SignOff
from tandem.compliance.reviews import ReviewState
from tandem.schools.dashboard import Attention, DashboardContext, Level, Panel
from tandem.schools.permissions import Capability


def attention(ctx: DashboardContext) -> list[Attention]:
    if not ctx.can(Capability.DOCUMENTS):
        return []
    documents = list(_documents(ctx))

    return [
        *_reviews(ctx, documents),
        *_awaiting_sign_off(ctx, documents),
        *_my_signatures(ctx),
    ]


def panels(ctx: DashboardContext) -> list[Panel]:
    """Each document's latest version and whether it is signed, at a glance."""

    if not ctx.can(Capability.DOCUMENTS):
        return []
    rows = []
    for document in _documents(ctx):
        versions = list(document.versions.all())
        latest = versions[0] if versions else None
        rows.append(
            {
                "document": document,
                "latest": latest,
                "signed": latest is not None and _signed(latest),
                "review": document.review_status(ctx.today),
            }
        )
    context = {"rows": rows, "urn": ctx.school.urn}

    return [Panel("Documents", "compliance/_dashboard_panel.html", context, order=60)]


def _documents(ctx: DashboardContext):  # noqa: ANN202
    versions = DocumentVersion.objects.prefetch_related(
        Prefetch("sign_offs", queryset=SignOff.objects.prefetch_related("signatories"))
    )
    return ctx.school.documents.prefetch_related(
        Prefetch("versions", queryset=versions)
    )


def _reviews(ctx: DashboardContext, documents: list[Document]) -> list[Attention]:
    items = []
    for document in documents:
        status = document.review_status(ctx.today)
        if not status.needs_attention:
            continue
        level = Level.OVERDUE if status.state == ReviewState.OVERDUE else Level.DUE
        text = f"{document.title}: {status.wording.lower()} ({document.next_review_on:%d/%m/%Y})."
        items.append(
            Attention(level, text, _url(ctx, document), document.next_review_on)
        )

    return items


def _awaiting_sign_off(
    ctx: DashboardContext, documents: list[Document]
) -> list[Attention]:
    items = []
    for document in documents:
        versions = list(document.versions.all())
        if not versions or _signed(versions[0]):
            continue
        latest = versions[0]
        items.append(
            Attention(
                Level.INFO, _waiting_text(document, latest), _url(ctx, document, latest)
            )
        )

    return items


def _signed(version: DocumentVersion) -> bool:
    return any(s.is_complete for s in version.sign_offs.all())


def _waiting_text(document: Document, version: DocumentVersion) -> str:
    live = [s for s in version.sign_offs.all() if s.status == SignOff.Status.COLLECTING]
    if not live:
        return f"{document.title}, version {version.number}, has not been signed off."
    lines = list(live[0].signatories.all())
    done = sum(1 for line in lines if line.confirmed_at is not None)

    return (
        f"{document.title}, version {version.number}, is awaiting sign-off: "
        f"{done} of {len(lines)} governors have confirmed."
    )


def _my_signatures(ctx: DashboardContext) -> list[Attention]:
    lines = Signatory.objects.filter(
        user=ctx.access.user,
        confirmed_at__isnull=True,
        sign_off__status=SignOff.Status.COLLECTING,
        sign_off__document_version__document__school=ctx.school,
    ).select_related("sign_off__document_version__document")
    items = []
    for line in lines:
        version = line.sign_off.document_version
        text = f"You are asked to sign off {version.document.title}, version {version.number}."
        items.append(Attention(Level.DUE, text, _url(ctx, version.document, version)))

    return items


def _url(
    ctx: DashboardContext, document: Document, version: DocumentVersion | None = None
) -> str:
    urn = ctx.school.urn
    if version is None:
        return reverse(
            "compliance:document-detail", kwargs={"urn": urn, "pk": document.pk}
        )
    kwargs = {"urn": urn, "pk": document.pk, "number": version.number}

    return reverse("compliance:version-detail", kwargs=kwargs)
