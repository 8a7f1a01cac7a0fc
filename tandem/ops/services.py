"""Restoring a backup: all of it in one transaction, or nothing.

Rows keep their ids, so the audit trail's references stay true; they are written raw (as
`loaddata` does), which is how append-only audit entries come back. Rows with a natural key
(users, groups, permissions, content types) are matched by it: one that exists already is
kept as it is, never updated, and a missing one is added.

A school's backup puts back that school's data and nothing else: `ownership` checks every row
and uploaded file against the school before anything is committed or written to disk.
"""

import contextlib
import functools
import logging
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import (
    ObjectDoesNotExist,
    SuspiciousFileOperation,
    ValidationError,
)
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError, DeserializedObject
from django.db import DatabaseError, connection, models, transaction

from tandem.audit.services import SYSTEM_USERNAME, record, system_actor
from tandem.ops.archive import (
    ALL,
    DATA,
    MANIFEST,
    SHARED,
    Backup,
    BackupError,
    file_fields,
    open_backup,
)
from tandem.ops.models import Job
from tandem.ops.ownership import (
    check_files,
    check_new_row,
    check_rows,
    rows_naming,
)
from tandem.ops.rows import (
    Rows,
    auto_many_to_many,
    backed_up_models,
    chunks,
    cleared_models,
    has_natural_key,
    school_rows,
)
from tandem.schools.models import School

logger = logging.getLogger(__name__)
KEPT_ON_CLEAR = (ContentType, Permission)  # made by `migrate`, matched by natural key


@dataclass
class Restored:
    scope: str
    school: School | None
    records: int = 0
    kept: int = 0
    files: int = 0
    touched: set = field(default_factory=set)
    written: dict[str, Rows] = field(
        default_factory=lambda: {SHARED: defaultdict(set), DATA: defaultdict(set)}
    )
    uploads: list[tuple[Storage, str]] = field(default_factory=list)
    named_files: set[str] = field(default_factory=set)  # by any row, written or kept
    replaced_uploads: set[tuple[Storage, str]] = field(default_factory=set)


def restore_backup(
    path: Path, *, by: AbstractBaseUser | None = None, replace: bool = False
) -> Restored:
    """Restore a backup file. `by` is the acting user; None means Tandem's system actor.

    Raises BackupError (nothing changed) for a damaged file, a newer schema, or data that
    is already here and `replace` is not set.
    """

    backup = open_backup(path)
    # Uploads are written inside the transaction; if it fails, _FileWriter puts them back.
    with backup.archive, _FileWriter() as files, transaction.atomic():
        restored = _clear_for(backup, replace=replace)
        _restore_rows(backup, restored)
        files.write_all(backup, restored)
        stale = _unused(restored.replaced_uploads - set(restored.uploads))
        if stale:
            transaction.on_commit(functools.partial(_delete_files, stale))

        record(
            "ops.backup.restored",
            restored.school,
            by=_actor(by),
            school=restored.school,
            records=restored.records,
            kept=restored.kept,
            files=restored.files,
        )
    logger.info("Backup %s: restored %s records", restored.scope, restored.records)

    return restored


def _restore_rows(backup: Backup, restored: Restored) -> None:
    try:
        _load(backup, SHARED, restored)
        _load(backup, DATA, restored)
        _finish_database(restored)
        if restored.scope != ALL:
            restored.school = _restored_school(restored.scope)
            _check_school(backup, restored)
    except (
        BackupError,
        DeserializationError,
        DatabaseError,
        ObjectDoesNotExist,
        LookupError,
        ValueError,
    ) as error:
        raise BackupError(
            f"{backup.path} could not be restored: {_first_line(error)}"
        ) from error


def _restored_school(urn: str) -> School:
    school = School.objects.filter(urn=urn).first()
    if school is None:
        raise BackupError(
            f"{DATA} does not hold school {urn}, which its {MANIFEST} names."
        )

    return school


def _check_school(backup: Backup, restored: Restored) -> None:
    """Refuse a school's backup that holds anything not the school's (see `ownership`)."""

    school = restored.school
    check_rows(school, restored.written)
    check_files(backup, school, restored)


def _clear_for(backup: Backup, *, replace: bool) -> Restored:
    """Refuse to overwrite data unless told to; with `replace`, delete what it replaces."""

    if backup.scope == ALL:
        if _installation_has_data() and not replace:
            raise BackupError(
                "This installation already has schools or users; run again with "
                "--replace to replace all of its data with the backup.",
                refused=True,
            )
        restored = Restored(scope=ALL, school=None)
        if replace:
            restored.replaced_uploads = _files_of(None)
            _clear_everything()
        return restored

    existing = School.objects.filter(urn=backup.scope).first()
    if existing is not None and not replace:
        raise BackupError(
            f"School {existing.urn} ({existing.name}) is already here; run again with "
            f"--replace to overwrite it with the backup.",
            refused=True,
        )
    restored = Restored(scope=backup.scope, school=None)
    if existing is not None:
        owned, _ = school_rows(existing)
        restored.replaced_uploads = _files_of(owned) | _forget_jobs(existing)
        _delete_rows(owned)
        logger.info("School %s: data cleared for a restore", existing.pk)

    return restored


