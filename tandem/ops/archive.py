"""The backup file: a .zip with a manifest, the data as Django-serialised JSON, and uploads.

manifest.json   format, versions, when, scope, applied migrations, counts, files
data.json       the installation, or the school and every row that belongs to it
shared.json     rows a school's data points at from outside it (users and the like)
media/<name>    each uploaded file those rows refer to, under its storage name
"""

import contextlib
import datetime as dt
import io
import itertools
import json
import logging
import os
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from tandem.lib.uploads import DAMAGED_ZIP_ERRORS
from tandem.lib.words import counted
from tandem.ops.rows import Rows, backed_up_models, chunks, school_rows
from tandem.schools.models import School

logger = logging.getLogger(__name__)

FORMAT = "tandem-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA = "data.json"
SHARED = "shared.json"
MEDIA = "media/"
ALL = "all"
CHUNK_ROWS = 2000


class BackupError(Exception):
    """A backup that cannot be made or restored. The message is for the person running it.

    `refused` marks a file that is sound but must not be restored here (exit code 2).
    """

    def __init__(self, message: str, *, refused: bool = False) -> None:
        super().__init__(message)
        self.refused = refused


@dataclass
class Written:
    path: Path
    scope: str
    records: int
    files: int
    missing_files: list[str] = field(default_factory=list)


@dataclass
class Backup:
    """An opened, checked backup file."""

    path: Path
    manifest: dict
    archive: zipfile.ZipFile

    @property
    def scope(self) -> str:
        return self.manifest["school"]

    def rows(self, name: str) -> list[dict]:
        """A data part's rows, each a dict with a model and its fields, as written."""

        try:
            rows = json.loads(self.archive.read(name))
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise BackupError(f"{name} is not valid JSON.") from None
        if not isinstance(rows, list):
            raise BackupError(f"{name} is not a list of rows.")
        for number, row in enumerate(rows, start=1):
            if not _is_row(row):
                raise BackupError(
                    f"row {number} of {name} is not a row (an object with a model "
                    "name and its fields)."
                )

        return rows

    def file(self, name: str) -> bytes:
        return self.archive.read(MEDIA + name)


def _is_row(row: object) -> bool:
    return (
        isinstance(row, dict)
        and isinstance(row.get("model"), str)
        and isinstance(row.get("fields"), dict)
    )


def write_backup(path: Path, *, school: School | None = None) -> Written:
    """Write the whole installation, or one school, to `path` (replaced only when complete)."""

    partial = path.with_name(f".{path.name}.partial")
    try:
        # Readable by its owner only: it holds password hashes and special category data.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with (
            _snapshot(),
            open(descriptor, "wb") as raw,
            zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive,
        ):
            written = _write_archive(archive, path, school)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    logger.info(
        "Backup %s: %s records, %s files", written.scope, written.records, written.files
    )

    return written


def open_backup(path: Path) -> Backup:
    """Open and check a backup file; raise BackupError saying plainly what is wrong."""

    if not path.is_file():
        raise BackupError(f"{path}: there is no such file.")
    try:
        archive = zipfile.ZipFile(path)
    except DAMAGED_ZIP_ERRORS as error:
        raise _unreadable(path, error) from None
    try:
        _check_archive(path, archive)
        manifest = _read_manifest(path, archive)
        _check_schema(path, manifest)
    except BaseException:
        archive.close()
        raise

    return Backup(path=path, manifest=manifest, archive=archive)


def _unreadable(path: Path, error: Exception) -> BackupError:
    return BackupError(
        f"{path} is not a Tandem backup: it is not a readable .zip file ({error})."
    )


def _check_archive(path: Path, archive: zipfile.ZipFile) -> None:
    """Read every member once: the zip's checksums catch a damaged file up front."""

    try:
        damaged = archive.testzip()
    except DAMAGED_ZIP_ERRORS as error:
        raise _unreadable(path, error) from None
    if damaged is not None:
        raise BackupError(f"{path} is damaged: {damaged} fails its checksum.")


def applied_migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)

    return applied


def file_fields(model: type[models.Model]) -> list[models.FileField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def tandem_version() -> str:
    try:
        return metadata.version("tandem")
    except metadata.PackageNotFoundError:
        return "unknown"


@contextlib.contextmanager
def _snapshot() -> Iterator[None]:
    """One consistent view of the data while it is read, even if people keep working."""

    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"
                )
        yield


def _write_archive(
    archive: zipfile.ZipFile, path: Path, school: School | None
) -> Written:
    models_ = backed_up_models()
    if school is None:
        owned, shared = None, {}
    else:
        owned, shared = school_rows(school, models_)
    counts: Counter[str] = Counter()
    _write_json(archive, DATA, _rows(models_, owned), counts)
    _write_json(archive, SHARED, _rows(models_, shared), counts)
    names, missing = _write_files(archive, models_, owned, shared)
    scope = ALL if school is None else school.urn
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "tandem_version": tandem_version(),
        "created_at": timezone.now().isoformat(),
        "school": scope,
        "database": connection.vendor,
        "migrations": applied_migrations(),
        "records": dict(sorted(counts.items())),
        "files": names,
        "missing_files": missing,
    }
    archive.writestr(MANIFEST, json.dumps(manifest, indent=2))

    return Written(path, scope, counts.total(), len(names), missing)


def _rows(
    models_: list[type[models.Model]], rows: Rows | None
) -> Iterator[models.Model]:
    """Every row (rows=None) or the given ones, model by model in loading order."""

    for model in models_:
        if rows is None:
            yield from model._base_manager.order_by("pk").iterator(
                chunk_size=CHUNK_ROWS
            )
            continue
        for chunk in chunks(rows.get(model, ())):
            yield from model._base_manager.filter(pk__in=chunk).order_by("pk")


