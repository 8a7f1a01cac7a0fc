from datetime import date

import pypdfium2 as pdfium
import pytest
from weasyprint import HTML

from tandem.compliance.pack import (
    ContentsLine,
    PackError,
    PackPart,
    assemble_pack,
    contents_html,
    page_count,
    weasyprint_contents,
)


def pdf_with_pages(title: str, pages: int) -> bytes:
    body = "".join(
        f"<p style='page-break-after: always'>{title} page {n}</p>"
        for n in range(1, pages + 1)
    )
    return HTML(string=f"<h1>{title}</h1>{body}").write_pdf()


def page_texts(pdf: bytes) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    return [page.get_textpage().get_text_range() for page in document]


def renderer():
    return weasyprint_contents(
        heading="Inspection evidence pack",
        school_name="Oakfield Primary School",
        generated_on=date(2026, 2, 3),
    )


def test_contents_numbers_match_where_each_section_starts():
    parts = [
        PackPart("SEN Information Report", pdf_with_pages("Report", 3), "Signed"),
        PackPart("Duties map", pdf_with_pages("Duties", 2)),
    ]

    texts = page_texts(
        assemble_pack(parts, render_contents=renderer(), footer="Evidence pack")
    )

    assert len(texts) == 1 + 3 + 2
    assert "SEN Information Report" in texts[0] and "2–4" in texts[0]
    assert "Duties map" in texts[0] and "5–6" in texts[0]
    assert texts[1].startswith("Report")
    assert texts[4].startswith("Duties")
    assert "Prepared on 03/02/2026." in texts[0]


def test_every_page_carries_a_numbered_footer():
    parts = [PackPart("Policy", pdf_with_pages("Policy", 2))]

    texts = page_texts(
        assemble_pack(parts, render_contents=renderer(), footer="Oakfield pack")
    )

    assert [text.splitlines()[-1] for text in texts] == [
        "Oakfield pack · page 1 of 3",
        "Oakfield pack · page 2 of 3",
        "Oakfield pack · page 3 of 3",
    ]


def test_a_long_contents_pushes_the_page_numbers_on():
    parts = [PackPart(f"Meeting record {n}", pdf_with_pages("M", 1)) for n in range(60)]

    texts = page_texts(assemble_pack(parts, render_contents=renderer(), footer="Pack"))
    contents_pages = len(texts) - 60

    assert contents_pages == 3
    assert "Meeting record 0 4\r\n" in texts[0]
    assert "Meeting record 59 63\r\n" in texts[2]
    assert texts[3].startswith("M")


def test_contents_renderer_sees_final_numbers():
    seen: list[list[ContentsLine]] = []

    def render(lines):
        seen.append(list(lines))
        return pdf_with_pages("Contents", 1)

    assemble_pack(
        [PackPart("A", pdf_with_pages("A", 2)), PackPart("B", pdf_with_pages("B", 1))],
        render_contents=render,
        footer="Pack",
    )

    assert [(line.title, line.pages) for line in seen[-1]] == [("A", "2–3"), ("B", "4")]


def test_a_broken_section_is_named():
    parts = [PackPart("Meeting record 03/02/2026", b"%PDF-1.7 not really")]

    with pytest.raises(PackError) as caught:
        assemble_pack(parts, render_contents=renderer(), footer="Pack")

    assert str(caught.value) == (
        "Meeting record 03/02/2026: the section is not a readable PDF."
    )


def test_an_empty_pack_still_has_a_contents_page_with_an_empty_state():
    texts = page_texts(assemble_pack([], render_contents=renderer(), footer="Pack"))

    assert len(texts) == 1
    assert "There are no sections to include yet." in texts[0]


def test_contents_html_escapes_titles():
    page = contents_html(
        [ContentsLine("Policy <draft> & plan", "Signed 03/02/2026", 2, 1)],
        heading="Pack",
        school_name="St Mary's & St John's",
        generated_on=date(2026, 2, 3),
    )

    assert "Policy &lt;draft&gt; &amp; plan" in page
    assert "St Mary&#x27;s &amp; St John&#x27;s" in page
    assert "<th scope='row'>" in page


def test_page_count():
    assert page_count(pdf_with_pages("X", 3)) == 3
