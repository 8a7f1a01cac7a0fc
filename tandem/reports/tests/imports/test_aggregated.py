"""Aggregated files: the school's own tables and the DfE school-level files."""

import pytest

from tandem.reports.imports import SenImportError, parse_sen_file

from .builders import csv_bytes, xlsx_bytes

OWN_TABLE = [
    ("Year Group", "SEN Provision", "Primary Need", "Number of pupils"),
    ("Reception", "SEN Support", "SLCN", "3"),
    ("Reception", "No SEN", "", "27"),
    ("Year 1", "SEN Support", "SLCN", "2"),
    ("Year 1", "SEN Support", "ASD", "1"),
    ("Year 1", "EHC Plan", "ASD", "1"),
    ("Year 1", "No SEN", "", "26"),
    ("Year 2", "E", "DS", "1"),
    ("Year 2", "K", "SEMH", "4"),
    ("Year 2", "N", "", "25"),
    ("", "", "", ""),
]


@pytest.mark.parametrize("maker", [csv_bytes, xlsx_bytes])
def test_own_table_by_year_need_and_provision(maker):
    result = parse_sen_file(maker(OWN_TABLE), "table")

    assert result.source_format == "aggregated"
    assert result.rows_read == 9
    assert (result.pupils, result.sen_support, result.ehc_plan) == (90, 10, 2)
    assert result.by_year == {
        "R": {"K": 3, "E": 0, "N": 27},
        "Y1": {"K": 3, "E": 1, "N": 26},
        "Y2": {"K": 4, "E": 1, "N": 25},
    }
    assert result.by_need == {
        "SLCN": {"K": 5, "E": 0},
        "ASD": {"K": 1, "E": 1},
        "SEMH": {"K": 4, "E": 0},
        "DS": {"K": 0, "E": 1},
    }
    assert result.by_year_need["Y1"] == {
        "SLCN": {"K": 2, "E": 0},
        "ASD": {"K": 1, "E": 1},
    }
    assert result.warnings == []


def test_table_with_a_total_row_that_agrees():
    rows = [
        ("Year", "Provision", "Count"),
        ("Y1", "K", "3"),
        ("Y1", "E", "1"),
        ("Y1", "N", "26"),
        ("Total", "K", "3"),
        ("All", "All pupils", "30"),
    ]

    result = parse_sen_file(csv_bytes(rows), "totals.csv")

    assert (result.pupils, result.sen_support, result.ehc_plan) == (30, 3, 1)
    assert result.warnings == []


def test_a_total_larger_than_its_rows_is_kept():
    rows = [
        ("Year", "Provision", "Count"),
        ("Y1", "K", "3"),
        ("Y2", "K", "4"),
        ("Total", "K", "9"),
        ("Y1", "N", "20"),
    ]

    result = parse_sen_file(csv_bytes(rows), "totals.csv")

    assert result.sen_support == 9
    assert result.warnings == []


def test_a_total_smaller_than_its_rows_is_kept_with_a_warning():
    rows = [
        ("Year", "Provision", "Count"),
        ("Y1", "K", "3"),
        ("Y2", "K", "4"),
        ("Total", "K", "6"),
        ("Y1", "N", "20"),
    ]

    result = parse_sen_file(csv_bytes(rows), "totals.csv")

    assert result.sen_support == 6
    assert result.warnings == [
        "The file's total for SEN support (6) is smaller than the sum of its rows "
        "(7); the file's total was used."
    ]


def test_table_of_provision_totals_only():
    rows = [("Provision", "Count"), ("All pupils", "212"), ("K", "31"), ("E", "6")]

    result = parse_sen_file(csv_bytes(rows), "summary.csv")

    assert (result.pupils, result.sen_support, result.ehc_plan) == (212, 31, 6)
    assert result.by_year == {}
    assert result.by_need == {}


def test_table_without_roll_leaves_pupils_blank():
    rows = [("Provision", "Count"), ("K", "31"), ("E", "6")]

    result = parse_sen_file(csv_bytes(rows), "summary.csv")

    assert result.pupils is None
    assert result.warnings == [
        "The file gives no figure for pupils without SEN, so pupils on roll was "
        "left blank."
    ]


