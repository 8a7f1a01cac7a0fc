import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from tandem.ops.sweep import sweep_uploads


class Command(BaseCommand):
    help = "Remove uploaded files that no record refers to (run daily beside backups)."

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument(
            "--hours",
            type=int,
            default=24,
            help="Only files older than this many hours (default 24).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List the files without removing them.",
        )

    def handle(self, *args, **options) -> None:
        orphans = sweep_uploads(
            older_than=dt.timedelta(hours=options["hours"]),
            now=timezone.now(),
            dry_run=options["dry_run"],
        )
        verb = "Would remove" if options["dry_run"] else "Removed"
        self.stdout.write(f"{verb} {len(orphans)} file(s) no record refers to.")
