"""`tandem export termly-report --school URN --term YYYY-YY:TERM --format pdf|docx -o FILE`.

The command line acts for the governing body pack, so the export is the governors'
version: small counts suppressed, exactly as a governor sees it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from django.core.management.base import CommandError

from tandem.lib.calendar import london_today
from tandem.lib.words import counted
from tandem.reports import exports
from tandem.reports.models import TermlyReport
from tandem.reports.presenting import Audience
from tandem.reports.terms import TermKey
from tandem.schools.lookup import school_by_urn

logger = logging.getLogger(__name__)


def register(subparsers) -> None:  # noqa: ANN001
    parser = subparsers.add_parser(
        "termly-report", help="A termly SEND report as PDF or Word, for governors."
    )
    parser.add_argument("--school", required=True, metavar="URN")
    parser.add_argument(
        "--term",
        required=True,
        metavar="YYYY-YY:TERM",
        help="For example 2026-27:autumn.",
    )
    parser.add_argument("--format", required=True, choices=["pdf", "docx"])
    parser.add_argument("-o", "--output", required=True, metavar="FILE")
    parser.add_argument(
        "--senco-view",
        action="store_true",
        help="Show every number (the SENCO's own copy) instead of the governors' one.",
    )
    parser.set_defaults(handler=handle)


def handle(command, options: dict) -> None:  # noqa: ANN001
    try:
        key = TermKey.parse(options["term"])
    except ValueError as error:
        raise CommandError(str(error)) from error
    school = school_by_urn(options["school"])
    report = TermlyReport.objects.filter(
        school=school, academic_year=key.academic_year, term=key.term
    ).first()
    if report is None:
        raise CommandError(f"{school.name} has no report for {key.label}.")

    senco = options.get("senco_view", False)
    if report.is_draft and not senco:
        raise CommandError(
            f"The {key.label} report is still a draft; governors see it once it is "
            "submitted (use --senco-view for the SENCO's own copy)."
        )
    audience = Audience(
        suppress=not senco, threshold=school.suppression_threshold, drafts=senco
    )
    build = exports.report_pdf if options["format"] == "pdf" else exports.report_docx
    data = build(report, audience, today=london_today())
    Path(options["output"]).write_bytes(data)

    logger.info("TermlyReport %s: exported as %s", report.pk, options["format"])
    command.stdout.write(f"Wrote {options['output']} ({counted(len(data), 'byte')}).")
