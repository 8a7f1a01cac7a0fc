import io
import zipfile

import docx
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tandem.compliance import hashing
from tandem.fuzzing import needing_a_newer_zip_version
from tandem.lib.uploads import (
    ALL_KINDS,
    Kind,
    UploadRejected,
    sniff_upload,
)

# The smallest PDF with one page; pdfium rebuilds the cross-reference table it lacks.
PDF = (
    b"%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
    b"2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
    b"3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\n"
    b"trailer <</Root 1 0 R>>\n%%EOF\n"
)
HTML = b"<!DOCTYPE html>\n<html lang='en'><body><h1>SEN report</h1></body></html>"


def make_docx() -> bytes:
    document = docx.Document()
    document.add_heading("SEN Information Report", level=1)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_zip(members: dict[str, bytes], *, encrypted: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    data = bytearray(buffer.getvalue())
    if encrypted:  # set the "encrypted" flag bit in every local and central header
        for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            start = data.find(signature)
            while start != -1:
                data[start + offset] |= 0x1
                start = data.find(signature, start + 4)
    return bytes(data)


@pytest.mark.parametrize(
    ("data", "filename", "kind"),
    [
        (PDF, "report.pdf", Kind.PDF),
        (b"\n\n" + PDF, "report.PDF", Kind.PDF),
        (PDF, "report", Kind.PDF),
        (make_docx(), "report.docx", Kind.DOCX),
        (HTML, "report.html", Kind.HTML),
        (
            b"\xef\xbb\xbf  <html><head><title>x</title></head></html>",
            "r.htm",
            Kind.HTML,
        ),
        (b"<h1>Our SEN offer</h1><p>We identify needs early.</p>", "r.html", Kind.HTML),
    ],
    ids=["pdf", "pdf-upper-ext", "pdf-no-ext", "docx", "html", "html-bom", "fragment"],
)
def test_recognises_documents_by_content(data, filename, kind):
    sniffed = sniff_upload(data, filename)

    assert sniffed.kind is kind
    assert sniffed.size == len(data)


def test_text_is_accepted_only_where_allowed():
    data = "Our SENCo is Ms Patel. Café\n".encode()

    assert sniff_upload(data, "notes.txt", allowed=ALL_KINDS).kind is Kind.TEXT
    with pytest.raises(UploadRejected) as caught:
        sniff_upload(data, "notes.txt")
    assert str(caught.value) == (
        "notes.txt: this is plain text; Tandem accepts a PDF, a Word document "
        "(.docx) or a web page (HTML) here."
    )


def test_content_type_and_extension_follow_the_content():
    sniffed = sniff_upload(make_docx(), "report.docx")

    assert sniffed.content_type.endswith("wordprocessingml.document")
    assert sniffed.extension == ".docx"
    assert sniff_upload(PDF, "x.pdf").content_type == "application/pdf"


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"", "report.pdf", "report.pdf: the file is empty. Choose the file again."),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100),
            "report.doc",
            "report.doc: this is an older Word (.doc) or Office file. Save it as "
            ".docx or PDF and upload that.",
        ),
        (
            make_zip({"xl/workbook.xml": b"<workbook/>"}),
            "numbers.xlsx",
            "numbers.xlsx: this is an Excel workbook (.xlsx); Tandem accepts a PDF, "
            "a Word document (.docx), a web page (HTML) or plain text here.",
        ),
        (
            make_zip({"word/document.xml": b"<w/>"}, encrypted=True),
            "locked.docx",
            "locked.docx: the Word document is password-protected. Remove the "
            "password first.",
        ),
        (
            b"PK\x03\x04 truncated",
            "broken.docx",
            "broken.docx: the file looks like a damaged zip or Word file and cannot "
            "be opened.",
        ),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "scan.png",
            "scan.png: this is not a PDF, Word (.docx), HTML or text file, so Tandem "
            "cannot read it.",
        ),
        (
            "Caf\u00e9".encode("cp1252"),
            "notes.txt",
            "notes.txt: the text is not UTF-8 (a byte at position 3 cannot be read). "
            "Save it as UTF-8 and upload it again.",
        ),
        (
            "\ufeffreport".encode("utf-16-le"),
            "notes.txt",
            "notes.txt: this text is saved as UTF-16. Save it as UTF-8 and upload "
            "that.",
        ),
    ],
    ids=["empty", "doc", "xlsx", "encrypted", "bad-zip", "image", "cp1252", "utf16"],
)
def test_rejects_with_a_message_naming_the_file(data, filename, message):
    with pytest.raises(UploadRejected) as caught:
        sniff_upload(data, filename, allowed=ALL_KINDS - {Kind.XLSX})

    assert str(caught.value) == message
    assert caught.value.filename == filename


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (
            make_docx(),
            "report.pdf",
            "report.pdf: the name says a PDF but the content is a Word document "
            "(.docx). Check you chose the right file, or rename it to end in .docx.",
        ),
        (
            HTML,
            "report.docx",
            "report.docx: the name says a Word document (.docx) but the content is "
            "a web page (HTML). Check you chose the right file, or rename it to end "
            "in .html.",
        ),
        (
            PDF,
            "report.html",
            "report.html: the name says a web page (HTML) but the content is a PDF. "
            "Check you chose the right file, or rename it to end in .pdf.",
        ),
    ],
    ids=["docx-as-pdf", "html-as-docx", "pdf-as-html"],
)
def test_refuses_a_name_that_claims_another_format(data, filename, message, caplog):
    with pytest.raises(UploadRejected) as caught:
        sniff_upload(data, filename)

    assert str(caught.value) == message
    assert caplog.records[0].levelname == "WARNING"
    assert filename not in caplog.text


