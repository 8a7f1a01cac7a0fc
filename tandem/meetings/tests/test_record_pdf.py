from datetime import date

import pypdfium2

from tandem.meetings.record import ActionLog, LoggedAction, MeetingRecord
from tandem.meetings.record_pdf import (
    build_action_log_pdf,
    build_record_pdf,
    render_record_html,
)
from tandem.meetings.tests.samples import long_record, normal_record


def page_texts(record: MeetingRecord) -> list[str]:
    pdf = pypdfium2.PdfDocument(build_record_pdf(record))
    return [" ".join(page.get_textpage().get_text_range().split()) for page in pdf]


def test_a_normal_meeting_fits_on_one_a4_page():
    pdf = pypdfium2.PdfDocument(build_record_pdf(normal_record()))

    assert len(pdf) == 1
    width, height = pdf[0].get_size()
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)


def test_every_action_appears_with_its_owner_and_due_date():
    record = normal_record()
    [text] = page_texts(record)

    for action in record.actions:
        row = f"{action.reference} {action.description} {action.owner}"
        assert f"{row} {action.due_on:%d/%m/%Y} {action.status}" in text
    assert (
        "A4 Action 4: circulate the provision map summary Mr Tom Okafor 05/05/2026"
        in (text)
    )


def test_the_record_reads_like_the_toolkit_template():
    [text] = page_texts(normal_record())

    for expected in [
        "SENCO and SEN governor meeting record",
        "Riverside Primary School",
        "Date 03/02/2026 Time 15:45 to 16:45",
        "Attendees Ms Priya Shah (SENCO), Mr Tom Okafor (SEN governor)",
        "Decision: Focus on adaptive teaching in Key Stage 2",
        "Governor visit to the nurture group to be arranged.",
        "Next meeting: 10/03/2026",
        "Riverside Primary School · Meeting record 03/02/2026",
        "Page 1 of 1",
    ]:
        assert expected in text


def test_a_long_record_flows_with_headers_repeated_and_rows_whole():
    record = long_record(40)
    pages = page_texts(record)

    assert len(pages) > 2
    for action in record.actions:
        [page] = [p for p in pages if f"{action.description} " in p]
        assert (
            f"{action.owner} {action.due_on:%d/%m/%Y} Open"
            in page.split(f"{action.description} ", 1)[1][: len(action.owner) + 20]
        )
    for page in pages:
        if "circulate the provision map summary" in page:
            assert "Ref Action Owner Due by Status" in page
        if "termly review of provision" in page:
            assert "No. Item Key points and decisions" in page
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]


def test_the_page_background_is_the_school_paper_colour():
    pdf = pypdfium2.PdfDocument(build_record_pdf(normal_record()))
    image = pdf[0].render(scale=0.5).to_pil().convert("RGB")

    assert image.getpixel((2, 2)) == (0xFF, 0xF8, 0xE1)
    assert image.getpixel((image.width - 3, image.height - 3)) == (0xFF, 0xF8, 0xE1)


def test_names_with_markup_are_escaped_in_the_page_and_the_footer():
    record = MeetingRecord(
        school_name='St Mary & St John <"C of E">',
        held_on=normal_record().held_on,
        starts_at=normal_record().starts_at,
    )

    html = render_record_html(record)
    [text] = page_texts(record)

    assert '<"C of E">' not in html
    assert 'St Mary & St John <"C of E"> · Meeting record 03/02/2026' in text
    assert "No actions were agreed." in text


def test_the_action_log_lists_each_action_with_owner_dates_and_status():
    log = ActionLog(
        school_name="Riverside Primary School",
        period="2025/26",
        actions=(
            LoggedAction(
                "A1",
                "Update the SEN register",
                "Ms Priya Shah",
                date(2025, 10, 1),
                "Done",
                date(2025, 9, 16),
                closed_on=date(2025, 9, 30),
            ),
            LoggedAction(
                "A2",
                "Book the learning walk",
                "Mr Tom Okafor",
                date(2025, 11, 14),
                "Open",
                date(2025, 10, 21),
                overdue=True,
            ),
            LoggedAction(
                "A3",
                "Draft the training plan",
                "Ms Priya Shah",
                date(2026, 1, 9),
                "Open",
                date(2025, 12, 2),
            ),
        ),
    )

    pdf = pypdfium2.PdfDocument(build_action_log_pdf(log))
    text = " ".join(pdf[0].get_textpage().get_text_range().split())

    assert (
        "Action log 2025/26 Riverside Primary School Open: 2 · Done: 1 · Withdrawn: 0"
        in (text)
    )
    assert (
        "A1 Update the SEN register Ms Priya Shah 16/09/2025 01/10/2025 Done 30/09/2025"
        in (text)
    )
    assert (
        "A2 Book the learning walk Mr Tom Okafor 21/10/2025 14/11/2025 Open (overdue)"
        in (text)
    )
    assert "A3 Draft the training plan Ms Priya Shah 02/12/2025 09/01/2026 Open" in text
