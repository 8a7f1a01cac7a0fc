"""The result's JSON shape (what check-sir prints and the app saves) and its CSV."""

import csv
import io
import json
from datetime import date

import pytest

from tandem.compliance.checker import (
    CSV_FIELDS,
    ITEM_KEYS,
    CheckerError,
    CheckResult,
    error_entry,
    to_csv,
)

from .builders import check

REPORT = (
    b"SEN Information Report\n\nLast reviewed: 10/09/2025.\n\n"
    b"Who is our SENCO?\n\nOur SENCO is Mrs Jane Harlow. Email senco@oak.example.sch.uk."
    b"\n\nComplaints\n\n=cmd| please read our complaints policy.\n\n"
    b"We work with Ashbrook Primary School and the Northshire Outreach Service.\n"
)
ISSUE_KEYS = {
    "items", "senco_name", "senco_email", "senco_phone", "local_offer_url",
    "report_date", "stale", "other_schools", "claims",
}  # fmt: skip


def test_json_has_the_issue_shape() -> None:
    output = check(REPORT).to_json()

    assert ISSUE_KEYS <= set(output)
    assert list(output["items"]) == [
        "1", "2", "3", "3a", "3b", "3c", "3d", "3e", "3f", "3g", "4", "5", "6", "7",
        "8", "9", "10", "11", "12", "13", "s69_i", "s69_ii", "s69_iii", "s69_iv",
    ]  # fmt: skip
    assert output["items"]["4"] == {
        "found": True,
        "evidence": "Our SENCO is Mrs Jane Harlow.",
        "where": 'heading "Who is our SENCO?"',
    }
    assert output["items"]["1"] == {"found": False, "evidence": None, "where": None}
    assert output["report_date"] == "2025-09-10"
    assert output["stale"] is False
    assert output["other_schools"] == ["Ashbrook Primary School"]
    assert output["claims"][0]["name"] == "Northshire Outreach Service"
    assert json.loads(json.dumps(output)) == output


def test_from_json_gives_back_the_same_result() -> None:
    result = check(REPORT)

    again = CheckResult.from_json(json.loads(json.dumps(result.to_json())))

    assert again == result
    assert again.report_date == date(2025, 9, 10)


def test_from_json_refuses_something_else() -> None:
    with pytest.raises(KeyError):
        CheckResult.from_json({"file": "x"})


def test_special_school_marks_items_2_and_4_not_applicable() -> None:
    result = check(REPORT, school_type="special")

    assert result.not_applicable == ["2", "4"]
    assert result.applicable_count == len(ITEM_KEYS) - 2


def test_unknown_school_type_is_refused() -> None:
    with pytest.raises(CheckerError, match="School type must be one of"):
        check(REPORT, school_type="grammar")


def test_csv_flattens_one_row_per_file_and_error() -> None:
    entries = [
        check(REPORT, name="a.txt").to_json(),
        error_entry(
            "b.pdf", "The PDF is damaged and cannot be opened.", kind="damaged"
        ),
    ]

    rows = list(csv.DictReader(io.StringIO(to_csv(entries))))

    assert list(rows[0]) == CSV_FIELDS
    assert rows[0]["file"] == "a.txt"
    assert rows[0]["item_4"] == "found"
    assert rows[0]["item_1"] == "not found"
    assert rows[0]["item_4_where"] == 'heading "Who is our SENCO?"'
    assert rows[0]["stale"] == "no"
    assert rows[0]["items_found"] == "2"
    assert rows[0]["other_schools"] == "Ashbrook Primary School"
    assert rows[1] == {
        **{name: "" for name in CSV_FIELDS},
        "file": "b.pdf",
        "error": "The PDF is damaged and cannot be opened.",
        "error_kind": "damaged",
    }


def test_csv_marks_not_applicable_and_defuses_formulas() -> None:
    entry = check(REPORT, school_type="special").to_json()

    row = next(csv.DictReader(io.StringIO(to_csv([entry]))))

    assert row["item_2"] == "not applicable"
    assert row["item_9_evidence"] == "'=cmd| please read our complaints policy."
