"""Reading each format, with places, and refusing what cannot be read."""

import io

import docx
import pytest

from tandem.compliance.checker import UnreadableReport
from tandem.compliance.checker.extract import extract

from .builders import check, image_pdf, make_docx, merge_pdfs, pdf_from_html, zip_with

REPORT_HTML = (
    "<h1>SEN Information Report</h1><h2>Complaints</h2>"
    "<p>Please see our complaints policy.</p>"
    '<p style="page-break-before: always">Our accessibility plan is on the website.</p>'
)


def test_pdf_passages_carry_their_page_number() -> None:
    result = check(pdf_from_html(REPORT_HTML))

    assert result.format == "pdf"
    assert result.pages == 2
    assert result.items["9"].where == "page 1"
    assert result.items["9"].evidence == "Please see our complaints policy."
    assert result.items["s69_iv"].where == "page 2"


def test_pdf_headings_are_told_apart_by_size() -> None:
    blocks = extract(pdf_from_html(REPORT_HTML)).blocks

    assert [(b.text, b.is_heading) for b in blocks[:3]] == [
        ("SEN Information Report", True),
        ("Complaints", True),
        ("Please see our complaints policy.", False),
    ]


def test_pdf_line_broken_link_is_joined() -> None:
    url = "https://www.northshire.example.gov.uk/send/local-offer"
    html = f'<p style="width: 9cm">The local offer is published at {url}.</p>'

    assert check(pdf_from_html(html)).local_offer_url == url


def test_docx_passages_sit_under_their_heading() -> None:
    data = make_docx(
        ("h1", "What if I am not happy?"),
        ("p", "Our complaints policy explains what to do."),
        ("bold", "Accessibility"),
        ("p", "Read our accessibility plan."),
        footer="Last reviewed: 03/10/2025",
    )
    result = check(data)

    assert result.format == "docx"
    assert result.items["9"].where == 'heading "What if I am not happy?"'
    assert result.items["s69_iv"].where == 'heading "Accessibility"'
    assert result.report_date.isoformat() == "2025-10-03"


def test_html_skips_navigation_and_scripts() -> None:
    html = (
        b"<!DOCTYPE html><html><head><title>x</title><script>var complaint;</script>"
        b"</head><body><nav><a href='/lo'>Local offer</a></nav>"
        b"<h2>Parents</h2><p>We meet parents each term.</p></body></html>"
    )
    result = check(html)

    assert result.format == "html"
    assert result.items["13"].found is False
    assert result.items["9"].found is False
    assert result.items["7"].where == 'heading "Parents"'


def test_html_link_addresses_are_kept() -> None:
    html = (
        b"<p>Read the <a href='https://www.example.gov.uk/localoffer'>local offer</a>"
        b" or email <a href='mailto:senco@oak.example.sch.uk'>our SENCO</a>.</p>"
    )
    result = check(html)

    assert result.local_offer_url == "https://www.example.gov.uk/localoffer"
    assert result.senco_email == "senco@oak.example.sch.uk"


def test_plain_text_headings_are_guessed() -> None:
    text = b"Complaints\nPlease read our complaints policy for details.\n"
    result = check(text)

    assert result.format == "text"
    assert result.items["9"].where == 'heading "Complaints"'


def test_html_is_read_by_content_whatever_its_name() -> None:
    result = check(b"<html><body><p>Our complaints policy.</p></body></html>",
                   name="report.pdf")  # fmt: skip

    assert result.format == "html"
    assert result.items["9"].found is True


def test_partly_scanned_pdf_warns_about_pages_without_text() -> None:
    data = merge_pdfs(pdf_from_html("<p>" + "Our complaints policy. " * 5 + "</p>"),
                      image_pdf())  # fmt: skip
    result = check(data)

    assert result.items["9"].found is True
    assert result.warnings[0] == (
        "Page 2 has no text layer (scanned?); it was not checked."
    )


