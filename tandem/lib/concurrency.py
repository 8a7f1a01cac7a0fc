"""Optimistic locking: a record carries a `version`; a save from a stale copy is refused."""

from django.db import models


class StaleEdit(Exception):
    """Someone else saved this record after it was opened; nothing was overwritten."""

    message = (
        "Someone else saved this record while you were editing it. Nothing has been "
        "overwritten: your changes are shown below so you can copy them, then reload."
    )

    def __str__(self) -> str:
        return self.message


def save_versioned(instance: models.Model, fields: list[str], *, expected: int) -> None:
    """Save `fields` only if the stored version is still `expected`; then bump it.

    The compare-and-set is one UPDATE, so two concurrent saves cannot both win.
    """

    model = type(instance)
    values = {name: getattr(instance, name) for name in fields}
    updated = model._default_manager.filter(pk=instance.pk, version=expected).update(
        version=models.F("version") + 1, **values
    )
    if updated != 1:
        raise StaleEdit()

    instance.version = expected + 1


def posted_version(value: int | None) -> int:
    """The version a form was opened at. A form without one (opened before the record
    existed, or posted without the field) gets 0, which no stored record has: its save
    is refused as stale rather than taken as the latest."""

    return value or 0
