from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tandem.lib.words import counted
from tandem.ops.archive import BackupError, write_backup
from tandem.schools.lookup import school_by_urn


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
        school = school_by_urn(options["school"]) if options["school"] else None
        try:
            written = write_backup(options["file"], school=school)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error

        what = (
            "the whole installation" if school is None else f"{school} ({school.urn})"
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {what}: {counted(written.records, 'record')} and "
                f"{counted(written.files, 'uploaded file')} to {written.path}."
            )
        )
        for name in written.missing_files:
            self.stderr.write(
                f"Warning: the uploaded file {name} is missing; not backed up."
            )
