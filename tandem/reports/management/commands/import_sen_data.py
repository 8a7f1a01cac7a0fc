"""`tandem import-sen-data FILE --school URN --term 2025-26:autumn [--dry-run] [--json]`

Reads a management-system or DfE export and puts its counts into that term's
report, starting the report (as a copy of the last one) if there is none yet. A
bad file prints every problem and exits with status 2; nothing is saved.
"""

import argparse
import json
import logging
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from tqdm import tqdm

from tandem.audit.services import system_actor
from tandem.lib.words import counted
from tandem.reports.imports import ImportResult, SenImportError, parse_sen_file
from tandem.reports.imports.headings import (
    ROLE_EXAMPLES,
    ROLE_LABELS,
    mapping_looks_like_data,
)
from tandem.reports.models import ReportLocked
from tandem.reports.services import apply_sen_import, get_or_start_report
from tandem.reports.terms import TermKey
from tandem.schools.lookup import school_by_urn
from tandem.schools.models import School

logger = logging.getLogger(__name__)

BAD_FILE = 2
PROGRESS_FROM_BYTES = 1024 * 1024


def term_argument(text: str) -> TermKey:
    try:
        return TermKey.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def column_argument(text: str) -> tuple[str, str]:
    """ROLE=HEADING, e.g. provision="SEN Code": the user's own choice of a column."""

    role, _, heading = text.partition("=")
    role = role.strip().lower()
    if role not in ROLE_LABELS or not heading.strip():
        roles = ", ".join(ROLE_LABELS)
        raise argparse.ArgumentTypeError(
            f"{text!r} is not ROLE=HEADING with ROLE one of {roles}"
        )

    return role, heading.strip()


def column_choices(chosen: list[tuple[str, str]]) -> dict[str, str]:
    """--column choices as {role: heading}: each role once, and headings, not data."""

    roles = [role for role, _ in chosen]
    if repeated := sorted({role for role in roles if roles.count(role) > 1}):
        raise CommandError(
            f"--column: {repeated[0]} is chosen more than once; choose one column.",
            returncode=BAD_FILE,
        )
    for role, heading in chosen:
        if mapping_looks_like_data({role: heading}):
            raise CommandError(
                f"--column: {role}=… looks like a pupil's data, not a column heading; "
                "give the heading at the top of the column.",
                returncode=BAD_FILE,
            )

    return dict(chosen)


COLUMNS_HELP = """
The file is a management-system export with one row per pupil, or a table of counts.
Tandem finds the columns by their headings:
  year group        {year}
  SEN provision     {provision} (required)
  primary need      {need}
  number of pupils  {count} (a table of counts only)
  school URN        {urn} (a file covering several schools only)
Any other column (names, dates of birth, UPNs) is ignored and never stored. When the
headings differ, name the columns yourself: --column provision="SEN Code".
Samples: docs/samples/sen-register.csv (one row per pupil) and
docs/samples/sen-counts.csv (counts).
""".format(**{role: examples for role, examples in ROLE_EXAMPLES.items()})


COLUMN_HINT = (
    'To choose the columns yourself, add --column provision="YOUR HEADING" (and year=, '
    "need=, count= as needed); `tandem help import-sen-data` lists them."
)


class Command(BaseCommand):
    help = "Import SEN numbers from a CSV or .xlsx export into a termly report."

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: object):  # noqa: ANN201
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.epilog = COLUMNS_HELP
        parser.formatter_class = argparse.RawDescriptionHelpFormatter

        return parser

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="CSV or .xlsx export")
        parser.add_argument("--school", required=True, metavar="URN")
        parser.add_argument(
            "--term", required=True, type=term_argument, metavar="YYYY-YY:TERM",
            help="for example 2025-26:autumn (autumn, spring or summer)",
        )  # fmt: skip
        parser.add_argument(
            "--dry-run", action="store_true", help="check and count, but save nothing"
        )
        parser.add_argument(
            "--json", action="store_true", help="print the counts as JSON"
        )
        parser.add_argument(
            "--column",
            type=column_argument,
            action="append",
            default=[],
            metavar="ROLE=HEADING",
            help="use this column for a role (year, provision, need, count, urn); "
            "repeat as needed",
        )

    def handle(self, *args: object, **options: object) -> None:
        path: Path = options["file"]  # type: ignore[assignment]
        key: TermKey = options["term"]  # type: ignore[assignment]
        school = school_by_urn(options["school"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}.") from None

        result = self._parse(
            data,
            path.name,
            school,
            mapping=column_choices(options["column"]),  # type: ignore[arg-type]
            as_json=bool(options["json"]),
        )
        if not options["dry_run"]:
            self._save(school, key, result)
        self._report(result, school, key, options)

    def _parse(
        self,
        data: bytes,
        filename: str,
        school: School,
        *,
        mapping: dict[str, str],
        as_json: bool,
    ) -> ImportResult:
        try:
            return parse_sen_file(
                data,
                filename,
                mapping=mapping or None,
                urn=school.urn,
                progress=self._progress(len(data)),
            )
        except SenImportError as error:
            logger.warning(
                "School %s: SEN import refused (problems: %s)",
                school.pk,
                len(error.problems),
            )
            if as_json:
                problems = [
                    {
                        "file": p.file,
                        "row": p.row,
                        "field": p.field,
                        "message": p.message,
                    }
                    for p in error.problems
                ]
                self.stdout.write(
                    json.dumps({"errors": problems}, indent=2, ensure_ascii=False)
                )
            else:
                self.stderr.write(str(error))
                if "choose the columns yourself" in str(error):
                    self.stderr.write(COLUMN_HINT)
            raise CommandError(
                "Nothing was imported; correct the file and try again.",
                returncode=BAD_FILE,
            ) from None
        finally:
            self._end_progress()

    def _save(self, school: School, key: TermKey, result: ImportResult) -> None:
        by = system_actor()
        try:
            with transaction.atomic():
                report = get_or_start_report(school, key.academic_year, key.term, by=by)
                apply_sen_import(report, result, by=by)
        except ReportLocked:
            raise CommandError(
                f"The {key.label} report has been submitted to governors, so its "
                "numbers cannot be changed."
            ) from None

    def _report(
        self, result: ImportResult, school: School, key: TermKey, options: dict
    ) -> None:
        if options["json"]:
            self.stdout.write(
                json.dumps(result.as_json(), indent=2, ensure_ascii=False)
            )
            return
        pupils = (
            "pupils on roll not given"
            if result.pupils is None
            else f"{counted(result.pupils, 'pupil')} on roll"
        )
        verb = "Checked (nothing saved)" if options["dry_run"] else "Imported"
        self.stdout.write(
            f"{verb}: {school.name}, {key.label}: {pupils}, "
            f"{result.sen_support:,} on SEN support, "
            f"{counted(result.ehc_plan, 'with an EHC plan', 'with EHC plans')} "
            f"({counted(result.rows_read, 'row')} read)."
        )
        for warning in result.warnings:
            self.stdout.write(f"Warning: {warning}")

    def _progress(self, size: int):  # noqa: ANN202 - a callback or None
        """A running count of rows on a terminal, for files big enough to wait for."""

        stream = getattr(self.stderr, "_out", sys.stderr)
        self._bar = tqdm(
            desc="Reading rows", unit=" rows", file=stream,
            disable=size < PROGRESS_FROM_BYTES or not stream.isatty(),
        )  # fmt: skip
        return lambda rows: self._bar.update(rows - self._bar.n)

    def _end_progress(self) -> None:
        self._bar.close()