def test_size_limit_is_inclusive_and_says_both_sizes():
    data = PDF + bytes(2 * 1024 * 1024 - len(PDF))

    assert sniff_upload(data, "big.pdf", max_bytes=len(data)).kind is Kind.PDF
    with pytest.raises(UploadRejected) as caught:
        sniff_upload(data, "big.pdf", max_bytes=1024 * 1024)
    assert str(caught.value).startswith(
        "big.pdf: the file is 2.0 MB; the largest Tandem accepts is 1.0 MB."
    )


LOCKED_PDF = PDF.replace(
    b"trailer <</Root 1 0 R>>",
    b"4 0 obj <</Filter /Standard /V 1 /R 2 /P -4 /O <" + b"11" * 32 + b"> /U <"
    + b"22" * 32 + b">>> endobj\ntrailer <</Root 1 0 R /Encrypt 4 0 R /ID [<"
    + b"ab" * 16 + b"><" + b"ab" * 16 + b">]>>",
)  # fmt: skip


def make_xlsx() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active.append(["Year", "Pupils"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def replace_part(data: bytes, name: str, content: bytes) -> bytes:
    """The same zip with one part's content swapped (checksums stay right)."""

    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(buffer, "w") as out,
    ):
        for info in source.infolist():
            part = content if info.filename == name else source.read(info.filename)
            out.writestr(info, part)
    return buffer.getvalue()


def flip_a_byte_inside(data: bytes, name: str) -> bytes:
    """Damage one part's compressed bytes, as a broken download or disk would."""

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    damaged = bytearray(data)
    damaged[start + info.compress_size // 2] ^= 0xFF
    return bytes(damaged)


DOCX_BODY = "word/document.xml"
SHEET = "xl/worksheets/sheet1.xml"


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (
            PDF[: len(PDF) // 2],
            "cut.pdf",
            "cut.pdf: the PDF is damaged and cannot be opened. Save or export it "
            "again and upload the new copy.",
        ),
        (
            LOCKED_PDF,
            "locked.pdf",
            "locked.pdf: the PDF is password-protected. Remove the password first.",
        ),
        (
            flip_a_byte_inside(make_docx(), DOCX_BODY),
            "report.docx",
            "report.docx: the Word document is damaged or not a .docx file, so it "
            "cannot be opened. Save it again as .docx in Word and upload the new copy.",
        ),
        (
            replace_part(make_docx(), DOCX_BODY, b"<w:document><w:body>"),
            "report.docx",
            "report.docx: the Word document is damaged or not a .docx file, so it "
            "cannot be opened. Save it again as .docx in Word and upload the new copy.",
        ),
        (
            make_zip({"word/document.xml": b"<w:document/>"}),
            "report.docx",
            "report.docx: the Word document is damaged or not a .docx file, so it "
            "cannot be opened. Save it again as .docx in Word and upload the new copy.",
        ),
        (
            replace_part(make_xlsx(), SHEET, b"<worksheet><sheetData><row>"),
            "costs.xlsx",
            "costs.xlsx: the Excel workbook is damaged or not an .xlsx file, so it "
            "cannot be opened. Save it again as .xlsx in Excel and upload the new copy.",
        ),
        (
            HTML.replace(b"SEN report", b"SEN\x00\x01report"),
            "report.html",
            "report.html: the web page holds binary data, so it is damaged. Save the "
            "page again as HTML and upload the new copy.",
        ),
    ],
    ids=[
        "pdf-cut",
        "pdf-locked",
        "docx-bad-checksum",
        "docx-broken-xml",
        "docx-missing-parts",
        "xlsx-broken-sheet",
        "html-binary",
    ],
)
def test_a_file_that_would_not_open_is_refused(data, filename, message, caplog):
    with pytest.raises(UploadRejected) as caught:
        sniff_upload(data, filename, allowed=ALL_KINDS)

    assert str(caught.value) == message
    assert filename not in caplog.text


def test_a_workbook_that_opens_is_accepted_where_allowed():
    assert sniff_upload(make_xlsx(), "costs.xlsx", allowed=ALL_KINDS).kind is Kind.XLSX


def test_only_the_base_name_is_reported():
    with pytest.raises(UploadRejected) as caught:
        sniff_upload(b"", "C:\\fakepath/../uploads/report.pdf")

    assert caught.value.filename == "report.pdf"


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=4096), name=st.sampled_from(["a.pdf", "a.docx", "a"]))
def test_any_bytes_are_either_identified_or_rejected_with_the_name(data, name):
    try:
        sniffed = sniff_upload(data, name, allowed=ALL_KINDS)
    except UploadRejected as error:
        assert str(error).startswith(f"{name}: ")
        assert str(error).endswith(".")
    else:
        assert sniffed.kind in Kind
        assert sniffed.size == len(data)