def _forget_jobs(school: School) -> set[tuple[Storage, str]]:
    """Jobs are not backed up (rows.NOT_BACKED_UP): the replaced school's go, files too."""

    jobs = Job.objects.filter(school=school)
    files = {(job.result.storage, job.result.name) for job in jobs.exclude(result="")}
    jobs.delete()

    return files


def _files_of(rows: Rows | None) -> set[tuple[Storage, str]]:
    """The uploads that the given rows (None: all rows) refer to."""

    found: set[tuple[Storage, str]] = set()
    for model in backed_up_models():
        pks = None if rows is None else rows.get(model)
        if rows is not None and not pks:
            continue
        for file_field in file_fields(model):
            stored = model._base_manager.exclude(**{file_field.attname: ""})
            batches = (
                [stored]
                if pks is None
                else [stored.filter(pk__in=c) for c in chunks(pks)]
            )
            for batch in batches:
                names = batch.values_list(file_field.attname, flat=True)
                found |= {(file_field.storage, name) for name in names}

    return found


def _unused(files: set[tuple[Storage, str]]) -> set[tuple[Storage, str]]:
    """The files that no row names now (a replaced file may still be another's)."""

    return files - {upload for _, _, upload in rows_naming(files)}


def _delete_files(files: set[tuple[Storage, str]]) -> None:
    """After the restore is committed: uploads that only the replaced data referred to."""

    for storage, name in files:
        storage.delete(name)
    logger.info("Restore: %s replaced uploaded files deleted", len(files))


def _installation_has_data() -> bool:
    users = get_user_model()._default_manager.exclude(username=SYSTEM_USERNAME)

    return School.objects.exists() or users.exists()


def _clear_everything() -> None:
    with connection.cursor() as cursor:
        for table in _tables(m for m in cleared_models() if m not in KEPT_ON_CLEAR):
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")  # noqa: S608
    logger.info("Installation: data cleared for a restore")


def _tables(models_) -> list[str]:  # noqa: ANN001
    tables = []
    for model in models_:
        tables.append(model._meta.db_table)
        tables += [
            f.remote_field.through._meta.db_table for f in auto_many_to_many(model)
        ]

    return tables


def _delete_rows(rows: Rows) -> None:
    """Delete rows by id in SQL: audit entries refuse the ORM's delete, by design."""

    with connection.cursor() as cursor:
        for model in list(rows):
            for m2m in auto_many_to_many(model):
                through = m2m.remote_field.through._meta
                column = through.get_field(m2m.m2m_field_name()).column
                _delete_where(cursor, through.db_table, column, rows[model])
        for model in backed_up_models():
            for m2m in auto_many_to_many(model):
                target = m2m.related_model._meta.concrete_model
                if target in rows:
                    through = m2m.remote_field.through._meta
                    column = through.get_field(m2m.m2m_reverse_field_name()).column
                    _delete_where(cursor, through.db_table, column, rows[target])
        for model, pks in rows.items():
            _delete_where(cursor, model._meta.db_table, model._meta.pk.column, pks)


def _delete_where(cursor, table: str, column: str, values: set) -> None:  # noqa: ANN001
    quote = connection.ops.quote_name
    for chunk in chunks(values):
        marks = ", ".join(["%s"] * len(chunk))
        cursor.execute(
            f"DELETE FROM {quote(table)} WHERE {quote(column)} IN ({marks})",  # noqa: S608
            chunk,
        )


def _load(backup: Backup, part: str, restored: Restored) -> None:
    rows = backup.rows(part)
    deferred: list[tuple[dict, DeserializedObject]] = []
    objects = serializers.deserialize("python", rows, handle_forward_references=True)
    for row in rows:
        with _refusing_row(row, part):
            item = next(objects)
            if _restore_row(item, part, restored) and item.deferred_fields:
                deferred.append((row, item))
    for row, item in deferred:
        with _refusing_row(row, part):
            item.save_deferred_fields()


def _restore_row(item: DeserializedObject, part: str, restored: Restored) -> bool:
    """Save one row unless one already here matches it; True when it was written."""

    obj = item.object
    restored.named_files |= {name for _, name in _uploads(obj)}
    if not _save(item, part=part, scope=restored.scope):
        restored.kept += 1
        return False
    restored.records += 1
    restored.touched.add(type(obj))
    restored.written[part][type(obj)._meta.concrete_model].add(obj.pk)
    restored.uploads += _uploads(obj)

    return True


# What a doctored value can raise as a row is read, looked up or saved: an id too large
# for the column (OverflowError on SQLite, DataError on PostgreSQL), a value of the wrong
# type, a broken constraint.
ROW_ERRORS = (
    DeserializationError,
    DatabaseError,
    ObjectDoesNotExist,
    ValidationError,
    LookupError,
    ValueError,
    TypeError,
    ArithmeticError,
)


