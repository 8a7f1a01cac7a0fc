"""The sample files the command's help names, and choosing columns on the command line."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from tandem.cli import main
from tandem.testing import make_school

SAMPLES = Path(settings.BASE_DIR) / "docs" / "samples"
pytestmark = pytest.mark.django_db


def run(*argv: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_sen_data", *argv, stdout=out, stderr=err)

    return out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("sample", "summary"),
    [
        (
            "sen-register.csv",
            "10 pupils on roll, 6 on SEN support, 2 with EHC plans (10 rows read).",
        ),
        (
            "sen-counts.csv",
            "pupils on roll not given, 18 on SEN support, 3 with EHC plans "
            "(6 rows read).",
        ),
    ],
)
def test_each_sample_imports(sample: str, summary: str) -> None:
    school = make_school(name="Larch Lane Primary")

    out, _ = run(
        str(SAMPLES / sample), "--school", school.urn, "--term", "2026-27:spring"
    )

    assert out.splitlines()[0] == (
        f"Imported: Larch Lane Primary, Spring 2026/27: {summary}"
    )
    assert "Example" not in out and "A123456789012" not in out


def test_columns_named_on_the_command_line_are_used(tmp_path) -> None:
    school = make_school(name="Larch Lane Primary")
    path = tmp_path / "own-headings.csv"
    path.write_text("Forename,Year (NC),Register status\nAl,3,K\nBo,3,E\nCy,4,N\n")

    out, _ = run(
        str(path), "--school", school.urn, "--term", "2026-27:spring",
        "--column", "provision=Register status", "--column", "year=Year (NC)",
        "--dry-run",
    )  # fmt: skip

    assert out.splitlines()[0] == (
        "Checked (nothing saved): Larch Lane Primary, Spring 2026/27: 3 pupils on "
        "roll, 1 on SEN support, 1 with an EHC plan (3 rows read)."
    )


def test_unrecognised_headings_say_how_to_choose_columns(tmp_path) -> None:
    school = make_school()
    path = tmp_path / "class-list.csv"
    path.write_text("Name,Code\nAl,K\n")

    err = io.StringIO()

    with pytest.raises(CommandError) as refused:
        call_command(
            "import_sen_data", str(path), "--school", school.urn,
            "--term", "2026-27:spring", stderr=err, stdout=io.StringIO(),
        )  # fmt: skip

    assert refused.value.returncode == 2
    assert err.getvalue().splitlines()[-1] == (
        'To choose the columns yourself, add --column provision="YOUR HEADING" (and '
        "year=, need=, count= as needed); `tandem help import-sen-data` lists them."
    )


def test_a_column_that_is_not_role_equals_heading_is_refused(capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        main([
            "tandem", "import-sen-data", "x.csv", "--school", "1", "--term",
            "2026-27:spring", "--column", "pupil=Name",
        ])  # fmt: skip

    assert exited.value.code == 2
    assert (
        "'pupil=Name' is not ROLE=HEADING with ROLE one of year, provision, need, "
        "count, urn"
    ) in capsys.readouterr().err


def test_help_lists_the_columns_and_the_samples(capsys) -> None:
    main(["tandem", "help", "import-sen-data"])

    out = capsys.readouterr().out
    assert "usage: tandem import-sen-data" in out
    assert "  SEN provision     “SEN Status” or “SEN Provision” (required)" in out
    assert "docs/samples/sen-register.csv" in out


def test_a_role_chosen_twice_is_refused() -> None:
    school = make_school()

    with pytest.raises(CommandError) as refused:
        run(
            str(SAMPLES / "sen-register.csv"), "--school", school.urn,
            "--term", "2026-27:spring", "--column", "year=NC Year",
            "--column", "year=Surname",
        )  # fmt: skip

    assert refused.value.returncode == 2
    assert str(refused.value) == (
        "--column: year is chosen more than once; choose one column."
    )
