"""Pupil-level exports: one row per pupil, counted and dropped."""

import logging

import pytest

from tandem.reports.imports import SenImportError, parse_sen_file

from .builders import (
    EXPECTED_BY_NEED,
    EXPECTED_BY_YEAR,
    PUPIL_HEADINGS,
    PUPIL_IDENTIFIERS,
    PUPILS,
    csv_bytes,
    pupil_rows,
    xlsx_bytes,
)

SHAPES = {
    "csv-utf8-bom-comma": lambda: csv_bytes(pupil_rows()),
    "csv-cp1252-semicolon": lambda: csv_bytes(
        pupil_rows(), separator=";", encoding="cp1252"
    ),
    "csv-utf8-lf-no-bom": lambda: csv_bytes(
        pupil_rows(), encoding="utf-8", newline="\n"
    ),
    "csv-tab-utf16": lambda: csv_bytes(pupil_rows(), separator="\t", encoding="utf-16"),
    "csv-blank-trailing-rows": lambda: csv_bytes(
        [*pupil_rows(), [""] * 9, [], [""] * 9]
    ),
    "xlsx-title-and-formatted-rows": lambda: xlsx_bytes(
        pupil_rows(), title="SEN register at 01/10/2025", formatted_empty_rows=50
    ),
    "xlsx-plain": lambda: xlsx_bytes(pupil_rows(), dates=False),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_every_shape_gives_the_same_counts(shape):
    result = parse_sen_file(SHAPES[shape](), f"register-{shape}")

    assert result.source_format == "pupil-level"
    assert result.rows_read == 12
    assert result.pupils == 12
    assert result.sen_support == 5
    assert result.ehc_plan == 3
    assert result.by_year == EXPECTED_BY_YEAR
    assert result.by_need == EXPECTED_BY_NEED
    assert result.by_year_need["Y4"] == {
        "SPLD": {"K": 1, "E": 0},
        "DS": {"K": 0, "E": 1},
    }


def test_warnings_name_rows_not_pupils():
    result = parse_sen_file(csv_bytes(pupil_rows()), "register.csv")

    assert result.warnings == [
        "Row 11: the retired status “Statement” was counted as an EHC plan.",
        "1 pupil with SEN support is not in the need breakdown (no primary need "
        "recorded, or figures not available), so it adds up to less than the total.",
    ]


def test_xlsx_rows_are_numbered_as_excel_shows_them():
    result = parse_sen_file(xlsx_bytes(pupil_rows(), title="SEN register"), "r.xlsx")

    # Title on row 1, blank row 2, headings on row 3, the Statement pupil on row 13.
    assert result.warnings[0].startswith("Row 13:")


def test_no_identifier_leaves_the_function(caplog):
    caplog.set_level(logging.DEBUG)
    result = parse_sen_file(csv_bytes(pupil_rows()), "register.csv")

    everything = repr(result) + repr(result.as_json()) + caplog.text
    for identifier in PUPIL_IDENTIFIERS:
        assert identifier not in everything


def test_json_shape_of_the_command():
    result = parse_sen_file(csv_bytes(pupil_rows()), "register.csv")

    assert result.as_json() == {
        "pupils": 12,
        "sen_support": 5,
        "ehc_plan": 3,
        "by_year": {
            "N2": {"K": 1, "E": 0},
            "R": {"K": 1, "E": 0},
            "Y3": {"K": 1, "E": 1},
            "Y4": {"K": 1, "E": 1},
            "Y11": {"K": 1, "E": 1},
        },
        "by_need": EXPECTED_BY_NEED,
        "warnings": result.warnings,
    }


def test_headings_in_other_wordings_and_cases():
    rows = [
        ("forename", "year_group", "sen_provision", "primary_sen_need"),
        ("Zebedee", "Y5", "K", "MLD"),
        ("Ottoline", "Y5", "E", "ASD"),
        ("Ignatius", "Y6", "N", ""),
    ]

    result = parse_sen_file(csv_bytes(rows), "other.csv")

    assert result.by_year == {
        "Y5": {"K": 1, "E": 1, "N": 0},
        "Y6": {"K": 0, "E": 0, "N": 1},
    }
    assert result.by_need == {"MLD": {"K": 1, "E": 0}, "ASD": {"K": 0, "E": 1}}


def test_nc_year_wins_over_a_year_column_holding_the_academic_year():
    rows = [
        ("Year", "NC Year", "SEN Status", "Primary Need"),
        ("2025/26", "Y2", "SEN Support", "SLCN"),
    ]

    result = parse_sen_file(csv_bytes(rows), "two-years.csv")

    assert result.by_year == {"Y2": {"K": 1, "E": 0, "N": 0}}


def test_mapping_chosen_by_the_user():
    rows = [
        ("Pupil", "Curric Yr", "Stage", "Need 1"),
        ("Zebedee", "Year 7", "SEN Support", "SEMH"),
        ("Ottoline", "Year 8", "EHCP", "VI"),
    ]
    mapping = {"year": "Curric Yr", "provision": "Stage", "need": "Need 1"}

    result = parse_sen_file(csv_bytes(rows), "mine.csv", mapping=mapping)

    assert result.sen_support == 1
    assert result.ehc_plan == 1
    assert result.by_need == {"SEMH": {"K": 1, "E": 0}, "VI": {"K": 0, "E": 1}}


def test_mapping_with_a_heading_the_file_lacks():
    rows = [("Pupil", "Curric Yr", "Stage"), ("Zebedee", "Y7", "K")]

    with pytest.raises(SenImportError) as caught:
        parse_sen_file(csv_bytes(rows), "mine.csv", mapping={"year": "NC Yr"})

    assert [(p.row, p.field) for p in caught.value.problems] == [(None, "NC Yr")]
    assert "year group" in caught.value.problems[0].message


def test_unknown_mapping_role_is_a_programming_error():
    with pytest.raises(ValueError, match="surname"):
        parse_sen_file(b"a,b\n1,2\n", "x.csv", mapping={"surname": "a"})


def test_file_without_need_column_counts_provision_and_warns():
    rows = [("NC Year", "SEN Status"), ("Y1", "K"), ("Y1", "N"), ("Y2", "E")]

    result = parse_sen_file(csv_bytes(rows), "no-need.csv")

    assert (result.pupils, result.sen_support, result.ehc_plan) == (3, 1, 1)
    assert result.by_need == {}
    assert result.warnings == [
        "The file has no primary need column, so needs were not counted."
    ]


def test_footer_rows_without_figures_are_skipped_with_a_warning():
    rows = [
        ("Name", "NC Year", "SEN Status", "Primary Need"),
        ("Zebedee", "Y1", "K", "ASD"),
        ("Ottoline", "Y1", "No SEN", ""),
        ("Printed 01/10/2025 by the office", "", "", ""),
    ]

    result = parse_sen_file(csv_bytes(rows), "footer.csv")

    assert result.pupils == 2
    assert result.warnings == [
        "Row 4: left out, as there is no year group, provision or need."
    ]


def test_many_warning_rows_are_summarised():
    rows = [("NC Year", "SEN Status", "Primary Need")]
    rows += [("Y9", "Statement", "HI")] * 11

    result = parse_sen_file(csv_bytes(rows), "statements.csv")

    assert result.ehc_plan == 11
    assert result.warnings == [
        "Rows 2, 3, 4, 5, 6, 7, 8, 9 and 3 more: the retired status “Statement” "
        "was counted as an EHC plan.",
        "The file gives no figure for pupils without SEN, so pupils on roll was "
        "left blank.",
    ]


def test_a_register_of_sen_pupils_only_leaves_the_roll_blank():
    rows = [("NC Year", "SEN Status", "Primary Need"), ("Y1", "K", "ASD")]

    result = parse_sen_file(csv_bytes(rows), "sen-register.csv")

    assert result.pupils is None
    assert (result.sen_support, result.ehc_plan) == (1, 0)
    assert result.as_json()["pupils"] is None


def test_headings_are_the_only_text_carried_from_the_file():
    assert PUPIL_HEADINGS[6] == "SEN Status"
    assert len(PUPILS) == 12


def test_progress_is_reported_every_thousand_rows():
    rows = [("NC Year", "SEN Status", "Primary Need")]
    rows += [("Y5", "N", "")] * 2500
    seen = []

    result = parse_sen_file(csv_bytes(rows), "big.csv", progress=seen.append)

    assert seen == [1000, 2000]
    assert result.pupils == 2500


def test_a_saved_mapping_that_does_not_fit_falls_back_to_recognition():
    mapping = {"year": "Curric Yr", "provision": "Stage"}

    result = parse_sen_file(
        xlsx_bytes(pupil_rows(), title="Register"), "r.xlsx", mapping=mapping
    )

    assert (result.pupils, result.sen_support, result.ehc_plan) == (12, 5, 3)
    assert result.warnings[0].startswith("Row 13: the retired status")
    assert (
        "The saved column choices do not match this file's headings, so its columns "
        "were recognised from their wording."
    ) in result.warnings


def test_excel_separator_hint_line():
    data = b"sep=;\r\nNC Year;SEN Status;Primary Need\r\nY1;K;ASD\r\nY1;Monitoring;\r\n"

    result = parse_sen_file(data, "hint.csv")

    assert result.by_year == {"Y1": {"K": 1, "E": 0, "N": 1}}


def test_pupils_with_no_curriculum_year_count_in_their_own_row() -> None:
    from tandem.reports.imports import parse_sen_file

    data = (
        b"Surname,Forename,NC Year,SEN Status,Primary Need\n"
        b"Quill,Ada,X,EHC Plan,PMLD\n"
        b"Rowe,Ben,X,SEN Support,SLD\n"
        b"Stone,Cai,Y3,No Special Educational Need,\n"
    )

    result = parse_sen_file(data, "special.csv")

    assert (result.pupils, result.sen_support, result.ehc_plan) == (3, 1, 1)
    assert result.by_year["X"] == {"K": 1, "E": 1, "N": 0}
