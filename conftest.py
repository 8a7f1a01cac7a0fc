"""Project-wide pytest set-up: local development settings unless the environment says otherwise."""

import os

import pytest

os.environ.setdefault("TANDEM_DEBUG", "true")
os.environ.setdefault(
    "DJANGO_ALLOW_ASYNC_UNSAFE", "true"
)  # Playwright's loop beside the ORM


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix) -> None:  # noqa: ANN001
    """Test databases on PostgreSQL need not wait for the disk on every commit."""

    from django.conf import settings

    database = settings.DATABASES["default"]
    if "postgresql" in database["ENGINE"]:
        database.setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"


@pytest.fixture(autouse=True)
def _no_login_throttling_unless_asked(request, settings) -> None:  # noqa: ANN001
    """django-axes needs a request at authenticate(); tests that use client.login turn it
    off. Tests of throttling itself mark themselves `login_throttling`."""

    if "login_throttling" not in request.keywords:
        settings.AXES_ENABLED = False