DFE_LONG_HEADINGS = (
    "time_period",
    "school_urn",
    "school_laestab",
    "school_name",
    "phase_type_grouping",
    "provision_for_asd",
    "specialist_provision_unit_type",
    "sen_provision",
    "sen_primary_need",
    "pupil_count",
)


def dfe_long_row(urn, provision, need, count):
    school = ("202425", urn, "2013614", "Example School", "State-funded primary")

    return (*school, "No", "z", provision, need, count)


def dfe_long_rows():
    support = "SEN support / SEN without an EHC plan"
    plan = "Education, health and care plan"
    rows = [DFE_LONG_HEADINGS]
    for urn, scale in (("100001", 1), ("100002", 2)):
        rows += [
            dfe_long_row(urn, "All pupils", "All pupils", str(249 * scale)),
            dfe_long_row(urn, "All SEN provision", "Total", str(40 * scale)),
            dfe_long_row(urn, support, "Total", str(33 * scale)),
            dfe_long_row(urn, support, "Autistic Spectrum Disorder", str(10 * scale)),
            dfe_long_row(
                urn, support, "Speech, Language and Communication needs", "20"
            ),
            dfe_long_row(urn, support, "Missing", "x"),
            dfe_long_row(urn, support, "Down syndrome", "z"),
            dfe_long_row(urn, plan, "Total", str(7 * scale)),
            dfe_long_row(urn, plan, "Autistic Spectrum Disorder", str(5 * scale)),
            dfe_long_row(urn, plan, "Profound & Multiple Learning Difficulty", "2"),
            dfe_long_row(urn, "No identified SEN", "Total", str(209 * scale)),
        ]

    return rows


def test_dfe_long_file_for_one_school():
    result = parse_sen_file(csv_bytes(dfe_long_rows()), "dfe.csv", urn="100001")

    assert (result.pupils, result.sen_support, result.ehc_plan) == (249, 33, 7)
    assert result.by_need == {
        "PMLD": {"K": 0, "E": 2},
        "SLCN": {"K": 20, "E": 0},
        "ASD": {"K": 10, "E": 5},
    }
    assert result.warnings == [
        "Row 8: the number of pupils is marked as not available and was left out.",
        "3 pupils with SEN support are not in the need breakdown (no primary need "
        "recorded, or figures not available), so it adds up to less than the total.",
    ]


def test_dfe_long_file_second_school_is_counted_apart():
    result = parse_sen_file(csv_bytes(dfe_long_rows()), "dfe.csv", urn="100002")

    assert (result.pupils, result.sen_support, result.ehc_plan) == (498, 66, 14)
    assert result.by_need["ASD"] == {"K": 20, "E": 10}
    assert result.by_need["SLCN"] == {"K": 20, "E": 0}


DFE_WIDE_HEADINGS = (
    "URN",
    "School_Name",
    "LAEstab",
    "Total pupils",
    "SEN support",
    "EHC plan",
    "EHC_Primary_need_asd",
    "EHC_Primary_need_semh",
    "SUP_Primary_need_asd",
    "SUP_Primary_need_mld",
    "SUP_Primary_need_nsa",
    "Prov_asd",
    "SEN_Unit",
)


def test_dfe_wide_file_picks_the_school():
    rows = [
        DFE_WIDE_HEADINGS,
        ("100001", "First School", "2013614", "310", "41", "9", "6", "3", "20")
        + ("15", "6", "1", "0"),
        ("100002", "Second School", "2013615", "1,204", "150", "40", "30", "10")
        + ("100", "40", "10", "1", "1"),
    ]

    result = parse_sen_file(csv_bytes(rows), "wide.csv", urn="100002")

    assert result.source_format == "dfe-wide"
    assert (result.pupils, result.sen_support, result.ehc_plan) == (1204, 150, 40)
    assert result.by_need == {
        "MLD": {"K": 40, "E": 0},
        "ASD": {"K": 100, "E": 30},
        "SEMH": {"K": 0, "E": 10},
        "NSA": {"K": 10, "E": 0},
    }
    assert result.warnings == []


def test_dfe_wide_file_with_a_bad_cell_names_its_heading():
    rows = [DFE_WIDE_HEADINGS, ("100001", "First", "1", "310", "lots", "9", "4")]

    with pytest.raises(SenImportError) as caught:
        parse_sen_file(csv_bytes(rows), "wide.csv")

    assert [(p.row, p.field) for p in caught.value.problems] == [(2, "SEN support")]
