"""The one way to write the audit trail."""

import logging
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import models

from tandem.audit.models import AuditEntry
from tandem.schools.models import School

logger = logging.getLogger(__name__)
SYSTEM_USERNAME = "tandem-system"


def record(
    action: str,
    obj: models.Model | None = None,
    *,
    by: AbstractBaseUser | None,
    school: School | None = None,
    changed: Iterable[str] = (),
    **ids: int | str | None,
) -> AuditEntry:
    """Append an audit entry. `changed` names fields; `ids` adds related record ids."""

    if school is None and obj is not None:
        school = obj if isinstance(obj, School) else getattr(obj, "school", None)
    data: dict = {key: value for key, value in ids.items()}
    if changed:
        data["changed"] = sorted(changed)
    entry = AuditEntry.objects.create(
        school=school,
        actor=by,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        data=data,
    )
    logger.debug("Audit %s: %s by user %s", entry.pk, action, getattr(by, "pk", None))

    return entry


def system_actor() -> AbstractBaseUser:
    """The user that command-line and scheduled jobs act as (it cannot sign in)."""

    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=SYSTEM_USERNAME,
        defaults={
            "first_name": "Tandem",
            "last_name": "(automatic)",
            "is_active": False,
        },
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])

    return user


def changed_fields(before: dict, after: dict) -> list[str]:
    """Names of the keys whose values differ between two snapshots."""

    return sorted(key for key in after if before.get(key) != after[key])
