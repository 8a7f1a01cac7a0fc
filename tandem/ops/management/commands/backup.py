from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tandem.ops.archive import BackupError, write_backup
from tandem.schools.models import School


class Command(BaseCommand):
    help = (
        "Back up the whole installation, or one school with --school URN, to a .zip file "
        "that `tandem restore` reads."
    )

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("file", type=Path, help="The .zip file to write.")
        parser.add_argument(
            "--school", metavar="URN", help="Back up only this school and its data."
        )

    def handle(self, *args, **options) -> None:
        school = None
        if options["school"]:
            school = School.objects.filter(urn=options["school"]).first()
            if school is None:
                raise CommandError(f"No school here has the URN {options['school']}.")
        try:
            written = write_backup(options["file"], school=school)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error

        what = (
            "the whole installation" if school is None else f"{school} ({school.urn})"
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {what}: {written.records} records and {written.files} "
                f"uploaded files to {written.path}."
            )
        )
        for name in written.missing_files:
            self.stderr.write(
                f"Warning: the uploaded file {name} is missing; not backed up."
            )
