"""`tandem reset-two-factor USERNAME`: remove a person's authenticator app (a lost phone)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from tandem.audit.services import system_actor
from tandem.lib.words import counted
from tandem.schools import two_factor


class Command(BaseCommand):
    help = (
        "Remove every authenticator app linked to an account, so its owner can sign in "
        "with the password and set up a new app. The owner is told by email."
    )

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("username", help="The account's username.")

    def handle(self, *args, **options) -> None:
        username = options["username"]
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No account is called {username!r}.") from None
        removed = two_factor.turn_off(user, by=system_actor())

        if removed:
            told = (
                "they have been told by email"
                if user.email
                else "they have no email address, so tell them yourself"
            )
            self.stdout.write(
                f"Removed {counted(removed, 'authenticator app')} from {username}; "
                f"{told}."
            )
        else:
            self.stdout.write(f"{username} has no authenticator app; nothing changed.")
