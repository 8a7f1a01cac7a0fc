"""`tandem qualification`: regulation 49 on the command line (see qualification_cli)."""

import sys

from django.core.management.base import BaseCommand

from tandem.duties.qualification_cli import build_parser, run
from tandem.lib.calendar import london_today


class Command(BaseCommand):
    help = build_parser().description

    def run_from_argv(self, argv: list[str]) -> None:
        """Our own parser, so a bad option is one line on stderr and exit code 2."""

        result = run(argv[2:], today=london_today())
        sys.stdout.write(result.out)
        sys.stderr.write(result.err)
        sys.exit(result.code)

    def print_help(self, prog_name: str, subcommand: str) -> None:
        """`tandem help qualification` shows our parser's options, not Django's."""

        sys.stdout.write(run(["--help"], today=london_today()).out)

    def handle(self, *args: str, **options: object) -> None:
        """Reached only through call_command(), which cannot pass our options."""

        result = run([], today=london_today())
        self.stderr.write(result.err, ending="")
        raise SystemExit(result.code)