@pytest.mark.parametrize(
    ("data", "kind", "message"),
    [
        (b"", "empty", "The file is empty."),
        (b"   \n\t ", "empty", "The file is empty."),
        (image_pdf(3), "no_text_layer", "The PDF has no text layer"),
        (b"%PDF-1.7\n" + b"\x00" * 100, "damaged", "The PDF is damaged"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "wrong_type", "The file is a PNG image"),
        (b"\xd0\xcf\x11\xe0" + b"\x00" * 40, "wrong_type", "The file is an old-style"),
        (b"PK\x03\x04" + b"\x00" * 40, "damaged", "The file is a damaged zip"),
        (zip_with({"mimetype": b"application/vnd.oasis.opendocument.text"}),
         "wrong_type", "The file is an OpenDocument"),
        (zip_with({"xl/workbook.xml": b"<x/>"}), "wrong_type",
         "The file is a zip archive but not a Word document"),
        (zip_with({"word/document.xml": b"not xml", "[Content_Types].xml": b"<"}),
         "damaged", "The file looks like a Word document but is damaged"),
        (bytes(range(256)), "wrong_type", "The file is not text"),
    ],
    ids=[
        "empty", "blank", "scanned", "bad-pdf", "png", "doc", "bad-zip", "odt",
        "xlsx-like", "bad-docx", "binary",
    ],
)  # fmt: skip
def test_unreadable_files(data: bytes, kind: str, message: str) -> None:
    with pytest.raises(UnreadableReport, match=message) as raised:
        check(data)

    assert raised.value.kind == kind


def test_docx_that_unpacks_too_large_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tandem.compliance.checker import read_docx

    monkeypatch.setattr(read_docx, "MAX_UNPACKED_BYTES", 100)
    data = make_docx(("p", "x" * 500))

    with pytest.raises(UnreadableReport, match="too large") as raised:
        check(data)

    assert raised.value.kind == "too_large"


def test_windows_1252_text_is_read() -> None:
    result = check(
        "Our SENCO\u2019s complaints policy \u2013 see below.".encode("cp1252")
    )

    assert result.items["9"].evidence == "Our SENCO's complaints policy - see below."


def test_html_table_rows_keep_a_contact_together() -> None:
    html = (
        b"<table><tr><th>Role</th><th>Name</th><th>Email</th></tr>"
        b"<tr><td>SENCO</td><td>Mrs Jane Harlow</td><td>jh@oak.example.sch.uk</td></tr>"
        b"</table>"
    )
    result = check(html)

    assert (
        result.items["4"].evidence == "SENCO | Mrs Jane Harlow | jh@oak.example.sch.uk"
    )
    assert result.senco_email == "jh@oak.example.sch.uk"


def test_docx_table_rows_keep_a_contact_together() -> None:
    import docx as python_docx

    document = python_docx.Document()
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("SENDCo", "Mr Tom Adebayo", "01632 960456"),
                          strict=True):  # fmt: skip
        cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    result = check(buffer.getvalue())

    assert (result.senco_name, result.senco_phone) == ("Mr Tom Adebayo", "01632 960456")
    assert result.items["4"].where == "paragraph 1"


def test_docx_content_controls_and_text_boxes_are_read() -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    body = document.element.body
    body.insert(
        0,
        parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r>"
            "<w:t>Our complaints policy is on the website.</w:t>"
            "</w:r></w:p></w:sdtContent></w:sdt>"
        ),
    )
    body.insert(
        1,
        parse_xml(
            f"<w:p {nsdecls('w')}><w:r><w:txbxContent><w:p><w:r>"
            "<w:t>See our accessibility plan.</w:t></w:r></w:p></w:txbxContent>"
            "</w:r></w:p>"
        ),
    )
    buffer = io.BytesIO()
    document.save(buffer)
    result = check(buffer.getvalue())

    assert result.items["9"].evidence == "Our complaints policy is on the website."
    assert result.items["s69_iv"].evidence == "See our accessibility plan."


def test_pdf_in_two_columns_keeps_each_column_together() -> None:
    html = (
        '<div style="columns: 2"><h2>Complaints</h2><p>'
        + "Our complaints policy is on the website and explains what to do. " * 6
        + "</p><h2>Access</h2><p>"
        + "The building has ramps and a lift to every floor for pupils. " * 6
        + "</p></div>"
    )
    blocks = extract(pdf_from_html(html)).blocks

    assert [block.text[:20] for block in blocks] == [
        "Complaints", "Our complaints polic", "Access", "The building has ram",
    ]  # fmt: skip
    assert "ramps" not in blocks[1].text
