from io import BytesIO

import docx
from docx.oxml.ns import qn

from tandem.meetings.record import MeetingRecord
from tandem.meetings.record_docx import build_record_docx
from tandem.meetings.tests.samples import long_record, normal_record


def read(record: MeetingRecord) -> docx.document.Document:
    return docx.Document(BytesIO(build_record_docx(record)))


def rows_of(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_every_action_is_one_row_with_its_owner_and_due_date():
    record = normal_record()

    actions_table = read(record).tables[2]
    rows = rows_of(actions_table)

    assert rows[0] == ["Ref", "Action", "Owner", "Due by", "Status"]
    expected = [
        [a.reference, a.description, a.owner, f"{a.due_on:%d/%m/%Y}", a.status]
        for a in record.actions
    ]
    assert rows[1:] == expected
    assert ["A1", rows[1][1], "Mr Tom Okafor", "02/02/2026", "Done"] == rows[1]
    assert [row[4] for row in rows[1:]] == ["Done", "Withdrawn", "Open", "Open", "Open"]


def test_details_give_date_time_people_in_british_format():
    document = read(normal_record())

    assert rows_of(document.tables[0]) == [
        ["Date", "03/02/2026"],
        ["Time", "15:45 to 16:45"],
        ["Where", "SENCO office"],
        ["Attendees", "Ms Priya Shah (SENCO), Mr Tom Okafor (SEN governor)"],
        ["Apologies", "Mrs Jean Lowe (headteacher)"],
    ]
    texts = [p.text for p in document.paragraphs]
    assert texts[:2] == [
        "SENCO and SEN governor meeting record",
        "Riverside Primary School",
    ]
    assert "Governor visit to the nurture group to be arranged." in texts
    assert "Lunchtime clubs for pupils with SEN" in texts
    assert texts[-1] == "Next meeting: 10/03/2026"


def test_items_carry_key_points_and_the_decision_taken():
    rows = rows_of(read(normal_record()).tables[1])

    assert rows[0] == ["No.", "Item", "Key points and decisions"]
    assert [row[0] for row in rows[1:]] == ["1", "2", "3", "4", "5", "6"]
    assert (
        rows[3][1] == "Choose the spring learning walk focus\nDecision, Mr Tom Okafor"
    )
    assert rows[3][2] == (
        "Two options weighed.\nStaff survey results shared.\n"
        "Decision: Focus on adaptive teaching in Key Stage 2\n"
        "Why: It matches the school improvement plan."
    )


def test_rows_never_split_and_headers_repeat():
    document = read(long_record(40))
    items, actions = document.tables[1], document.tables[2]

    for table in (items, actions):
        first = table.rows[0]._tr.trPr
        assert first.find(qn("w:tblHeader")) is not None
        for row in table.rows:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None
        assert all(r._tr.trPr.find(qn("w:tblHeader")) is None for r in table.rows[1:])
    assert len(actions.rows) == 41


def test_page_is_a4_with_the_school_paper_colour():
    document = read(normal_record())
    section = document.sections[0]

    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (
        21.0,
        29.7,
    )
    background = document.element.find(qn("w:background"))
    assert background.get(qn("w:color")) == "FFF8E1"
    assert document.settings.element.find(qn("w:displayBackgroundShape")) is not None


def test_empty_record_says_so_instead_of_leaving_blanks():
    record = MeetingRecord(
        school_name="Riverside Primary School",
        held_on=normal_record().held_on,
        starts_at=normal_record().starts_at,
        paper_colour="not a colour; } body {",
    )

    document = read(record)
    texts = [p.text for p in document.paragraphs]

    assert "No agenda items were recorded." in texts
    assert "No actions were agreed." in texts
    assert "None." in texts
    assert texts[-1] == "Next meeting: to be arranged"
    assert document.element.find(qn("w:background")).get(qn("w:color")) == "FFFFFF"
