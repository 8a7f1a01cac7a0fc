"""Decide what an uploaded document really is, from its content rather than its name.

Schools upload their SEN Information Report, policy and accessibility plan as PDF, Word
(.docx), HTML or plain text. The name and the browser's content type are only claims:
`sniff_upload` reads the bytes, refuses anything else with a message that names the
file and says what to do, and refuses a name that claims one format while the content
is another. A file of the right kind must also open: a damaged PDF, Word document or
workbook is refused before anything is stored, so nobody is sent (or signs) a file that
cannot be read.
"""

import io
import logging
import zipfile
import zlib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePath
from xml.parsers import expat

import docx
import openpyxl
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# What zipfile raises on a damaged or doctored archive: besides BadZipFile, a header
# naming a newer zip version or an unknown compression (NotImplementedError), broken
# deflate data (zlib.error), a cut-short member (EOFError) and bad offsets or sizes.
DAMAGED_ZIP_ERRORS = (
    zipfile.BadZipFile,
    NotImplementedError,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    KeyError,
)
MAX_DOCX_UNZIPPED_BYTES = 200 * 1024 * 1024
# Word and openpyxl build each XML part as a tree in memory, about 25 times its size: a
# part this large is far beyond any school document, and much larger would need gigabytes.
MAX_XML_PART_BYTES = 16 * 1024 * 1024
PDF_MAGIC = b"%PDF-"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
HTML_MARKERS = ("<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<h1")
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class Kind(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    HTML = "html"
    TEXT = "text"
    XLSX = "xlsx"


LABELS = {
    Kind.PDF: "PDF",
    Kind.DOCX: "Word document (.docx)",
    Kind.HTML: "web page (HTML)",
    Kind.TEXT: "plain text",
    Kind.XLSX: "Excel workbook (.xlsx)",
}
CONTENT_TYPES = {
    Kind.PDF: "application/pdf",
    Kind.DOCX: (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ),
    Kind.HTML: "text/html",
    Kind.TEXT: "text/plain; charset=utf-8",
    Kind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
EXTENSIONS = {
    Kind.PDF: (".pdf",),
    Kind.DOCX: (".docx",),
    Kind.HTML: (".html", ".htm"),
    Kind.TEXT: (".txt", ".text", ".md"),
    Kind.XLSX: (".xlsx",),
}
DOCUMENT_KINDS = frozenset({Kind.PDF, Kind.DOCX, Kind.HTML})
ALL_KINDS = frozenset(Kind)


class UploadRejected(ValueError):
    """An upload Tandem will not store. `str()` names the file and says why."""

    def __init__(self, filename: str, message: str) -> None:
        self.filename = filename
        self.message = message
        super().__init__(f"{filename}: {message}")


@dataclass(frozen=True)
class SniffedUpload:
    kind: Kind
    size: int

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.kind]

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.kind][0]

    @property
    def label(self) -> str:
        return LABELS[self.kind]


def sniff_upload(
    data: bytes,
    filename: str,
    *,
    allowed: frozenset[Kind] = DOCUMENT_KINDS,
    max_bytes: int = MAX_UPLOAD_BYTES,
) -> SniffedUpload:
    """Identify data as one of the allowed kinds, or raise UploadRejected."""

    name = PurePath(filename).name or "The upload"
    _check_size(data, name, max_bytes)

    kind = _kind_of(data, name)
    if kind not in allowed:
        raise UploadRejected(
            name, f"this is {_article(LABELS[kind])}; {_accepted(allowed)}"
        )
    _check_extension(kind, name)
    _check_opens(kind, data, name)

    return SniffedUpload(kind=kind, size=len(data))


def _check_size(data: bytes, name: str, max_bytes: int) -> None:
    if not data:
        raise UploadRejected(name, "the file is empty. Choose the file again.")
    if len(data) > max_bytes:
        raise UploadRejected(
            name,
            f"the file is {_megabytes(len(data))}; the largest Tandem accepts is "
            f"{_megabytes(max_bytes)}. Save a smaller copy (for example, without "
            "large photographs) and upload that.",
        )


def _kind_of(data: bytes, name: str) -> Kind:
    if PDF_MAGIC in data[:1024]:
        return Kind.PDF
    if data.startswith(ZIP_MAGIC):
        return _check_office_zip(data, name)
    if data.startswith(OLE2_MAGIC):
        raise UploadRejected(
            name,
            "this is an older Word (.doc) or Office file. Save it as .docx or PDF "
            "and upload that.",
        )
    if data.startswith(UTF16_BOMS):
        raise UploadRejected(
            name, "this text is saved as UTF-16. Save it as UTF-8 and upload that."
        )
    if _looks_like_html(data):
        return Kind.HTML

    return _check_text(data, name)


