"""PDF exports: a Django template rendered to HTML, then to PDF by WeasyPrint."""

import logging

from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import HTML

logger = logging.getLogger(__name__)


def render_pdf(template_name: str, context: dict) -> bytes:
    """Render a print template (which extends print/base.html) to PDF bytes."""

    html = render_to_string(template_name, context)
    base_url = str(settings.BASE_DIR / "static")

    return HTML(string=html, base_url=base_url).write_pdf()


def pdf_text(data: bytes) -> list[str]:
    """The text of each page of a PDF (pypdfium2): for tests and verification."""

    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()
