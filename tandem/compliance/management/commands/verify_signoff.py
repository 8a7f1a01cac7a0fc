"""`tandem verify-signoff FILE [--school URN]`: is this file the one the governors signed?

Exit status 0 when the file is a signed version, 1 when it is not (or matches only an
unsigned version), 2 when the file or school cannot be found.
"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tandem.compliance import hashing
from tandem.compliance.models import SignOff
from tandem.compliance.verification import Verdict, verify
from tandem.schools.lookup import school_by_urn
from tandem.schools.models import School


class Command(BaseCommand):
    help = "Tell whether a file is exactly a document version the governors signed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="The file to check.")
        parser.add_argument(
            "--school", metavar="URN", help="Only this school's records."
        )

    def handle(self, *args, **options) -> None:  # noqa: ANN002, ANN003
        path: Path = options["file"]
        school = _school(options["school"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(
                f"{path}: cannot be read ({error.strerror}).", returncode=2
            ) from error

        result = verify(data, school=school)
        self.stdout.write(f"{path.name}\nSHA-256: {hashing.grouped(result.digest)}")
        for sign_off in result.sign_offs:
            self.stdout.write(self.style.SUCCESS(_signed_line(sign_off)))
        if result.verdict == Verdict.NOT_SIGNED:
            for version in result.versions:
                self.stdout.write(
                    f"Matches {version.document.title}, version {version.number} "
                    f"({version.document.school.name}), which has not been signed off."
                )
        if result.verdict == Verdict.NO_MATCH:
            self.stdout.write(
                "Not signed: this file matches no version stored in Tandem. If it was "
                "meant to be a signed document, it has been changed since."
            )
        if result.verdict != Verdict.SIGNED:
            sys.exit(1)


def _school(urn: str | None) -> School | None:
    if urn is None:
        return None
    return school_by_urn(urn)


def _signed_line(sign_off: SignOff) -> str:
    version = sign_off.document_version
    names = ", ".join(
        f"{line.name} ({line.role}) on {line.confirmed_on:%d/%m/%Y}"
        for line in sign_off.signatories.all()
    )
    return (
        f"Signed: {version.document.title}, version {version.number}, "
        f"{version.document.school.name} (URN {version.document.school.urn}). "
        f"Confirmed by {names}."
    )
