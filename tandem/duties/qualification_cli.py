"""`tandem qualification`: regulation 49 from the command line, as a pure function.

`run(argv, today=...)` parses the options, applies the rule module and returns the exit
code with what to print, so it is tested without Django; the management command only
passes its arguments through. Bad dates or options give a one-line error and exit 2.
"""

import argparse
import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import NoReturn

from tandem.duties.qualification import (
    Assessment,
    Course,
    CourseKind,
    Induction,
    SencoFacts,
    assess,
    headline,
)
from tandem.lib.calendar import parse_uk_date

PROG = "tandem qualification"
_UK_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_YES_NO = {"yes": True, "no": False}


@dataclass(frozen=True)
class CliResult:
    code: int
    out: str = ""
    err: str = ""


class _Stop(Exception):
    def __init__(self, code: int, message: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises instead of printing and exiting."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.printed: list[str] = []

    def _print_message(self, message: str, file: object = None) -> None:
        self.printed.append(message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        raise _Stop(status, message or "")

    def error(self, message: str) -> NoReturn:
        raise _Stop(2, f"{PROG}: error: {message}")


def run(argv: list[str], *, today: dt.date) -> CliResult:
    """Parse `argv`, assess, and return what to print and the exit code."""

    parser = build_parser()
    try:
        options = parser.parse_args(argv)
        facts = _facts(options)
    except _Stop as stop:
        if stop.code == 0:
            return CliResult(0, out="".join(parser.printed))
        return CliResult(stop.code, err=_one_line(stop.message) + "\n")

    on = options.on or today
    result = assess(facts, on=on)
    if options.json:
        return CliResult(0, out=json.dumps(result.as_json(), indent=2) + "\n")

    return CliResult(0, out=render_text(result, on=on))


def build_parser() -> _Parser:
    parser = _Parser(
        prog=PROG,
        description=(
            "Is this person eligible to be SENCO, and must they hold the SENCO"
            " qualification yet? (SEND Regulations 2014, regulation 49.)"
        ),
    )
    parser.add_argument(
        "--became-senco",
        type=cli_date,
        required=True,
        metavar="DATE",
        help="the day they took up the SENCO post here (dd/mm/yyyy)",
    )
    parser.add_argument(
        "--prior-months",
        type=months,
        default=0,
        metavar="N",
        help="months they were a SENCO at another relevant school before (default 0)",
    )
    parser.add_argument(
        "--qts", choices=_YES_NO, default="yes", help="holds qualified teacher status"
    )
    parser.add_argument(
        "--induction",
        choices=[i.value for i in Induction],
        default="yes",
        help="has completed statutory induction (or is exempt)",
    )
    parser.add_argument(
        "--teaches-here",
        choices=_YES_NO,
        default="yes",
        help="works as a teacher at this school",
    )
    parser.add_argument(
        "--head", choices=_YES_NO, default="no", help="is the headteacher"
    )
    parser.add_argument(
        "--relevant-school",
        choices=_YES_NO,
        default="yes",
        help="the school must have a SENCO (maintained, academy, PRU, nursery)",
    )
    parser.add_argument(
        "--course",
        type=course,
        action="append",
        default=[],
        metavar="nasenco|npq:START:COMPLETED",
        help=(
            "a qualification course, dates dd/mm/yyyy; COMPLETED may be empty "
            "(repeat as needed)"
        ),
    )
    parser.add_argument(
        "--on",
        type=cli_date,
        metavar="DATE",
        help="judge as on this day (default today)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")

    return parser


def cli_date(text: str) -> dt.date:
    """A date written dd/mm/yyyy, as everywhere in Tandem, or yyyy-mm-dd."""

    if not (_UK_DATE.fullmatch(text) or _ISO_DATE.fullmatch(text)):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date in the form dd/mm/yyyy"
        )
    try:
        return parse_uk_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a real date") from None


def months(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of months")

    return int(text)


def course(text: str) -> Course:
    """nasenco|npq:START:COMPLETED, where COMPLETED may be empty."""

    kind, _, dates = text.partition(":")
    start, _, completed = dates.partition(":")
    if kind not in {k.value for k in CourseKind}:
        raise argparse.ArgumentTypeError(
            f"{text!r}: the course must start with nasenco or npq"
        )
    started = cli_date(start)
    finished = cli_date(completed) if completed else None
    try:
        return Course(CourseKind(kind), started, finished)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r}: {error}") from None


def render_text(result: Assessment, *, on: dt.date) -> str:
    """The human-readable answer, dates shown dd/mm/yyyy."""

    lines = [
        f"On {on:%d/%m/%Y}: {headline(result)}",
        f"Eligible to be SENCO: {_yes(result.eligible)}",
        f"Qualification duty applies: {_yes(result.duty_applies)}",
    ]
    if result.deadline:
        lines.append(f"Deadline: {result.deadline:%d/%m/%Y}")
    lines += ["Reasons:", *(f"- {reason}" for reason in result.reasons)]
    if result.review:
        lines.append("Check by hand: some facts sit on a boundary (see above).")

    return "\n".join(lines) + "\n"


def _facts(options: argparse.Namespace) -> SencoFacts:
    return SencoFacts(
        became_senco=options.became_senco,
        qts=_YES_NO[options.qts],
        induction=Induction(options.induction),
        teaches_here=_YES_NO[options.teaches_here],
        is_head=_YES_NO[options.head],
        prior_months=options.prior_months,
        courses=tuple(options.course),
        relevant_school=_YES_NO[options.relevant_school],
    )


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _one_line(message: str) -> str:
    return " ".join(message.split())
