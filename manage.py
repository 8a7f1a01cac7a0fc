#!/usr/bin/env python
"""Django's manage.py; the `tandem` command does the same with hyphenated names."""

from tandem.cli import main

if __name__ == "__main__":
    main()
