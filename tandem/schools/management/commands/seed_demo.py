from django.core.management import call_command
from django.core.management.base import BaseCommand

from tandem.schools import demo


class Command(BaseCommand):
    help = (
        "Load the demo schools if they are absent (migrating the database first). "
        "Running it again changes nothing."
    )

    def handle(self, *args, **options) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        created = demo.seed_demo()
        if created is None:
            self.stdout.write("The demo school is already loaded; nothing was changed.")
        else:
            self.stdout.write(
                self.style.SUCCESS(f"Loaded the demo school {created.school}.")
            )
