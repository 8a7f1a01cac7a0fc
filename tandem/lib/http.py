"""File downloads (one response shape for every export and upload Tandem serves) and the
404 page, which shows a reason when the reason is written for people."""

import logging
import re
from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header

logger = logging.getLogger(__name__)


class ExplainedNotFound(Http404):
    """A 404 whose message is written for the reader and shown on the page (other 404s
    show only the general text, as their messages are for developers)."""


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Tandem's 404 page (handler404)."""

    explanation = str(exception) if isinstance(exception, ExplainedNotFound) else ""

    return render(request, "404.html", {"explanation": explanation}, status=404)


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


def stored_bytes(read: Callable[[], bytes], *, what: str) -> bytes:
    """The bytes `read` returns from storage; a 404 that says so when the file is gone
    (deleted by hand, or lost from shared storage) rather than a server error."""

    try:
        return read()
    except FileNotFoundError:
        logger.warning("Stored file missing: %s", what)
        raise ExplainedNotFound(
            "The stored file is missing. Ask whoever runs Tandem to restore it from a "
            "backup, or upload or prepare it again."
        ) from None


def read_file(field) -> Callable[[], bytes]:  # noqa: ANN001
    """A reader for a FileField's whole content."""

    def read() -> bytes:
        with field.open("rb") as stream:
            return stream.read()

    return read
