from django.core.management.base import BaseCommand, CommandError

from tandem.schools.plugins import app_modules


class Command(BaseCommand):
    help = (
        "Export a file for a governing body pack: the planner's calendar, a meeting's "
        "record, a termly report or the inspection evidence pack. "
        "`tandem export --help` lists them."
    )

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        subparsers = parser.add_subparsers(dest="what", required=True, metavar="WHAT")
        for module in app_modules("export_cli"):
            module.register(subparsers)

    def handle(self, *args, **options) -> None:
        handler = options.get("handler")
        if handler is None:
            raise CommandError("Say what to export; `tandem export --help` lists them.")
        handler(self, options)