@contextlib.contextmanager
def _refusing_row(row: dict, part: str) -> Iterator[None]:
    """Turn an error from one row into a refusal that names it (the caller rolls back)."""

    try:
        yield
    except ROW_ERRORS as error:
        key = row.get("pk", "with no id")
        raise BackupError(
            f"{row['model']} {key} in {part} cannot be restored ({_reason(error)})."
        ) from error


def _reason(error: BaseException) -> str:
    """What was wrong with a row, without the serialiser's wrapping of a bad value."""

    if isinstance(error, DeserializationError) and isinstance(
        error.__context__, ValidationError
    ):
        error = error.__context__
    if isinstance(error, ValidationError):
        return " ".join(error.messages).rstrip(".")

    return _first_line(error).rstrip(".")


def _save(item: DeserializedObject, *, part: str, scope: str) -> bool:
    """Insert one row as it was; False when it is matched by one already here."""

    obj = item.object
    model = type(obj)
    manager = model._base_manager
    key = obj.pk
    if has_natural_key(model):
        key = "/".join(map(str, obj.natural_key()))
        try:
            model._default_manager.get_by_natural_key(*obj.natural_key())
        except model.DoesNotExist:
            if manager.filter(pk=obj.pk).exists():
                obj.pk = None  # its id is someone else's here; anything needing it uses the key
        else:
            return False
    elif manager.filter(pk=obj.pk).exists():
        if part == SHARED:
            return False
        raise BackupError(
            f"{model._meta.label_lower} {obj.pk} is already used here by other data. A "
            "school's backup restores into the installation it came from; to move a "
            "school, restore the whole installation."
        )
    if scope != ALL:
        check_new_row(obj, part, key)
    item.save(force_insert=True)

    return True


def _uploads(obj: models.Model) -> list[tuple[Storage, str]]:
    files = [(f.storage, getattr(obj, f.attname).name) for f in file_fields(type(obj))]

    return [(storage, name) for storage, name in files if name]


def _finish_database(restored: Restored) -> None:
    """Move id sequences past the restored ids, then check every foreign key now."""

    touched = list(restored.touched)
    statements = connection.ops.sequence_reset_sql(no_style(), touched)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    connection.check_constraints(table_names=_tables(touched))


def _actor(by: AbstractBaseUser | None) -> AbstractBaseUser:
    """The acting user after the restore (a whole restore replaces the users table)."""

    if by is None:
        return system_actor()
    users = get_user_model()._default_manager

    return users.filter(**{users.model.USERNAME_FIELD: by.get_username()}).first() or (
        system_actor()
    )


def _first_line(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__

    return text.splitlines()[0]


class _FileWriter:
    """Writes uploads back; if the restore fails, puts the storage back as it was."""

    def __init__(self) -> None:
        self.created: list[tuple[Storage, str]] = []
        self.overwritten: list[tuple[Storage, str, bytes]] = []

    def __enter__(self) -> "_FileWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:  # noqa: ANN001
        if exc_type is None:
            return
        for storage, name in self.created:
            storage.delete(name)
        for storage, name, content in self.overwritten:
            self._put(storage, name, content)

    def write_all(self, backup: Backup, restored: Restored) -> None:
        missing = set(backup.manifest.get("missing_files", []))
        for storage, name in dict.fromkeys(restored.uploads):
            if name in missing:
                logger.warning("Restore: an uploaded file was missing from the backup")
                continue
            try:
                content = backup.file(name)
            except KeyError:
                raise BackupError(
                    f"{backup.path} is damaged: the uploaded file {name} is not in it."
                ) from None
            # A school's restore overwrites only the files of the data it replaced.
            ours = restored.scope == ALL or (storage, name) in restored.replaced_uploads
            self._write_from(backup, storage, name, content, overwrite=ours)
            restored.files += 1

    def _write_from(
        self,
        backup: Backup,
        storage: Storage,
        name: str,
        content: bytes,
        *,
        overwrite: bool,
    ) -> None:
        """`_write`, with a refusal that names the backup file."""

        try:
            self._write(storage, name, content, overwrite=overwrite)
        except FileExistsError:
            raise BackupError(
                f"{backup.path} could not be restored: the uploaded file {name} is "
                "already here and the replaced data did not name it, so it is left as "
                "it is."
            ) from None
        except SuspiciousFileOperation:
            raise BackupError(
                f"{backup.path} could not be restored: {name} is not a name an "
                "uploaded file can have."
            ) from None

    def _write(
        self, storage: Storage, name: str, content: bytes, *, overwrite: bool
    ) -> None:
        if storage.exists(name):
            with storage.open(name, "rb") as current:
                old = current.read()
            if old == content:
                return
            if not overwrite:
                raise FileExistsError(name)
            self.overwritten.append((storage, name, old))
        else:
            self.created.append((storage, name))
        self._put(storage, name, content)

    @staticmethod
    def _put(storage: Storage, name: str, content: bytes) -> None:
        if storage.exists(name):
            storage.delete(name)
        saved = storage.save(name, ContentFile(content))
        if saved != name:
            raise BackupError(
                f"The uploaded file {name} could not be put back in place."
            )