def _write_json(
    archive: zipfile.ZipFile,
    name: str,
    objects: Iterable[models.Model],
    counts: Counter[str],
) -> None:
    """Django's JSON format, written a batch at a time, with times to the microsecond.

    (Django's own JSON encoder cuts times to the millisecond, and the audit trail's order
    and times must come back exactly.)
    """

    entry = zipfile.ZipInfo(name, date_time=_now_for_zip())
    entry.compress_type = zipfile.ZIP_DEFLATED
    with archive.open(entry, "w") as raw, io.TextIOWrapper(raw, "utf-8") as stream:
        stream.write("[")
        separator = "\n"
        for batch in _batches(objects):
            rows = serializers.serialize("python", batch, use_natural_foreign_keys=True)
            for row in rows:
                counts[row["model"]] += 1
                stream.write(separator + json.dumps(row, cls=ExactJSONEncoder))
                separator = ",\n"
        stream.write("\n]\n")


def _batches(objects: Iterable[models.Model]) -> Iterator[list[models.Model]]:
    iterator = iter(objects)
    while batch := list(itertools.islice(iterator, CHUNK_ROWS)):
        yield batch


class ExactJSONEncoder(DjangoJSONEncoder):
    def default(self, o: object) -> object:
        if isinstance(o, dt.datetime | dt.time):
            return o.isoformat()
        return super().default(o)


def _now_for_zip() -> tuple[int, int, int, int, int, int]:
    return timezone.localtime().timetuple()[:6]


def _write_files(
    archive: zipfile.ZipFile,
    models_: list[type[models.Model]],
    owned: Rows | None,
    shared: Rows,
) -> tuple[list[str], list[str]]:
    names: list[str] = []
    missing: list[str] = []
    for model in models_:
        for file_field in file_fields(model):
            for name in _file_names(model, file_field, owned, shared):
                storage = file_field.storage
                if not storage.exists(name):
                    logger.warning("Backup: an uploaded file is missing from storage")
                    missing.append(name)
                    continue
                with storage.open(name, "rb") as source:
                    archive.writestr(MEDIA + name, source.read())
                names.append(name)

    return sorted(set(names)), sorted(set(missing))


def _file_names(
    model: type[models.Model],
    file_field: models.FileField,
    owned: Rows | None,
    shared: Rows,
) -> set[str]:
    rows = model._base_manager.exclude(**{file_field.attname: ""})
    if owned is None:
        return set(rows.values_list(file_field.attname, flat=True))
    pks = owned.get(model, set()) | shared.get(model, set())
    names: set[str] = set()
    for chunk in chunks(pks):
        names |= set(
            rows.filter(pk__in=chunk).values_list(file_field.attname, flat=True)
        )

    return names - {None}


def _read_manifest(path: Path, archive: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError:
        raise BackupError(
            f"{path} is not a Tandem backup: it has no {MANIFEST}."
        ) from None
    except (ValueError, UnicodeDecodeError):
        raise BackupError(
            f"{path} is damaged: its {MANIFEST} is not valid JSON."
        ) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(
            f"{path} is not a Tandem backup (its manifest says otherwise)."
        )
    missing = [name for name in (DATA, SHARED) if name not in archive.namelist()]
    if missing or not isinstance(manifest.get("migrations"), dict):
        raise BackupError(
            f"{path} is damaged: it has no {', '.join(missing) or 'migrations'}."
        )
    if wrong := _wrongly_shaped(manifest):
        raise BackupError(f"{path} is damaged: its {MANIFEST} has a wrong {wrong}.")

    return manifest


def _wrongly_shaped(manifest: dict) -> str | None:
    """The first manifest entry a restore reads that is not what `write_backup` writes."""

    def strings(value: object) -> bool:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)

    checks = {
        "format_version": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "school": lambda v: isinstance(v, str) and bool(v),
        "migrations": lambda v: all(strings(names) for names in v.values()),
        "missing_files": lambda v: v is _ABSENT or strings(v),
    }

    return next(
        (key for key, ok in checks.items() if not ok(manifest.get(key, _ABSENT))), None
    )


_ABSENT = object()


def _check_schema(path: Path, manifest: dict) -> None:
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise BackupError(
            f"{path} was written by a newer Tandem (backup format {version}); "
            f"upgrade Tandem to restore it.",
            refused=True,
        )
    applied = applied_migrations()
    missing = [
        (app, name)
        for app, names in manifest["migrations"].items()
        for name in names
        if name not in applied.get(app, ())
    ]
    if not missing:
        return
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    unknown = sorted(
        f"{app}.{name}" for app, name in missing if (app, name) not in known
    )
    if unknown:
        more = f" and {len(unknown) - 1} more" if len(unknown) > 1 else ""
        raise BackupError(
            f"{path} comes from a newer version of Tandem ({manifest.get('tandem_version')}): "
            f"migration {unknown[0]}{more} is not applied here. Upgrade Tandem and run "
            f"`tandem migrate`, then restore again.",
            refused=True,
        )
    raise BackupError(
        f"This database is not up to date: {counted(len(missing), 'migration')} of "
        f"this Tandem {'is' if len(missing) == 1 else 'are'} not applied here "
        f"({missing[0][0]}.{missing[0][1]} first). Run `tandem migrate`, then restore "
        f"{path} again.",
        refused=True,
    )
