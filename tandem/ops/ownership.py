"""What a school's backup may put back: the school's own rows, the shared rows they point
at, and the uploaded files those rows name. Nothing else, whatever the file says.

The file's word is not taken for whose a row is. Once its rows are in (inside the restore's
transaction, so a refusal leaves nothing behind), ownership is worked out from the rows
themselves with the rule the backup uses to choose them, `rows.school_rows`:

- every row written from data.json belongs to the school;
- every row written from shared.json is one the school's rows point at from outside it;
- nothing the school's rows point at, directly or through others, belongs to another school;
- no staff or superuser account is made (a whole-installation restore may make them);
- an uploaded file is named by a row in the file, and no row outside the school names it;
- every file name a row gives, sent or listed as missing, lies in the folder its field's
  `upload_to` gives that row (compliance/<urn>/, say); one listed as missing is of no file
  here, or of one the replaced school's rows named.

Each check raises BackupError naming the part of the file, the row and the reason.
"""

import posixpath
from collections.abc import Iterator
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import Storage
from django.core.files.utils import validate_file_name
from django.db import models

from tandem.ops.archive import DATA, MEDIA, SHARED, Backup, BackupError, file_fields
from tandem.ops.rows import (
    Rows,
    backed_up_models,
    chunks,
    cleared_models,
    has_natural_key,
    links,
    referenced_rows,
    school_rows,
)
from tandem.schools.models import School

if TYPE_CHECKING:
    from tandem.ops.services import Restored

Written = dict[str, Rows]  # data.json, shared.json -> the rows each wrote
Upload = tuple[Storage, str]  # an uploaded file: its storage and its name there


def check_new_row(obj: models.Model, part: str, key: object) -> None:
    """Before a school's backup adds a row: never a staff or superuser account."""

    if type(obj)._meta.concrete_model is not get_user_model()._meta.concrete_model:
        return
    if getattr(obj, "is_staff", False) or getattr(obj, "is_superuser", False):
        raise BackupError(
            f"{_label(type(obj))} {key} in {part} is a staff or superuser account; a "
            "school's backup cannot add one."
        )


def check_rows(school: School, written: Written) -> None:
    """Every written row is the school's, or shared data its rows point at; none is
    another school's, and none leads to another school's data."""

    owned, shared = school_rows(school)
    if stray := _first_outside(written[DATA], owned):
        model, pk = stray
        raise BackupError(
            f"{_describe(model, pk)} in {DATA} does not belong to school {school.urn}: "
            f"{_whose(model, pk, school)}."
        )
    if stray := _first_outside(written[SHARED], shared):
        model, pk = stray
        raise BackupError(
            f"{_describe(model, pk)} in {SHARED} is not shared data of school "
            f"{school.urn}: {_why_not_shared(model, pk, owned)}."
        )
    if shared.get(School):
        raise BackupError(_link_to_another_school(school, written[DATA], owned))


def check_files(
    backup: Backup,
    school: School,
    restored: "Restored",
) -> None:
    """Every file in the backup is named by one of its rows; every name a row gives lies
    in the school's own upload folder for that row and is no other row's; a name listed
    as missing is of no file here but one the replaced data named."""

    for name in _media_names(backup):
        if name not in restored.named_files:
            raise BackupError(
                f"{MEDIA}{name} is not named by any row of school {school.urn} in the "
                "file."
            )
    written = restored.written
    for model, pk, (_, name) in rows_naming(set(restored.uploads)):
        if pk in written[DATA].get(model, ()) or pk in written[SHARED].get(model, ()):
            continue
        part, ours, our_pk = _naming_row(written, name)
        raise BackupError(
            f"{_describe(ours, our_pk)} in {part} names the uploaded file {name}, which "
            f"is already {_describe(model, pk)}'s, outside school {school.urn}."
        )
    for part, obj, file_field in _rows_with_files(written):
        _check_folder(school, part, obj, file_field)
    _check_missing(backup, written, restored)


def upload_folder(file_field: models.FileField, obj: models.Model) -> str:
    """The start of every name the field's `upload_to` gives `obj`'s files: the folder
    it returns (compliance/<urn>/), or a folder pattern up to its first date code."""

    if callable(file_field.upload_to):
        folder = posixpath.dirname(file_field.upload_to(obj, "file"))
        return posixpath.join(folder, "")
    pattern = str(file_field.upload_to)
    fixed = pattern.split("%", 1)[0]

    return fixed if fixed != pattern else posixpath.join(pattern, "")


def _check_folder(
    school: School, part: str, obj: models.Model, file_field: models.FileField
) -> None:
    name = getattr(obj, file_field.attname).name
    if not _is_storage_name(name):
        raise BackupError(
            f"{_describe(type(obj), obj.pk)} in {part} names {name!r}, which is not a "
            "name an uploaded file can have."
        )
    folder = upload_folder(file_field, obj)
    if not name.startswith(folder):
        raise BackupError(
            f"{_describe(type(obj), obj.pk)} in {part} names the uploaded file {name}, "
            f"which is outside {folder}, where school {school.urn} keeps the files of "
            f"its {_label(type(obj))} rows."
        )


