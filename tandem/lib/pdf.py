"""PDF exports: a Django template rendered to HTML, then to PDF by WeasyPrint."""

import logging
import re

from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import HTML

logger = logging.getLogger(__name__)

DEFAULT_PAPER = "#ffffff"
_HEX = re.compile(r"#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})")


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


_CSS_PLAIN = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-:/()"
)


def css_string(text: str) -> str:
    """`text` as a quoted CSS string (for `content:` in print styles), safely escaped.

    Every character outside a small plain set becomes a CSS hex escape followed by the one
    space CSS swallows, so quotes, ampersands and `<` can neither end the string nor the
    style element.
    """

    body = "".join(ch if ch in _CSS_PLAIN else f"\\{ord(ch):06x} " for ch in text)

    return f'"{body}"'


def paper_colour(value: str | None) -> str:
    """A safe `#rrggbb` paper colour for CSS and Word, or white for anything else.

    Every PDF export prints on the school's paper colour: print/base.html sets it on
    `@page` from `school.paper_colour` through this, and so do the meeting record
    and the action log, which have print templates of their own.
    """

    match = _HEX.fullmatch((value or "").strip())
    if match is None:
        return DEFAULT_PAPER
    digits = match.group(1).lower()
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)

    return f"#{digits}"
