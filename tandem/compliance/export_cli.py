"""`tandem export evidence-pack --school URN --out FILE [--on DATE]`: the pack as a PDF."""

import argparse
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tandem.compliance import evidence_pack
from tandem.lib.calendar import london_today, parse_uk_date
from tandem.lib.words import counted
from tandem.schools.lookup import school_by_urn


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "evidence-pack", help="The inspection evidence pack for one school, as a PDF."
    )
    parser.add_argument("--school", metavar="URN", required=True)
    parser.add_argument(
        "-o", "--out", type=Path, required=True, help="The PDF to write."
    )
    parser.add_argument("--on", metavar="DD/MM/YYYY", help="The date on the pack.")
    parser.set_defaults(handler=export_evidence_pack)


def export_evidence_pack(command: BaseCommand, options: dict) -> None:
    school = school_by_urn(options["school"])
    pack = evidence_pack.build(school, today=_day(options["on"]))
    options["out"].write_bytes(pack.pdf)

    for section in pack.missing:
        command.stderr.write(f"Could not prepare this section: {section}.")
    command.stdout.write(f"Wrote {options['out']} ({counted(len(pack.pdf), 'byte')}).")


def _day(text: str | None) -> date:
    if text is None:
        return london_today()
    try:
        return parse_uk_date(text)
    except ValueError as error:
        raise CommandError(str(error)) from error
