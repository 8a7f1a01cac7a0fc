import os
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from tandem.schools import demo

# The background worker that prepares evidence packs, polling twice a second.
WORKER = [
    sys.executable,
    "-m",
    "tandem.cli",
    "db_worker",
    "--interval",
    "0.5",
    "--no-reload",
]


class Command(BaseCommand):
    help = (
        "Migrate, load the demo school if absent, print the logins and serve Tandem "
        "(with the background worker that prepares evidence packs)."
    )

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument(
            "--addrport",
            default="127.0.0.1:8000",
            help="Where to serve, e.g. 127.0.0.1:8123 when port 8000 is taken.",
        )
        parser.add_argument(
            "--no-serve",
            action="store_true",
            help="Prepare the demo but do not start the server.",
        )

    def handle(self, *args, **options) -> None:
        address = served_at(options["addrport"])
        if "TANDEM_BASE_URL" not in os.environ:  # links in emails point at this server
            settings.TANDEM_BASE_URL = os.environ["TANDEM_BASE_URL"] = address
        call_command("migrate", interactive=False, verbosity=0)
        demo.seed_demo()
        self.stdout.write(self.style.SUCCESS("Tandem demo: Larkspur Primary School"))
        self.stdout.write(f"Open {address}/ and sign in as:")
        for username, role in demo.DEMO_LOGINS:
            self.stdout.write(f"  {username:<16} {role}")
        self.stdout.write(f"Every demo password is: {demo.DEMO_PASSWORD}")
        if not options["no_serve"]:
            self._serve(options["addrport"])

    def _serve(self, addrport: str) -> None:
        """The web server, with the background worker beside it for long work."""

        worker = subprocess.Popen(WORKER)  # noqa: S603 (our own command, no shell)
        try:
            call_command("runserver", addrport, use_reloader=False)
        finally:
            worker.terminate()
            worker.wait(timeout=30)


def served_at(addrport: str) -> str:
    """The address runserver serves `addrport` at ("8123" alone is a port)."""

    host, _, port = addrport.rpartition(":")

    return f"http://{host or '127.0.0.1'}:{port}"
