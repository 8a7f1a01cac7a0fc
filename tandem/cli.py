"""The `tandem` command: Django's management commands, with hyphenated names.

`tandem seed-demo` runs the `seed_demo` management command, `tandem export planner-ics ...`
runs `export`, and so on. `tandem help` lists Tandem's own commands with what each does;
`tandem help --commands` lists every command, Django's included.
"""

import difflib
import os
import re
import sys

from django.core.management import ManagementUtility, get_commands, load_command_class

# Django's commands a person running Tandem needs, beside Tandem's own.
ALSO_USEFUL = ["migrate", "createsuperuser", "changepassword", "db_worker", "check"]


class TandemUtility(ManagementUtility):
    """Hyphenated command names in, hyphenated names in usage lines and in the list."""

    def fetch_command(self, subcommand: str):  # noqa: ANN201
        name = subcommand.replace("-", "_")
        commands = get_commands()
        if name in commands:
            return super().fetch_command(name)
        hyphenated = [known.replace("_", "-") for known in commands]
        guesses = difflib.get_close_matches(subcommand.replace("_", "-"), hyphenated)
        guess = f" Did you mean {guesses[0]}?" if guesses else ""
        sys.stderr.write(f"Unknown command: {subcommand!r}.{guess}\n")
        sys.stderr.write("Type 'tandem help' for the list of commands.\n")
        sys.exit(1)

    def main_help_text(self, commands_only: bool = False) -> str:
        if commands_only:
            return super().main_help_text(commands_only=True)
        commands = get_commands()
        ours = sorted(
            name for name, app in commands.items() if app.startswith("tandem")
        )
        lines = ["Usage: tandem COMMAND [options]", "", "Tandem's commands:"]
        lines += [_summary(name, commands[name]) for name in ours]
        lines += ["", "Also useful (Django's):"]
        lines += [
            _summary(name, commands[name]) for name in ALSO_USEFUL if name in commands
        ]
        if self.settings_exception is not None:
            lines += [
                "",
                "(Tandem's own commands are not listed: its settings could not be "
                f"loaded: {str(self.settings_exception).rstrip('.')}.)",
            ]
        lines += [
            "",
            "'tandem help COMMAND' explains one command and its options;",
            "'tandem help --commands' lists every command, Django's included.",
        ]

        return "\n".join(lines)


def _summary(name: str, app: str) -> str:
    text = " ".join(load_command_class(app, name).help.split())
    first = re.split(r"(?<=[.?])\s+(?=[A-Z(])", text)[0]

    return f"  {name.replace('_', '-'):<18} {first}{'' if first[-1] in '.?' else '.'}"


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tandem.settings")
    argv[0] = "tandem"
    if len(argv) == 1:
        argv.append("help")

    TandemUtility(argv).execute()


if __name__ == "__main__":
    main()
