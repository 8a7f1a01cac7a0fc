"""This app's part of the inspection evidence pack: each document's latest signed version.

A section is the printable compliance statement followed by the signed document itself:
a PDF as it was signed, text written in Tandem typeset, a web page rendered without
fetching anything, and a Word file's text in order (its layout cannot be reproduced here,
and the page says so).
"""

import io
import logging
from datetime import date

from docx import Document as DocxDocument
from docx.table import Table
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from tandem.compliance.models import Document, SignOff
from tandem.compliance.pack import merge_pdfs
from tandem.lib.evidence import EvidenceSection, still_working
from tandem.lib.pdf import render_pdf

logger = logging.getLogger(__name__)


# Shown while the pack is being prepared.
PROGRESS_LABEL = "Signed documents and their statements"


def sections(school, *, today: date) -> list[EvidenceSection]:  # noqa: ANN001
    found = []
    for sign_off in _latest_signed(school):
        still_working()
        found.append(_section(sign_off, today=today))

    return found


def _latest_signed(school) -> list[SignOff]:  # noqa: ANN001
    sign_offs = (
        SignOff.objects.filter(
            status=SignOff.Status.COMPLETE, document_version__document__school=school
        )
        .select_related("document_version__document__school")
        .prefetch_related("signatories")
        .order_by("document_version__document", "-document_version__number")
    )
    latest: dict[int, SignOff] = {}
    for sign_off in sign_offs:
        latest.setdefault(sign_off.document_version.document_id, sign_off)

    return sorted(latest.values(), key=_document_order)


def _document_order(sign_off: SignOff) -> tuple[int, str]:
    document = sign_off.document_version.document
    kinds = list(Document.Kind.values)

    return kinds.index(document.kind), document.title


def _section(sign_off: SignOff, *, today: date) -> EvidenceSection:
    version = sign_off.document_version
    statement = render_pdf(
        "compliance/print/statement.html", statement_context(sign_off, today=today)
    )
    body = _document_pdf(sign_off)
    signed_on = sign_off.completed_at.date() if sign_off.completed_at else today
    title = (
        f"{version.document.title} (version {version.number}, signed "
        f"{signed_on:%d/%m/%Y})"
    )

    return EvidenceSection(title=title, pdf=merge_pdfs([statement, *body]), order=10)


def statement_context(sign_off: SignOff, *, today: date) -> dict:
    version = sign_off.document_version
    return {
        "school": version.document.school,
        "document": version.document,
        "version": version,
        "sign_off": sign_off,
        "signatories": list(sign_off.signatories.all()),
        "today": today,
    }


def _document_pdf(sign_off: SignOff) -> list[bytes]:
    version = sign_off.document_version
    if version.format == version.Format.PDF:
        return [version.content()]
    if version.format == version.Format.TEXT:
        context = {"school": version.document.school, "version": version}
        return [render_pdf("compliance/print/text_version.html", context)]
    if version.format == version.Format.HTML:
        return [_html_pdf(version.content())]
    context = {
        "school": version.document.school,
        "version": version,
        "blocks": docx_blocks(version.content()),
    }

    return [render_pdf("compliance/print/docx_version.html", context)]


def docx_blocks(data: bytes) -> list[tuple]:
    """A Word document's headings, paragraphs and tables, in order, as plain text."""

    blocks: list[tuple] = []
    for part in DocxDocument(io.BytesIO(data)).iter_inner_content():
        if isinstance(part, Table):
            rows = [[cell.text for cell in row.cells] for row in part.rows]
            blocks.append(("table", rows))
        elif part.text.strip():
            is_heading = part.style is not None and part.style.name.startswith(
                "Heading"
            )
            blocks.append(("heading" if is_heading else "paragraph", part.text))

    return blocks


def _html_pdf(data: bytes) -> bytes:
    """Render an uploaded web page, refusing every fetch (images, styles, links)."""

    page = HTML(string=data.decode("utf-8", "replace"), url_fetcher=RefuseFetch())

    return page.write_pdf()


class RefuseFetch(URLFetcher):
    """An uploaded page may point anywhere, even inside our network: fetch nothing."""

    def fetch(self, url: str, headers: dict | None = None) -> None:
        raise ValueError("The evidence pack does not fetch anything from uploads.")
