"""`tandem export planner-ics --school URN --year YYYY-YY -o FILE`."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tandem.lib.calendar import AcademicYear
from tandem.lib.words import counted
from tandem.planner.exports import plan_ics
from tandem.planner.models import AcademicYearPlan
from tandem.schools.lookup import school_by_urn

logger = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "planner-ics",
        help="The year planner as an .ics calendar file.",
        description="Write a school's year planner (FGB meetings, SENCO and SEN "
        "governor meetings, joint activities, term dates) as an .ics file.",
    )
    parser.add_argument("--school", required=True, metavar="URN")
    parser.add_argument("--year", required=True, metavar="YYYY-YY")
    parser.add_argument("-o", "--output", required=True, metavar="FILE")
    parser.set_defaults(handler=export_planner_ics)


def export_planner_ics(command: BaseCommand, options: dict) -> None:
    try:
        year = AcademicYear.parse(options["year"])
    except ValueError as error:
        raise CommandError(f"--year: {error}") from error
    school = school_by_urn(options["school"])
    plan = (
        AcademicYearPlan.objects.select_related("school")
        .filter(school=school, start_year=year.start_year)
        .first()
    )
    if plan is None:
        raise CommandError(f"{school.name} has no planner for {year.label}.")

    data = plan_ics(plan)
    path = Path(options["output"])
    try:
        path.write_bytes(data)
    except OSError as error:
        raise CommandError(f"Cannot write {path}: {error.strerror}.") from error
    logger.info("Plan %s: exported as .ics", plan.pk)
    command.stdout.write(
        f"Wrote {path} ({counted(len(data), 'byte')}) for {year.label}."
    )
