"""The `tandem` command: Django's management commands, with hyphenated names.

`tandem seed-demo` runs the `seed_demo` management command, `tandem export planner-ics ...`
runs `export`, and so on; `tandem help` lists them all.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tandem.settings")
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    if len(argv) > 2 and argv[1] == "help" and not argv[2].startswith("-"):
        argv[2] = argv[2].replace("-", "_")

    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