@given(st.text())
def test_normalising_text_twice_changes_nothing(text):
    once = hashing.normalise_text(text)

    assert hashing.normalise_text(once) == once
    assert "\r" not in once


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_a_small_file_that_unpacks_to_a_huge_part_is_refused_unopened(kind) -> None:
    """A zip bomb: 17 MB of empty paragraphs or cells packs into a few kilobytes, and
    opening it would build a tree of gigabytes; it is refused from the zip's directory."""

    buffer = io.BytesIO()
    if kind == "docx":
        docx.Document().save(buffer)
        part = "word/document.xml"
    else:
        openpyxl.Workbook().save(buffer)
        part = "xl/worksheets/sheet1.xml"
    huge = b"<?xml version='1.0'?><x>" + b"<p/>" * (17 * 1024 * 1024 // 4) + b"</x>"
    data = _with_part(buffer.getvalue(), part, huge)
    assert len(data) < 100 * 1024

    with pytest.raises(UploadRejected) as refused:
        sniff_upload(data, f"report.{kind}", allowed=ALL_KINDS)

    assert "too large once unpacked: one of its parts holds over 16 MB of text" in str(
        refused.value
    )


def _with_part(original: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(original)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(
                info.filename,
                content if info.filename == name else source.read(info.filename),
            )

    return out.getvalue()


def test_a_zip_needing_a_newer_zip_version_is_refused_as_damaged() -> None:
    buffer = io.BytesIO()
    docx.Document().save(buffer)

    with pytest.raises(UploadRejected) as refused:
        sniff_upload(needing_a_newer_zip_version(buffer.getvalue()), "report.docx")

    assert "damaged" in str(refused.value)
    assert str(refused.value).startswith("report.docx: ")
