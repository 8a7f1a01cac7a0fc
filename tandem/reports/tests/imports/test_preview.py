"""The heading preview behind the column-mapping form."""

import pytest

from tandem.reports.imports import SenImportError, preview_headings

from .builders import PUPIL_IDENTIFIERS, csv_bytes, pupil_rows, xlsx_bytes


def test_recognised_headings_of_a_workbook_with_a_title():
    preview = preview_headings(xlsx_bytes(pupil_rows(), title="Register"), "r.xlsx")

    assert preview.row == 3
    assert preview.headings[:3] == ("UPN", "Legal Surname", "Legal Forename")
    assert preview.recognised == {
        "year": "NC Year",
        "provision": "SEN Status",
        "need": "Primary Need",
    }
    assert preview.missing == []
    for identifier in PUPIL_IDENTIFIERS:
        assert identifier not in repr(preview)


def test_unrecognised_file_offers_its_first_row_of_headings():
    rows = [("Export",), ("Pupil", "Curric Yr", "Stage", "Need 1")]
    rows += [("Zebedee", "3", "K", "ASD", "a longer row of notes")]

    preview = preview_headings(csv_bytes(rows), "mine.csv")

    assert preview.row == 2
    assert preview.headings == ("Pupil", "Curric Yr", "Stage", "Need 1")
    assert preview.recognised == {}
    assert preview.missing == ["year", "provision"]


def test_dfe_wide_file_needs_no_mapping():
    rows = [("URN", "Total pupils", "SEN support", "EHC plan"), ("1", "2", "1", "0")]

    preview = preview_headings(csv_bytes(rows), "wide.csv")

    assert preview.is_dfe_wide
    assert preview.missing == []


@pytest.mark.parametrize("data", [b"", b"Just a title\r\n\r\n"])
def test_file_without_headings(data):
    with pytest.raises(SenImportError):
        preview_headings(data, "empty.csv")


def test_a_pupil_row_is_never_offered_as_headings():
    rows = [("Zebedee", "Quartermaine", "3", "K", "SPLD")]
    rows += [("Anastasia", "Vorobyova", "4", "E", "ASD")]

    with pytest.raises(SenImportError) as caught:
        preview_headings(csv_bytes(rows), "no-headings.csv")

    text = str(caught.value)
    assert "no-headings.csv" in text
    assert "the first row looks like pupil data" in text
    for cell in ("Zebedee", "Quartermaine", "Anastasia", "Vorobyova", "SPLD"):
        assert cell not in text
