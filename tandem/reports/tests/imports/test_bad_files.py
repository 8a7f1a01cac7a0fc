"""Bad files: one exception carrying every problem, naming file, row and field."""

import pytest

from tandem.reports.imports import SenImportError, parse_sen_file

from .builders import PUPIL_IDENTIFIERS, csv_bytes, xlsx_bytes


def problems_of(data: bytes, filename: str, **kwargs) -> list[tuple]:
    with pytest.raises(SenImportError) as caught:
        parse_sen_file(data, filename, **kwargs)

    return [(p.file, p.row, p.field, p.message) for p in caught.value.problems]


def test_every_bad_row_is_reported_at_once():
    rows = [
        ("Surname", "Forename", "NC Year", "SEN Provision", "Primary Need"),
        ("Quartermaine", "Zebedee", "Y3", "SEN Support", "ASD"),
        ("Fotheringay", "Ottoline", "Y3", "EHC Plan", "SEMH"),
        ("Pennyfeather", "Ignatius", "Y4", "N", ""),
        ("Cholmondeley", "Araminta", "Y4", "K", "MLD"),
        ("Wolstenholme", "Peregrine", "Y5", "K", "SLCN"),
        ("Featherstonehaugh", "Clementine", "Y5", "Sen Suport", "ASD"),
        ("Marchbanks", "Thelonius", "Y15", "K", "ASD"),
        ("Ravenscroft", "Philippa", "", "E", "Ravenscroft"),
    ]

    problems = problems_of(csv_bytes(rows), "autumn.csv")

    assert problems == [
        (
            "autumn.csv",
            7,
            "SEN Provision",
            "The SEN provision is not recognised; use EHC plan, SEN support or No "
            "SEN (E, K or N). Did you mean “SEN support”?",
        ),
        (
            "autumn.csv",
            8,
            "NC Year",
            "The year group is not recognised; use N1, N2, R or Y1 to Y14.",
        ),
        ("autumn.csv", 9, "NC Year", "The year group is missing."),
        (
            "autumn.csv",
            9,
            "Primary Need",
            "The primary need is not recognised; use a census code such as ASD, "
            "SEMH, SLCN or SPLD.",
        ),
    ]


def test_a_name_in_the_wrong_column_is_not_echoed():
    rows = [
        ("NC Year", "SEN Status", "Primary Need"),
        ("Zebedee Quartermaine", "Ottoline Fotheringay", "Ignatius Pennyfeather"),
    ]

    with pytest.raises(SenImportError) as caught:
        parse_sen_file(csv_bytes(rows), "muddled.csv")

    text = str(caught.value) + repr(caught.value.problems)
    for identifier in PUPIL_IDENTIFIERS:
        assert identifier not in text
    assert [(p.row, p.field) for p in caught.value.problems] == [
        (2, "SEN Status"),
        (2, "NC Year"),
    ]


def test_the_message_names_file_row_and_column():
    rows = [("NC Year", "SEN Status"), ("Y3", "Sen Suport")]

    with pytest.raises(SenImportError) as caught:
        parse_sen_file(csv_bytes(rows), "autumn.csv")

    assert str(caught.value).splitlines() == [
        "The file could not be imported (1 problem):",
        "  autumn.csv, row 2, column “SEN Status”: The SEN provision is not "
        "recognised; use EHC plan, SEN support or No SEN (E, K or N). Did you mean "
        "“SEN support”?",
    ]


@pytest.mark.parametrize(
    ("count", "message"),
    [
        ("-3", "The number of pupils cannot be negative."),
        ("three", "The number of pupils must be a whole number, such as 12."),
        ("2.5", "The number of pupils must be a whole number, such as 12."),
        ("", "The number of pupils is missing."),
    ],
)
def test_bad_counts_in_an_aggregated_file(count, message):
    rows = [("Year", "Provision", "Need", "Count"), ("Y1", "K", "ASD", "2")]
    rows += [("Y2", "K", "ASD", count)]

    assert problems_of(csv_bytes(rows), "agg.csv") == [("agg.csv", 3, "Count", message)]


def test_missing_required_columns():
    rows = [("Name", "SEN Status", "Primary Need"), ("Zebedee", "K", "ASD")]

    assert problems_of(csv_bytes(rows), "no-year.csv") == [
        (
            "no-year.csv",
            1,
            None,
            "The file has no year group column (for example “NC Year” or "
            "“Year Group”).",
        )
    ]


def test_no_heading_row_at_all():
    rows = [("Name", "Class", "Teacher"), ("Zebedee", "3B", "Mrs Jones")]

    assert problems_of(csv_bytes(rows), "class-list.csv") == [
        (
            "class-list.csv",
            None,
            None,
            "No heading row was found in the first 30 rows: the file needs a column "
            "for SEN provision (for example “SEN Status” or “SEN Provision”), or "
            "choose the columns yourself.",
        )
    ]


def test_headings_but_no_rows():
    data = csv_bytes([("NC Year", "SEN Status", "Primary Need"), ("", "", "")])

    assert problems_of(data, "empty-table.csv") == [
        (
            "empty-table.csv",
            None,
            None,
            "The file has headings but no rows of figures.",
        )
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        (b"\r\n\r\n  \n", "The file is empty."),
        (b"\xef\xbb\xbf", "The file is empty."),
        (b",,,\r\n,,,\r\n", "The file is empty."),
        (
            b"%PDF-1.7\n\x00\x01\x02binary",
            "The file is not a CSV file or an Excel (.xlsx) workbook.",
        ),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "The file is not a CSV file or an Excel (.xlsx) workbook.",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
            "This is an old-style Excel (.xls) workbook; save it as .xlsx or CSV "
            "and upload that.",
        ),
        (
            b"PK\x03\x04not really a zip",
            "The file could not be opened as an Excel (.xlsx) workbook; it may be "
            "damaged or password-protected.",
        ),
    ],
)
def test_files_that_are_not_tables(data, message):
    assert problems_of(data, "upload.bin") == [("upload.bin", None, None, message)]


