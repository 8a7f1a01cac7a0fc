"""The evidence quoted for each item: the whole sentence that carries it.

Cases from the demo report: quotes cut off where a PDF line wrapped, bold run-in
headings quoted instead of the sentence after them, and an earlier sentence that
only touched an item quoted instead of the one about it.
"""

import io
from types import SimpleNamespace

import docx
import pypdfium2 as pdfium
import pytest
from django.template.loader import render_to_string

from tandem.compliance.checker.extract import extract

from .builders import check, make_docx, pdf_from_html

DEMO_QUOTES = {
    "3a": "We evaluate the impact of every intervention by comparing entry and exit "
    "measures each term, and the SENCO reports the findings to governors.",
    "3b": "Progress towards outcomes is reviewed with parents three times a year in "
    "review meetings, and annually for pupils with an education, health and care plan.",
    "3c": "High-quality teaching, adapted to individual needs, is the first step in "
    "responding to pupils who have SEN.",
    "3d": "Teachers adapt resources, seating, lighting and noise, and adjust tasks and "
    "recording methods.",
    "3e": "Teaching assistants deliver small-group interventions such as Talk Boost, "
    "precision teaching and phonics catch-up.",
    "3f": "All clubs, school trips, residential visits and PE lessons are open to all "
    "pupils: pupils with SEN take part alongside their peers, with risk assessments "
    "and extra adults where needed.",
    "3g": "Our pastoral team, an ELSA-trained teaching assistant and a nurture group "
    "support wellbeing; our anti-bullying policy is followed closely.",
    "7": "We consult parents and carers at every review, hold termly coffee mornings "
    "and involve them in planning support.",
    "10": "We involve health services, CAMHS, the school nursing team, social care and "
    "local voluntary organisations when a pupil needs their support.",
}


def _demo_report(**style: str) -> bytes:
    html = render_to_string(
        "compliance/demo/sen_information_report.html",
        {
            "school": SimpleNamespace(name="Larkspur Primary School"),
            "senco_name": "Rhiannon Talbot",
            "governor_name": "Marcus Adeyemi",
            "year": "2025/26",
        },
    )
    if style:
        css = "".join(f"{rule} {{ {value} }}" for rule, value in style.items())
        html = html.replace("</style>", css + "</style>")

    return html.encode()


@pytest.mark.parametrize(
    "style",
    [
        {},
        # A narrow page wraps every sentence over several lines and pages.
        {"@page": "size: 9cm 14cm; margin: 8mm"},
        # Loose line spacing is not taken for gaps between paragraphs.
        {"body": "line-height: 1.9"},
    ],
    ids=["a4", "narrow", "loose"],
)
def test_demo_report_pdf_quotes_the_sentence_for_each_item(style: dict) -> None:
    result = check(pdf_from_html(_demo_report(**style).decode()))

    quotes = {key: result.items[key].evidence for key in DEMO_QUOTES}
    assert quotes == DEMO_QUOTES


@pytest.mark.parametrize("reader", ["html", "pdf"])
def test_run_in_headings_are_headings_not_evidence(reader: str) -> None:
    data = _demo_report()
    result = check(pdf_from_html(data.decode()) if reader == "pdf" else data)

    assert result.items["3c"].evidence == DEMO_QUOTES["3c"]
    assert result.items["3d"].evidence == DEMO_QUOTES["3d"]
    if reader == "html":
        assert result.items["3c"].where == 'heading "Our approach to teaching"'
        assert result.items["3g"].where == (
            'heading "Emotional, mental and social development"'
        )
        # The next paragraph is back under its section heading.
        assert (
            result.items["5"].where
            == 'heading "Staff expertise and specialist support"'
        )


def test_docx_run_in_heading_is_a_heading_not_evidence() -> None:
    data = make_docx(("h1", "Support"), ("p", "Pupils are taught in their class."))
    document = docx.Document(io.BytesIO(data))
    paragraph = document.add_paragraph()
    paragraph.add_run("Our approach to teaching.").bold = True
    paragraph.add_run(" Adaptive teaching meets most needs in class.")
    buffer = io.BytesIO()
    document.save(buffer)
    result = check(buffer.getvalue())

    assert result.items["3c"].evidence == "Adaptive teaching meets most needs in class."
    assert result.items["3c"].where == 'heading "Our approach to teaching"'


WRAPPED = (
    '<html lang="en"><style>@page { size: 7cm 6cm; margin: 6mm }'
    " body { font: 10pt/1.3 sans-serif }</style>"
    "<p>Our pastoral team, an ELSA-trained teaching assistant and a nurture group "
    "support wellbeing every day.</p>"
    "<p>Teaching assistants deliver small-group interventions such as Talk Boost and "
    "precision teaching, and every intervention is reviewed each half term.</p>"
    # Hyphenated at a line end ("pur-chased"): the word is mended.
    '<p style="hyphens: auto; width: 2.4cm">Specialist equipment such as writing slopes is '
    "purchased through the SEN budget.</p>"
)


def test_pdf_sentences_are_rebuilt_across_line_and_page_breaks() -> None:
    data = pdf_from_html(WRAPPED)
    blocks = extract(data).blocks
    result = check(data)

    assert result.pages == 2  # the second paragraph runs over a page break
    assert "\u2010" in _pdf_text(data)  # and the third is hyphenated
    assert [block.text for block in blocks] == [
        "Our pastoral team, an ELSA-trained teaching assistant and a nurture group "
        "support wellbeing every day.",
        "Teaching assistants deliver small-group interventions such as Talk Boost and "
        "precision teaching, and every intervention is reviewed each half term.",
        "Specialist equipment such as writing slopes is purchased through the SEN "
        "budget.",
    ]
    assert result.items["3g"].evidence == blocks[0].text
    assert result.items["3e"].evidence == blocks[1].text
    assert result.items["6"].evidence == blocks[2].text


def _pdf_text(data: bytes) -> str:
    document = pdfium.PdfDocument(data)

    return "".join(page.get_textpage().get_text_range() for page in document)
