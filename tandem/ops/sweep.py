"""Uploaded files that no record points at (left by a transaction that rolled back)."""

import datetime as dt
import logging
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import models

logger = logging.getLogger(__name__)


def referenced_files() -> set[str]:
    """The storage names of every file any model's FileField holds."""

    names: set[str] = set()
    for model in apps.get_models():
        fields = [
            f.name for f in model._meta.get_fields() if isinstance(f, models.FileField)
        ]
        for field in fields:
            names.update(
                name
                for name in model._default_manager.exclude(**{field: ""}).values_list(
                    field, flat=True
                )
                if name
            )
    return names


def orphaned_uploads(*, older_than: dt.timedelta, now: dt.datetime) -> list[Path]:
    """Files under MEDIA_ROOT that no record refers to and that are older than the
    given age (younger ones may belong to a transaction still running)."""

    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return []
    keep = referenced_files()
    cutoff = (now - older_than).timestamp()

    return sorted(
        path
        for path in root.rglob("*")
        if path.is_file()
        and path.relative_to(root).as_posix() not in keep
        and path.stat().st_mtime < cutoff
    )


def sweep_uploads(
    *, older_than: dt.timedelta, now: dt.datetime, dry_run: bool = False
) -> list[Path]:
    orphans = orphaned_uploads(older_than=older_than, now=now)
    if not dry_run:
        for path in orphans:
            path.unlink()
    logger.info(
        "Uploads: %s orphaned files %s", len(orphans), "found" if dry_run else "removed"
    )

    return orphans
