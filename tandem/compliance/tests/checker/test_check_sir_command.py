"""`tandem check-sir`: batch checking with JSON, CSV and readable output."""

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tandem.cli import main
from tandem.testing import make_school

CORPUS = Path(__file__).resolve().parents[4] / "bench" / "sir_corpus" / "files"
COMPLETE = CORPUS / "oakfield_complete.pdf"
SCANNED = CORPUS / "oakfield_scanned.pdf"
OAKFIELD = ["--school-name", "Oakfield Primary School", "--school-type", "mainstream"]


def run(*args: object) -> tuple[str, str, int]:
    """Run the command in-process; returns stdout, stderr and the exit status."""

    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("check_sir", *map(str, args), stdout=out, stderr=err)
    except SystemExit as exit_:
        return out.getvalue(), err.getvalue(), int(exit_.code)

    return out.getvalue(), err.getvalue(), 0


@pytest.mark.django_db
def test_json_prints_one_object_per_file_and_goes_on_after_errors() -> None:
    out, _, status = run(SCANNED, COMPLETE, *OAKFIELD, "--on", "01/12/2025", "--json")

    first, second = (json.loads(line) for line in out.splitlines())
    assert status == 1
    assert first == {
        "file": str(SCANNED),
        "error": (
            "The PDF has no text layer; it looks scanned and needs OCR (text "
            "recognition) before it can be checked."
        ),
        "error_kind": "no_text_layer",
    }
    assert second["file"] == str(COMPLETE)
    assert second["items"]["4"]["found"] is True
    assert second["items"]["9"]["where"].startswith("page ")
    assert second["senco_name"] == "Mrs Jane Harlow"
    assert second["report_date"] == "2025-09-15"
    assert second["stale"] is False
    assert second["checked_on"] == "2025-12-01"


@pytest.mark.django_db
def test_all_readable_exits_0() -> None:
    _, _, status = run(COMPLETE, *OAKFIELD, "--json")

    assert status == 0


@pytest.mark.django_db
def test_csv_has_a_header_and_a_row_per_file() -> None:
    out, _, _ = run(COMPLETE, SCANNED, *OAKFIELD, "--on", "2025-12-01", "--csv")

    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["file"] for row in rows] == [str(COMPLETE), str(SCANNED)]
    assert rows[0]["item_13"] == "found"
    assert rows[0]["local_offer_url"] == (
        "https://www.northshire.example.gov.uk/send/local-offer"
    )
    assert rows[1]["error"].startswith("The PDF has no text layer")
    assert rows[1]["error_kind"] == "no_text_layer"
    assert rows[1]["item_1"] == ""


@pytest.mark.django_db
def test_readable_summary_names_what_was_not_found(tmp_path: Path) -> None:
    copied = CORPUS / "oakfield_copied_ashbrook.txt"

    out, _, status = run(copied, *OAKFIELD, "--on", "01/12/2025")

    assert status == 0
    assert (
        f"{copied}: evidence for 23 of 24 items; dated 01/07/2023 (out of date)." in out
    )
    assert "Not found: 8 (Consulting and involving pupils in their education)" in out
    assert "Other schools named (a sign of copying): Ashbrook Primary School" in out
    assert out.rstrip().endswith("a person reads the report and decides.")


@pytest.mark.django_db
def test_a_folder_is_checked_file_by_file(tmp_path: Path) -> None:
    shutil.copy(COMPLETE, tmp_path / "b.pdf")
    (tmp_path / "sub").mkdir()
    shutil.copy(CORPUS / "herons_special.docx", tmp_path / "sub" / "a.docx")
    (tmp_path / ".hidden").write_text("ignored")

    out, _, _ = run(tmp_path, *OAKFIELD, "--json")

    files = [json.loads(line)["file"] for line in out.splitlines()]
    assert files == [str(tmp_path / "b.pdf"), str(tmp_path / "sub" / "a.docx")]


@pytest.mark.django_db
def test_missing_file_is_an_error_entry(tmp_path: Path) -> None:
    out, _, status = run(tmp_path / "nope.pdf", COMPLETE, *OAKFIELD, "--json")

    entries = [json.loads(line) for line in out.splitlines()]
    assert status == 1
    assert entries[0]["error_kind"] == "not_found"
    assert "items" in entries[1]


@pytest.mark.django_db
def test_school_record_supplies_name_and_type() -> None:
    make_school(name="Heron's Reach School", urn="654321", provision="special")

    out, _, _ = run(CORPUS / "herons_special.docx", "--school", "654321", "--json")

    entry = json.loads(out)
    assert entry["school_name"] == "Heron's Reach School"
    assert entry["school_type"] == "special"
    assert entry["not_applicable"] == ["2", "4"]


@pytest.mark.django_db
def test_unknown_school_urn_is_refused() -> None:
    with pytest.raises(CommandError, match="No school has URN 999999.") as raised:
        run(COMPLETE, "--school", "999999")

    assert raised.value.returncode == 2


@pytest.mark.django_db
def test_progress_bar_goes_to_stderr_when_asked() -> None:
    out, err, _ = run(COMPLETE, SCANNED, *OAKFIELD, "--json", "--progress")

    assert "Checking:   0%|" in err
    assert "| 0/2 [" in err
    assert "Checking: 100%|" in err
    assert "| 2/2 [" in err
    assert "oakfield_scanned.pdf]" in err  # the file in hand
    assert "Checking" not in out


@pytest.mark.django_db
def test_no_progress_bar_when_not_a_terminal() -> None:
    _, err, _ = run(COMPLETE, *OAKFIELD, "--json")

    assert err == ""


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([COMPLETE, "--school-name", "X"], "Give --school-name and --school-type"),
        ([COMPLETE, *OAKFIELD, "--school", "1"], "Give either --school or"),
        (
            [COMPLETE, "--school-name", "X", "--school-type", "grammar"],
            "invalid choice",
        ),
        ([COMPLETE, *OAKFIELD, "--on", "31/02/2025"], "is not a date"),
        ([COMPLETE, *OAKFIELD, "--json", "--csv"], "not allowed with argument"),
    ],
    ids=["no-type", "both-ways", "bad-type", "bad-date", "json-and-csv"],
)
def test_bad_options_exit_2(args: list, message: str, capsys) -> None:  # noqa: ANN001
    with pytest.raises(SystemExit) as raised:
        main(["tandem", "check-sir", *map(str, args)])

    assert raised.value.code == 2
    assert message in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.django_db
def test_progress_bar_shows_by_itself_on_a_terminal() -> None:
    err = _Terminal()

    call_command("check_sir", str(COMPLETE), *OAKFIELD, "--json", stdout=io.StringIO(),
                 stderr=err)  # fmt: skip

    assert "Checking: 100%|" in err.getvalue()
    assert "| 1/1 [" in err.getvalue()
