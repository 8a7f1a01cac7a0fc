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


@pytest.fixture(scope="session", autouse=True)
def _uploads_outside_the_work_tree(tmp_path_factory):  # noqa: ANN001, ANN202
    """Uploads made by module- and session-wide fixtures (the seeded demo) go to a
    temporary folder, never to the work tree's var/uploads."""

    from django.test import override_settings

    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("session-uploads")):
        yield


@pytest.fixture(autouse=True)
def _uploads_of_its_own(settings, tmp_path_factory) -> None:  # noqa: ANN001
    """Each test stores uploads in a folder of its own, so a test that compares the upload
    folder before and after sees only its own files, never another worker's."""

    settings.MEDIA_ROOT = tmp_path_factory.mktemp("uploads")
