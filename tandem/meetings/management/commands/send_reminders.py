"""`tandem send-reminders`: email owners of open actions due soon or overdue (daily)."""

from django.core.management.base import BaseCommand, CommandError

from tandem.audit.services import system_actor
from tandem.lib.calendar import london_today, parse_uk_date
from tandem.meetings import services


class Command(BaseCommand):
    help = (
        "Email each owner their open actions that are overdue or due within a week. "
        "Run it daily; a second run on the same day sends nothing new."
    )

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument(
            "--date", help="Act as if today were this date (dd/mm/yyyy)."
        )

    def handle(self, *args, **options) -> None:
        today = london_today()
        if options["date"]:
            try:
                today = parse_uk_date(options["date"])
            except ValueError as error:
                raise CommandError(str(error)) from error
        sent = services.send_reminders(today=today, by=system_actor())

        self.stdout.write(f"Sent {sent} reminder email{'s' if sent != 1 else ''}.")
