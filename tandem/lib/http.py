"""File downloads: one response shape for every export and upload Tandem serves."""

import re

from django.http import HttpResponse
from django.utils.http import content_disposition_header

_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def download(
    data: bytes, content_type: str, filename: str, *, inline: bool = False
) -> HttpResponse:
    """A file response whose name is safe in a header whatever it contains.

    Control characters (a newline in a document's title, say) are dropped and non-ASCII
    names travel as RFC 6266 `filename*`. Attachments are sandboxed so a browser never
    runs an uploaded page as part of Tandem.
    """

    response = HttpResponse(data, content_type=content_type)
    clean_name = _CONTROL.sub(" ", filename).strip() or "download"
    response["Content-Disposition"] = content_disposition_header(not inline, clean_name)
    response["X-Content-Type-Options"] = "nosniff"
    if not inline:
        response["Content-Security-Policy"] = "sandbox"

    return response
