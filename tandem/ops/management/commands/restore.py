from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tandem.lib.words import counted
from tandem.ops.archive import ALL, BackupError
from tandem.ops.services import restore_backup

REFUSED = 2  # the file is sound but must not be restored here; nothing was changed


class Command(BaseCommand):
    help = (
        "Restore a file written by `tandem backup`: a whole installation or one school, "
        "in one transaction (all of it or nothing)."
    )

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("file", type=Path, help="The backup .zip file.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Overwrite the school with the same URN (or, for a whole-installation "
            "backup, all data) with the backup.",
        )

    def handle(self, *args, **options) -> None:
        try:
            restored = restore_backup(options["file"], replace=options["replace"])
        except BackupError as error:
            raise CommandError(
                str(error), returncode=REFUSED if error.refused else 1
            ) from None

        what = (
            "the whole installation" if restored.scope == ALL else str(restored.school)
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {what} from {options['file']}: "
                f"{counted(restored.records, 'record')} written, "
                f"{counted(restored.kept, 'matching row')} already here, and "
                f"{counted(restored.files, 'uploaded file')}."
            )
        )
