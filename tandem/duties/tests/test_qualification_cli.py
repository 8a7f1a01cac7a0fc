import datetime as dt
import json

import pytest

from tandem.duties.qualification_cli import run

TODAY = dt.date(2025, 12, 1)


def run_json(*argv: str) -> dict:
    result = run([*argv, "--json"], today=TODAY)
    assert (result.code, result.err) == (0, "")
    return json.loads(result.out)


class TestQualificationCli:
    def test_json_for_a_senco_on_nasenco(self) -> None:
        answer = run_json(
            "--became-senco", "2024-04-01", "--course", "nasenco:2024-01-08:"
        )

        assert {k: v for k, v in answer.items() if k != "reasons"} == {
            "eligible": True,
            "duty_applies": True,
            "deadline": "2027-04-01",
            "status": "due",
        }
        assert any(r.startswith("On track:") for r in answer["reasons"])

    def test_on_defaults_to_today(self) -> None:
        answer = run_json("--became-senco", "2022-09-01")

        assert (answer["status"], answer["deadline"]) == ("overdue", "2025-09-01")

    def test_on_moves_the_evaluation_day(self) -> None:
        answer = run_json("--became-senco", "2022-09-01", "--on", "2025-09-01")

        assert answer["status"] == "due"

    def test_head_without_qts(self) -> None:
        answer = run_json(
            "--became-senco", "2020-01-01", "--head", "yes", "--qts", "no"
        )

        assert (answer["eligible"], answer["status"]) == (True, "overdue")
        assert answer["deadline"] == "2023-01-01"

    @pytest.mark.parametrize(
        ("argv", "status"),
        [
            (["--qts", "no"], "ineligible"),
            (["--induction", "no"], "ineligible"),
            (["--induction", "exempt"], "due"),
            (["--teaches-here", "no"], "ineligible"),
            (["--prior-months", "12"], "due"),
            (["--prior-months", "13"], "not_required"),
            (["--course", "npq:2024-10-14:2025-07-10"], "compliant"),
            (["--course", "npq:2024-10-14:2026-07-10"], "due"),
            (["--course", "nasenco:2024-09-01:2025-07-10"], "due"),
            (["--relevant-school", "no"], "not_required"),
        ],
    )
    def test_each_option_reaches_the_rules(self, argv: list[str], status: str) -> None:
        answer = run_json("--became-senco", "2024-10-01", *argv)

        assert answer["status"] == status

    def test_several_courses(self) -> None:
        answer = run_json(
            "--became-senco", "2024-06-01",
            "--course", "nasenco:2024-06-10:",
            "--course", "npq:2025-01-06:2025-11-30",
        )  # fmt: skip

        assert answer["status"] == "compliant"

    def test_text_output_shows_dates_as_dd_mm_yyyy(self) -> None:
        result = run(
            ["--became-senco", "2024-02-29", "--on", "2027-02-28"], today=TODAY
        )

        lines = result.out.splitlines()
        assert result.code == 0
        assert lines[0] == "On 28/02/2027: due by 28/02/2027"
        assert "Deadline: 28/02/2027" in lines
        assert lines[4:6] == ["Reasons:", lines[5]]
        assert lines[5].startswith("- Eligible: a qualified teacher")

    def test_text_output_for_overdue_and_not_required(self) -> None:
        overdue = run(
            ["--became-senco", "2024-02-29", "--on", "2027-03-01"], today=TODAY
        )
        exempt = run(["--became-senco", "2009-09-01"], today=TODAY)

        assert overdue.out.startswith("On 01/03/2027: overdue since 28/02/2027\n")
        assert exempt.out.startswith("On 01/12/2025: not required\n")
        assert "Check by hand" in exempt.out

    def test_help_exits_zero(self) -> None:
        result = run(["--help"], today=TODAY)

        assert result.code == 0
        assert "--became-senco DATE" in result.out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "the following arguments are required: --became-senco"),
        (["--became-senco", "1/9/24"], "'1/9/24' is not a date in the form dd/mm/yyyy"),
        (["--became-senco", "31/09/2024"], "'31/09/2024' is not a real date"),
        (["--became-senco", "2024-02-30"], "'2024-02-30' is not a real date"),
        (["--became-senco", "2024-09-01", "--on", "tomorrow"], "argument --on:"),
        (["--became-senco", "2024-09-01", "--qts", "maybe"], "invalid choice: 'maybe'"),
        (["--became-senco", "2024-09-01", "--prior-months", "-3"], "'-3' is not a"),
        (["--became-senco", "2024-09-01", "--course", "pgce:2024-09-01:"], "nasenco"),
        (
            ["--became-senco", "2024-09-01", "--course", "npq:2025-09-01:2025-01-01"],
            "completed before it started",
        ),
        (["--became-senco", "2024-09-01", "--course", "npq"], "'' is not a date"),
        (["--became-senco", "2024-09-01", "--colour", "red"], "unrecognized"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(argv: list[str], message: str) -> None:
    result = run(argv, today=TODAY)

    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("tandem qualification: error: ")
    assert result.err.count("\n") == 1 and result.err.endswith("\n")
    assert message in result.err
