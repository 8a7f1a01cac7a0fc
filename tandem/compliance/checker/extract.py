"""Decide what a file is from its bytes (never its name) and read its text."""

import io
import logging
import re
import zipfile
from collections.abc import Callable

from tandem.lib.uploads import DAMAGED_ZIP_ERRORS

from .blocks import Extracted
from .errors import (
    KIND_DAMAGED,
    KIND_EMPTY,
    KIND_TOO_LARGE,
    KIND_WRONG_TYPE,
    CheckerError,
    UnreadableReport,
)
from .read_docx import read_docx
from .read_html import read_html
from .read_pdf import read_pdf
from .read_text import read_text

logger = logging.getLogger(__name__)

MAX_FILE_BYTES = 50 * 1024 * 1024
_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<!--)", re.IGNORECASE)
_HTML_TAG = re.compile(rb"<(p|h[1-6]|div|li|table|br|span|a)[\s>/]", re.IGNORECASE)
_OTHER_FORMATS = (
    (b"\xd0\xcf\x11\xe0", "an old-style Word (.doc) or other Office file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"{\\rtf", "a Rich Text (.rtf) file"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def extract(data: bytes) -> Extracted:
    """Read a PDF, .docx, HTML or plain-text report; anything else is UnreadableReport."""

    if not data.strip():
        raise UnreadableReport("The file is empty.", kind=KIND_EMPTY)
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableReport("The file is larger than 50 MB.", kind=KIND_TOO_LARGE)

    reader, kind = _sniff(data)
    try:
        return reader(data)
    except CheckerError:
        raise
    except Exception as error:
        # Third-party parsers raise many exception types on malformed input; each
        # becomes one clear error for the person who uploaded the file.
        logger.exception("SIR checker: %s reader failed on malformed input", kind)
        raise UnreadableReport(
            f"The file looks like {kind} but is damaged and cannot be read.",
            kind=KIND_DAMAGED,
        ) from error


def _sniff(data: bytes) -> tuple[Callable[[bytes], Extracted], str]:
    """The reader for the file's content and a label for messages."""

    head = data[:2048].lstrip()
    if data[:1024].find(b"%PDF-") != -1:
        return read_pdf, "a PDF"
    if data.startswith(b"PK"):
        _check_word_zip(data)
        return read_docx, "a Word document"
    for magic, name in _OTHER_FORMATS:
        if data.startswith(magic):
            raise _wrong_type(f"The file is {name}")
    if _HTML_START.match(head) or _HTML_TAG.search(head):
        return read_html, "a web page"

    return _read_plain, "plain text"


def _check_word_zip(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except DAMAGED_ZIP_ERRORS as error:
        raise UnreadableReport(
            "The file is a damaged zip archive (a .docx is a zip).", kind=KIND_DAMAGED
        ) from error
    if b"opendocument" in mimetype:
        raise _wrong_type("The file is an OpenDocument (.odt) file")
    if "word/document.xml" not in names:
        raise _wrong_type("The file is a zip archive but not a Word document")


def _read_plain(data: bytes) -> Extracted:
    text = _decode(data)
    if text is None or _CONTROL.search(text):
        raise _wrong_type("The file is not text")

    return read_text(text)


def _decode(data: bytes) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8-sig", "cp1252"]
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue

    return None


def _wrong_type(what: str) -> UnreadableReport:
    return UnreadableReport(
        f"{what}; the checker reads PDF, Word (.docx), web pages (HTML) and plain text.",
        kind=KIND_WRONG_TYPE,
    )