def _is_storage_name(name: str) -> bool:
    """A relative name in normal form: no '..', no leading '/', no doubled '/'."""

    try:
        validate_file_name(name, allow_relative_path=True)
    except SuspiciousFileOperation:
        return False

    return "\x00" not in name and posixpath.normpath(name) == name


def _check_missing(backup: Backup, written: Written, restored: "Restored") -> None:
    """A file listed as missing may not take the name of a file here that is not the
    replaced data's (an upload whose row is still being saved, say)."""

    missing = set(backup.manifest.get("missing_files", []))
    for storage, name in dict.fromkeys(restored.uploads):
        if name not in missing or (storage, name) in restored.replaced_uploads:
            continue
        if storage.exists(name):
            part, ours, our_pk = _naming_row(written, name)
            raise BackupError(
                f"{_describe(ours, our_pk)} in {part} names the uploaded file {name}, "
                "listed as missing from the backup; a file of that name is here and the "
                "replaced data did not name it, so it is not the school's."
            )


def _rows_with_files(
    written: Written,
) -> Iterator[tuple[str, models.Model, models.FileField]]:
    for part, rows in written.items():
        for model, pks in rows.items():
            for file_field in file_fields(model):
                for chunk in chunks(pks):
                    stored = model._base_manager.filter(pk__in=chunk).exclude(
                        **{file_field.attname: ""}
                    )
                    for obj in stored:
                        yield part, obj, file_field


def rows_naming(
    files: set[Upload],
) -> Iterator[tuple[type[models.Model], object, Upload]]:
    """(model, primary key, file) for every row of any model that names one of `files`."""

    for model in cleared_models():
        for file_field in file_fields(model):
            names = {name for storage, name in files if storage == file_field.storage}
            for chunk in chunks(names):
                rows = model._base_manager.filter(
                    **{f"{file_field.attname}__in": chunk}
                )
                for pk, name in rows.values_list("pk", file_field.attname):
                    yield model, pk, (file_field.storage, name)


def _first_outside(
    rows: Rows, allowed: Rows
) -> tuple[type[models.Model], object] | None:
    for model, pks in rows.items():
        if outside := pks - allowed.get(model, set()):
            return model, min(outside)

    return None


def _link_to_another_school(school: School, data: Rows, owned: Rows) -> str:
    """The first of the school's rows that points at a row leading to another school."""

    seen: dict[tuple[type[models.Model], object], set] = {}
    for model, pks in data.items():
        for target, pairs in links(model, pks):
            for pk, target_pk in sorted(pairs):
                if target_pk in owned.get(target, set()):
                    continue
                key = (target, target_pk)
                if key not in seen:
                    seen[key] = _schools_of(target, target_pk) - {school.pk}
                if seen[key]:
                    return (
                        f"{_describe(model, pk)} in {DATA} points at "
                        f"{_describe(target, target_pk)}, which belongs to "
                        f"{_schools(seen[key])}, not to school {school.urn}."
                    )

    return f"the rows in {DATA} lead to another school's data."  # not reached: a guard


def _why_not_shared(model: type[models.Model], pk: object, owned: Rows) -> str:
    if model not in backed_up_models():
        return _never_backed_up(model)
    if pk in owned.get(model, set()):
        return "it belongs to the school itself"

    return "none of the school's rows points at it"


def _whose(model: type[models.Model], pk: object, school: School) -> str:
    if model not in backed_up_models():
        return _never_backed_up(model)
    others = _schools_of(model, pk) - {school.pk}
    if model is School:
        return f"it is {_schools(others)}"
    if others:
        return f"it belongs to {_schools(others)}"

    return "none of its links leads to the school"


def _never_backed_up(model: type[models.Model]) -> str:
    return f"a backup never holds {_label(model)} rows"


def _schools_of(model: type[models.Model], pk: object) -> set:
    """The schools a row leads to through its foreign keys (itself, if it is one)."""

    reached = referenced_rows({model: {pk}}).get(School, set())

    return reached | {pk} if model is School else reached


def _schools(pks: set) -> str:
    urns = sorted(School.objects.filter(pk__in=pks).values_list("urn", flat=True))
    noun = "school" if len(urns) == 1 else "schools"

    return f"{noun} {', '.join(urns)}"


def _naming_row(written: Written, name: str) -> tuple[str, type[models.Model], object]:
    for part, rows in written.items():
        for model, pks in rows.items():
            for file_field in file_fields(model):
                for chunk in chunks(pks):
                    stored = model._base_manager.filter(
                        pk__in=chunk, **{file_field.attname: name}
                    )
                    pk = stored.values_list("pk", flat=True).first()
                    if pk is not None:
                        return part, model, pk

    raise LookupError(name)  # not reached: the name came from a written row


def _media_names(backup: Backup) -> Iterator[str]:
    for entry in backup.archive.namelist():
        if entry.startswith(MEDIA) and not entry.endswith("/"):
            yield entry.removeprefix(MEDIA)


def _describe(model: type[models.Model], pk: object) -> str:
    """A row as the file names it: by its natural key (users, groups) or its id."""

    if has_natural_key(model):
        row = model._base_manager.filter(pk=pk).first()
        if row is not None:
            return f"{_label(model)} {'/'.join(map(str, row.natural_key()))}"

    return f"{_label(model)} {pk}"


def _label(model: type[models.Model]) -> str:
    return model._meta.label_lower
