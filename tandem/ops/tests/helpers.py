"""Builders for the backup tests: snapshots of a school's data and doctored backup files."""

import json
import zipfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Q

from tandem.audit.models import AuditEntry
from tandem.meetings.models import Meeting
from tandem.schools.models import Membership, School, TeamMember

RESTORED = "ops.backup.restored"


def school_snapshot(urn: str) -> dict[str, list[dict]]:
    """Every stored value of a school's data, read without the code under test."""

    school = School.objects.get(urn=urn)
    entries = AuditEntry.objects.filter(school=school).exclude(action=RESTORED)
    members = Q(memberships__school=school)
    users = get_user_model().objects.filter(members | Q(audit_entries__in=entries))
    by_pk = "pk"

    return {
        "school": list(School.objects.filter(pk=school.pk).values()),
        "memberships": list(school.memberships.order_by(by_pk).values()),
        "team": list(TeamMember.objects.filter(school=school).order_by(by_pk).values()),
        "meetings": list(
            Meeting.objects.filter(school=school).order_by(by_pk).values()
        ),
        "audit": list(entries.order_by(by_pk).values()),
        "users": list(users.distinct().order_by(by_pk).values()),
    }


def backup(path: Path, urn: str | None = None) -> Path:
    if urn is None:
        call_command("backup", str(path))
    else:
        call_command("backup", str(path), "--school", urn)

    return path


def restore(path: Path, *args: str) -> None:
    call_command("restore", str(path), *args)


def rewrite(path: Path, name: str, change) -> Path:  # noqa: ANN001
    """Copy a backup to a sibling file with one member changed by `change(text) -> text`."""

    doctored = path.with_name(f"doctored-{path.name}")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(doctored, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == name:
                content = change(content.decode()).encode()
            target.writestr(item, content)

    return doctored


def read_part(path: Path, name: str):  # noqa: ANN201
    """One part of a backup: the JSON parts parsed, an uploaded file (media/…) as bytes."""

    with zipfile.ZipFile(path) as archive:
        content = archive.read(name)

    return content if name.startswith("media/") else json.loads(content)


def doctored(path: Path, parts: dict[str, object]) -> Path:
    """A copy of a backup with parts replaced or added (bytes as they are, anything else
    as JSON) or, given None, left out."""

    copy = path.with_name(f"doctored-{path.name}")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w") as target:
        for item in source.infolist():
            if item.filename not in parts:
                target.writestr(item, source.read(item))
        for name, content in parts.items():
            if content is not None:
                raw = content if isinstance(content, bytes) else json.dumps(content)
                target.writestr(name, raw)

    return copy


def uploads() -> dict[str, bytes]:
    """Every file in the upload folder, by its name there, with its content."""

    root = Path(settings.MEDIA_ROOT)
    files = (p for p in root.rglob("*") if p.is_file()) if root.exists() else ()

    return {str(p.relative_to(root)): p.read_bytes() for p in files}


def add_migration(manifest_text: str, app: str, name: str) -> str:
    manifest = json.loads(manifest_text)
    manifest["migrations"].setdefault(app, []).append(name)

    return json.dumps(manifest)


def row_counts() -> dict[str, int]:
    return {
        "schools": School.objects.count(),
        "memberships": Membership.objects.count(),
        "team": TeamMember.objects.count(),
        "meetings": Meeting.objects.count(),
        "audit": AuditEntry.objects.count(),
        "users": get_user_model().objects.count(),
    }