def _check_office_zip(data: bytes, name: str) -> Kind:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = {info.filename: info for info in archive.infolist()}
    except DAMAGED_ZIP_ERRORS as error:
        raise UploadRejected(
            name, "the file looks like a damaged zip or Word file and cannot be opened."
        ) from error

    if "word/document.xml" in members:
        kind = Kind.DOCX
    elif "xl/workbook.xml" in members:
        kind = Kind.XLSX
    else:
        raise UploadRejected(
            name,
            "this is a zip archive but not a Word document (it has no "
            "word/document.xml). Upload the report itself as .docx or PDF.",
        )
    what = "Word document" if kind == Kind.DOCX else "Excel workbook"
    if any(info.flag_bits & 0x1 for info in members.values()):
        raise UploadRejected(
            name, f"the {what} is password-protected. Remove the password first."
        )
    if sum(info.file_size for info in members.values()) > MAX_DOCX_UNZIPPED_BYTES:
        raise UploadRejected(name, f"the {what} is too large once unpacked.")
    if any(
        info.filename.endswith(".xml") and info.file_size > MAX_XML_PART_BYTES
        for info in members.values()
    ):
        raise UploadRejected(
            name,
            f"the {what} is too large once unpacked: one of its parts holds over "
            f"{MAX_XML_PART_BYTES // (1024 * 1024)} MB of text, far more than a school "
            "document needs.",
        )

    return kind


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    text = head.decode("ascii", errors="ignore")

    return text.startswith("<") and any(marker in text for marker in HTML_MARKERS)


def _check_text(data: bytes, name: str) -> Kind:
    if b"\x00" in data:
        raise UploadRejected(
            name,
            "this is not a PDF, Word (.docx), HTML or text file, so Tandem cannot "
            "read it.",
        )
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UploadRejected(
            name,
            f"the text is not UTF-8 (a byte at position {error.start} cannot be read). "
            "Save it as UTF-8 and upload it again.",
        ) from error

    return Kind.TEXT


def _check_extension(kind: Kind, name: str) -> None:
    suffix = PurePath(name).suffix.lower()
    claimed = next((k for k, exts in EXTENSIONS.items() if suffix in exts), None)
    if claimed is None or claimed == kind:
        return

    logger.warning("Upload: named as %s but the content is %s", claimed, kind)
    raise UploadRejected(
        name,
        f"the name says {_article(LABELS[claimed])} but the content is "
        f"{_article(LABELS[kind])}. Check you chose the right file, or rename it "
        f"to end in {EXTENSIONS[kind][0]}.",
    )


def _check_opens(kind: Kind, data: bytes, name: str) -> None:
    """Refuse a file of the right kind that its own program could not open."""

    if kind == Kind.PDF:
        _check_pdf_opens(data, name)
    elif kind in OFFICE_OPENERS:
        _check_office_opens(kind, data, name)
    elif kind == Kind.HTML and b"\x00" in data:
        raise UploadRejected(
            name,
            "the web page holds binary data, so it is damaged. Save the page again "
            "as HTML and upload the new copy.",
        )


def _check_pdf_opens(data: bytes, name: str) -> None:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise UploadRejected(
                name, "the PDF is password-protected. Remove the password first."
            ) from error
        logger.warning("Upload: a damaged PDF was refused")
        raise UploadRejected(name, DAMAGED[Kind.PDF]) from error
    # pdfium refuses a PDF without pages, so an open document has at least one.
    document.close()


def _check_office_opens(kind: Kind, data: bytes, name: str) -> None:
    try:
        _check_every_part(data)
        OFFICE_OPENERS[kind](io.BytesIO(data))
    except Exception as error:
        # zipfile, expat, python-docx and openpyxl raise many exception types on a
        # damaged file; each means the same to the person uploading it.
        logger.warning("Upload: a damaged %s was refused", kind)
        raise UploadRejected(name, DAMAGED[kind]) from error


def _check_every_part(data: bytes) -> None:
    """Read every part, so a checksum fails on damage, and parse each XML part."""

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            with archive.open(info) as part:
                if info.filename.endswith((".xml", ".rels")):
                    expat.ParserCreate().ParseFile(part)
                else:
                    while part.read(1024 * 1024):
                        pass


def _open_workbook(stream: io.BytesIO) -> None:
    openpyxl.load_workbook(stream, read_only=True).close()


OFFICE_OPENERS = {Kind.DOCX: docx.Document, Kind.XLSX: _open_workbook}
DAMAGED = {
    Kind.PDF: "the PDF is damaged and cannot be opened. Save or export it again and "
    "upload the new copy.",
    Kind.DOCX: "the Word document is damaged or not a .docx file, so it cannot be "
    "opened. Save it again as .docx in Word and upload the new copy.",
    Kind.XLSX: "the Excel workbook is damaged or not an .xlsx file, so it cannot be "
    "opened. Save it again as .xlsx in Excel and upload the new copy.",
}


def _accepted(allowed: frozenset[Kind]) -> str:
    labels = [_article(LABELS[kind]) for kind in Kind if kind in allowed]
    listed = labels[0] if len(labels) == 1 else ", ".join(labels[:-1])
    if len(labels) > 1:
        listed += f" or {labels[-1]}"

    return f"Tandem accepts {listed} here."


def _article(label: str) -> str:
    if label == "plain text":
        return label
    return f"an {label}" if label[0] in "AEIOU" else f"a {label}"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
