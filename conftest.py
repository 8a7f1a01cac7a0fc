"""Project-wide pytest set-up: local development settings unless the environment says otherwise."""

import os

os.environ.setdefault("TANDEM_DEBUG", "true")
os.environ.setdefault(
    "DJANGO_ALLOW_ASYNC_UNSAFE", "true"
)  # Playwright's loop beside the ORM