def test_a_zip_that_is_not_a_workbook():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hello")

    assert problems_of(buffer.getvalue(), "fake.xlsx")[0][3].startswith(
        "The file could not be opened as an Excel (.xlsx) workbook"
    )


def test_unclosed_quote_is_read_to_the_end_without_crashing():
    data = b'NC Year,SEN Status,Primary Need\r\nY1,K,ASD\r\nY2,"K,ASD\r\nY3,E,HI\r\n'

    problems = problems_of(data, "quote.csv")

    assert [(row, field) for _, row, field, _ in problems] == [(3, "SEN Status")]


def test_xlsx_errors_use_sheet_row_numbers():
    rows = [("NC Year", "SEN Status", "Primary Need"), ("Y3", "K", "ASD")]
    rows += [("Y3", "Sen Suport", "ASD")]

    problems = problems_of(xlsx_bytes(rows, title="Register"), "register.xlsx")

    assert [(row, field) for _, row, field, _ in problems] == [(5, "SEN Status")]


def test_several_schools_need_a_urn():
    rows = [("school_urn", "sen_provision", "sen_primary_need", "pupil_count")]
    rows += [("100001", "All pupils", "All pupils", "200")]
    rows += [("100002", "All pupils", "All pupils", "300")]

    assert problems_of(csv_bytes(rows), "dfe.csv") == [
        (
            "dfe.csv",
            None,
            None,
            "The file holds figures for 2 schools; choose the school by its URN.",
        )
    ]
    assert problems_of(csv_bytes(rows), "dfe.csv", urn="999999") == [
        ("dfe.csv", None, None, "The file has no rows for the school with URN 999999.")
    ]


def test_a_workbook_that_would_unpack_to_too_much_is_refused(monkeypatch):
    import io
    import zipfile

    from tandem.reports.imports import reading

    monkeypatch.setattr(reading, "MAX_UNZIPPED_BYTES", 1024 * 1024)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (2 * 1024 * 1024))

    assert len(buffer.getvalue()) < 64 * 1024
    assert problems_of(buffer.getvalue(), "bomb.xlsx") == [
        (
            "bomb.xlsx",
            None,
            None,
            "The workbook is too large to read; export only the SEN columns.",
        )
    ]


def test_a_workbook_whose_shared_text_would_fill_memory_is_refused(monkeypatch):
    """Shared strings are loaded whole (worksheets are streamed), so a small file whose
    sharedStrings.xml unpacks past the limit is refused before openpyxl opens it."""

    import io
    import zipfile

    from tandem.reports.imports import reading

    monkeypatch.setattr(reading, "MAX_XML_PART_BYTES", 1024 * 1024)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"<x/>")
        archive.writestr("xl/sharedStrings.xml", b"\0" * (2 * 1024 * 1024))

    assert problems_of(buffer.getvalue(), "bomb.xlsx") == [
        (
            "bomb.xlsx",
            None,
            None,
            "The workbook is too large to read; export only the SEN columns.",
        )
    ]


HEADERLESS = [
    ("Zebedee", "Quartermaine", "3", "K", "SPLD"),
    ("Anastasia", "Vorobyova", "4", "E", "ASD"),
]
PUPIL_CELLS = ("Zebedee", "Quartermaine", "Anastasia", "Vorobyova")


@pytest.mark.parametrize(
    "mapping", [None, {"year": "3", "provision": "K", "need": "SPLD"}]
)
def test_a_file_without_headings_is_refused_without_echoing_a_cell(mapping):
    with pytest.raises(SenImportError) as caught:
        parse_sen_file(csv_bytes(HEADERLESS), "no-headings.csv", mapping=mapping)

    text = str(caught.value)
    assert caught.value.problems[0].file == "no-headings.csv"
    assert "No heading row was found: the first row looks like pupil data" in text
    for cell in PUPIL_CELLS:
        assert cell not in text


def test_a_mapping_of_data_values_never_turns_a_pupil_into_the_header():
    rows = [("Forename", "Surname", "NC Year", "SEN Status", "Primary Need")]
    rows += HEADERLESS
    mapping = {"year": "3", "provision": "K", "need": "SPLD"}

    result = parse_sen_file(csv_bytes(rows), "export.csv", mapping=mapping)

    assert result.rows_read == 2
    assert (result.sen_support, result.ehc_plan) == (1, 1)


def test_two_columns_for_one_role_are_refused_naming_both():
    rows = [
        ("NC Year", "SEN Status", "Primary Need", "SEN Status"),
        ("Y3", "K", "ASD", "E"),
    ]

    assert problems_of(csv_bytes(rows), "twice.csv") == [
        (
            "twice.csv",
            1,
            "SEN Status",
            "The SEN provision is in more than one column (column B and column D, "
            "both with this heading); remove or rename all but one and upload it "
            "again.",
        )
    ]


NOT_A_TABLE = "The file is not a CSV file or an Excel (.xlsx) workbook."


@pytest.mark.parametrize("name", ["report.xlsx", "report.csv", "report"])
@pytest.mark.parametrize(
    "data",
    [
        # A PDF with no zero byte near the start, so it decodes as text.
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 44 >>\nstream\n"
        + b"BT /F1 12 Tf 72 712 Td (SEN Status) Tj ET\n" * 200,
        # Binary with no signature and no zero byte.
        bytes(range(1, 32)) * 300,
    ],
)
def test_other_files_are_judged_by_content_not_name(data, name):
    assert problems_of(data, name) == [(name, None, None, NOT_A_TABLE)]
