from django.core.management.base import BaseCommand

from tandem.schools import demo


class Command(BaseCommand):
    help = "Load the demo schools if they are absent. Running it again changes nothing."

    def handle(self, *args, **options) -> None:
        created = demo.seed_demo()
        if created is None:
            self.stdout.write("The demo school is already loaded; nothing was changed.")
        else:
            self.stdout.write(
                self.style.SUCCESS(f"Loaded the demo school {created.school}.")
            )
