"""`tandem check-sir PATH... --school-name NAME --school-type mainstream|special`.

Checks SEN Information Reports (PDF, .docx, HTML or text) against Schedule 1 and
section 69(3)(b), for a trust or local authority with many to read. A folder is read
file by file. `--json` prints one JSON object per line, one per file; `--csv` prints a
header and one row per file. A file that cannot be read gets an error entry and the rest
go on. Exit status: 0 when every file was read, 1 when any could not be, 2 on bad
options. The checker looks for evidence; a person decides.
"""

import argparse
import csv
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from tandem.compliance.checker import (
    CSV_FIELDS,
    DISCLAIMER,
    ITEMS_BY_KEY,
    SCHOOL_TYPES,
    CheckerError,
    UnreadableReport,
    check_report,
    csv_row,
    error_entry,
)
from tandem.compliance.checker.extract import MAX_FILE_BYTES
from tandem.lib.calendar import format_date, london_today, parse_uk_date
from tandem.schools.lookup import school_by_urn


class Command(BaseCommand):
    help = (
        "Check SEN Information Reports (PDF, .docx, HTML or text) against Schedule 1 "
        "and section 69(3)(b); it looks for evidence, and a person decides. Exit "
        "status: 0 when every file was read, 1 when any could not be, 2 on bad options."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "paths", nargs="+", type=Path, metavar="PATH",
            help="Report files, or folders of them.",
        )  # fmt: skip
        parser.add_argument("--school-name", metavar="NAME", help="The school's name.")
        parser.add_argument(
            "--school-type", choices=SCHOOL_TYPES,
            help="Items 2 and 4 of Schedule 1 do not apply to special schools.",
        )  # fmt: skip
        parser.add_argument(
            "--school", metavar="URN",
            help="Take the name and type from this school's record in Tandem instead.",
        )  # fmt: skip
        parser.add_argument(
            "--on", type=_date, metavar="DATE",
            help="Check as on this date, dd/mm/yyyy (default: today).",
        )  # fmt: skip
        output = parser.add_mutually_exclusive_group()
        output.add_argument(
            "--json", action="store_true", help="One JSON object a line."
        )
        output.add_argument("--csv", action="store_true", help="CSV with a header row.")
        parser.add_argument(
            "--progress", action="store_true",
            help="Show a progress bar on stderr (shown anyway on a terminal).",
        )  # fmt: skip

    def handle(self, *args: Any, **options: Any) -> None:
        school_name, school_type = _school(options)
        on = options["on"] or london_today()
        files = list(_files(options["paths"]))
        if not files:
            raise CommandError("No files to check in the paths given.", returncode=2)
        show_progress = options["progress"] or self.stderr.isatty()

        if options["csv"]:
            writer = csv.DictWriter(
                self.stdout, fieldnames=CSV_FIELDS, lineterminator="\n"
            )
            writer.writeheader()
        failures = 0
        progress = tqdm(
            files, desc="Checking", unit=" files", file=self.stderr._out,
            disable=not show_progress, dynamic_ncols=True,
        )  # fmt: skip
        for path in progress:
            progress.set_postfix_str(path.name[:30])
            entry = _check(path, school_name, school_type, on)
            failures += "error" in entry
            if options["json"]:
                self.stdout.write(json.dumps(entry, ensure_ascii=False))
            elif options["csv"]:
                writer.writerow(csv_row(entry))
            else:
                self.stdout.write(self._summary(entry))
        progress.close()
        if not options["json"] and not options["csv"]:
            self.stdout.write(DISCLAIMER)

        if failures:
            sys.exit(1)

    def _summary(self, entry: dict[str, Any]) -> str:
        """A few readable lines for one file."""

        if "error" in entry:
            return self.style.ERROR(
                f"{entry['file']}: cannot be read. {entry['error']}"
            )
        missing = _missing(entry)
        applicable = len(entry["items"]) - len(entry["not_applicable"])
        contacts = (entry["senco_name"], entry["senco_email"], entry["senco_phone"])

        lines = [
            f"{entry['file']}: evidence for {applicable - len(missing)} of {applicable}"
            f" items; {_dated(entry)}.",
            "  Not found: " + ("; ".join(missing) if missing else "none."),
            "  SENCO: "
            + (", ".join(part for part in contacts if part) or "not found."),
            f"  Local offer link: {entry['local_offer_url'] or 'not found.'}",
        ]
        if entry["other_schools"]:
            schools = ", ".join(entry["other_schools"])
            lines.append(f"  Other schools named (a sign of copying): {schools}")
        if entry["claims"]:
            names = ", ".join(claim["name"] for claim in entry["claims"])
            lines.append(f"  Services and partnerships to confirm: {names}")
        lines.extend(f"  Note: {warning}" for warning in entry["warnings"])

        return "\n".join(lines)


def _missing(entry: dict[str, Any]) -> list[str]:
    skipped = set(entry["not_applicable"])

    return [
        f"{key} ({ITEMS_BY_KEY[key].title})"
        for key, item in entry["items"].items()
        if key not in skipped and not item["found"]
    ]


def _dated(entry: dict[str, Any]) -> str:
    if not entry["report_date"]:
        return "no date found (out of date)"
    when = format_date(date.fromisoformat(entry["report_date"]))

    return f"dated {when}" + (" (out of date)" if entry["stale"] else "")


def _date(text: str) -> date:
    try:
        return parse_uk_date(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def _school(options: dict[str, Any]) -> tuple[str, str]:
    """The school's name and type, from the options or from its record."""

    if options["school"]:
        if options["school_name"] or options["school_type"]:
            raise CommandError(
                "Give either --school or --school-name and --school-type, not both.",
                returncode=2,
            )
        school = school_by_urn(options["school"])
        return school.name, school.provision
    if not options["school_name"] or not options["school_type"]:
        raise CommandError(
            "Give --school-name and --school-type (or --school URN).", returncode=2
        )

    return options["school_name"], options["school_type"]


def _files(paths: list[Path]) -> Iterator[Path]:
    """Each path given; a folder gives its files, sorted, leaving out hidden ones."""

    for path in paths:
        if path.is_dir():
            yield from sorted(
                child
                for child in path.rglob("*")
                if child.is_file()
                and not any(
                    part.startswith(".") for part in child.relative_to(path).parts
                )
            )
        else:
            yield path


def _check(path: Path, school_name: str, school_type: str, on: date) -> dict[str, Any]:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UnreadableReport("The file is larger than 50 MB.", kind="too_large")
        data = path.read_bytes()
        result = check_report(
            data, str(path), school_name=school_name, school_type=school_type, on=on
        )
    except FileNotFoundError:
        return error_entry(str(path), "No such file.", kind="not_found")
    except OSError as error:
        return error_entry(
            str(path), f"The file cannot be opened ({error.strerror}).", kind="os_error"
        )
    except UnreadableReport as error:
        return error_entry(str(path), str(error), kind=error.kind)
    except CheckerError as error:
        return error_entry(str(path), str(error), kind="error")

    return result.to_json()
