"""Damaged and doctored backup files given to `tandem restore --replace`: refused with a
message naming the file and every row and upload left as it was, or restored whole; the
other school's data is never touched either way."""

import io
import json
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from hypothesis import event, given
from hypothesis import strategies as st

from tandem.audit.models import AuditEntry
from tandem.compliance.tests.builders import make_document, make_version
from tandem.fuzzing import (
    UPLOAD_FUZZ,
    VALID,
    damaged,
    stored,
    with_a_part_replaced,
)
from tandem.ops.tests.helpers import RESTORED, school_snapshot
from tandem.testing import make_world

pytestmark = pytest.mark.django_db
APPS = ("auth", "schools", "duties", "planner", "meetings", "reports", "compliance")
JSON_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**40), 2**40),
    st.text(max_size=30),
    st.lists(st.integers(0, 50), max_size=3),
)


@pytest.fixture
def world(settings, tmp_path):  # noqa: ANN001, ANN201
    settings.MEDIA_ROOT = tmp_path / "uploads"
    world = make_world()
    senco = world.user("senco")
    document = make_document(world.school, by=senco)
    make_version(document, by=senco, data=VALID["pdf"](), filename="report.pdf")
    make_document(world.other_school, by=world.user("outsider"), title="Theirs")

    return world


@pytest.fixture
def backup_path(world, tmp_path):  # noqa: ANN001, ANN201
    """The school's backup, restored once, so what a restore leaves is known."""

    path = tmp_path / "school.zip"
    call_command(
        "backup", str(path), "--school", world.school.urn, stdout=io.StringIO()
    )
    restore(path)

    return path


def restore(path: Path) -> None:
    call_command("restore", str(path), "--replace", stdout=io.StringIO())


@st.composite
def doctored_json(draw: st.DrawFn, original: bytes) -> bytes:
    """The backup with one value in its manifest or its rows changed to another type."""

    part = draw(st.sampled_from(["manifest.json", "data.json", "shared.json"]))
    with zipfile.ZipFile(io.BytesIO(original)) as archive:
        content = json.loads(archive.read(part))
    target = content if isinstance(content, dict) else draw(st.sampled_from(content))
    if "fields" in target and draw(st.booleans()):
        target = target["fields"]
    target[draw(st.sampled_from(sorted(target)))] = draw(JSON_VALUES)

    return _with_part(original, part, json.dumps(content).encode())


def _with_part(original: bytes, name: str, content: bytes) -> bytes:
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(original)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in source.infolist():
            part = content if info.filename == name else source.read(info.filename)
            out.writestr(info.filename, part)

    return buffer.getvalue()


def damaged_backups(original: bytes) -> st.SearchStrategy[bytes]:
    return st.one_of(
        damaged(original), with_a_part_replaced(original), doctored_json(original)
    )


@UPLOAD_FUZZ
@given(data=st.data())
def test_a_damaged_backup_is_refused_or_restored_whole(
    world, backup_path, tmp_path, data
):
    path = tmp_path / "damaged.zip"
    path.write_bytes(data.draw(damaged_backups(backup_path.read_bytes())))
    restored = stored(*APPS)  # every example starts from the last restore
    theirs = school_snapshot(world.other_school.urn)

    try:
        restore(path)
    except CommandError as error:
        event(f"refused (exit {error.returncode})")
        assert error.returncode in (1, 2)  # damaged, or sound but from a newer Tandem
        assert str(error).startswith(f"{path} ")
    else:
        event("restored")
    assert stored(*APPS) == restored
    assert school_snapshot(world.other_school.urn) == theirs


def test_a_sound_backup_is_restored_and_audited(world, backup_path):
    before = stored(*APPS)
    ours = school_snapshot(world.school.urn)

    restore(backup_path)

    assert stored(*APPS) == before  # the rows restored, and one restore entry again
    assert school_snapshot(world.school.urn) == ours
    assert AuditEntry.objects.filter(action=RESTORED).count() == 1
    assert len(before.files) == 1


def doctor(original: Path, part: str, change) -> Path:  # noqa: ANN001
    """A copy of the backup with one JSON part changed in place by `change`."""

    with zipfile.ZipFile(original) as archive:
        content = json.loads(archive.read(part))
    change(content)
    doctored = original.with_name(f"doctored-{original.name}")
    doctored.write_bytes(
        _with_part(original.read_bytes(), part, json.dumps(content).encode())
    )

    return doctored


@pytest.mark.parametrize(
    ("key", "value"),
    [("missing_files", None), ("format_version", "1"), ("school", 123456)],
)
def test_a_manifest_entry_of_the_wrong_kind_is_refused_as_damage(
    world, backup_path, key, value
):
    doctored = doctor(backup_path, "manifest.json", lambda m: m.update({key: value}))
    before = stored(*APPS)

    with pytest.raises(CommandError) as raised:
        restore(doctored)

    assert raised.value.returncode == 1
    assert str(raised.value) == (
        f"{doctored} is damaged: its manifest.json has a wrong {key}."
    )
    assert stored(*APPS) == before


def test_a_row_whose_id_is_taken_names_the_file(world, backup_path):
    theirs = world.other_school.documents.get().pk

    def take_their_id(rows: list[dict]) -> None:
        ours = next(r for r in rows if r["model"] == "compliance.document")
        ours["pk"] = theirs

    doctored = doctor(backup_path, "data.json", take_their_id)
    before = stored(*APPS)

    with pytest.raises(CommandError) as raised:
        restore(doctored)

    assert str(raised.value).startswith(
        f"{doctored} could not be restored: compliance.document {theirs} is already "
        "used here by other data."
    )
    assert stored(*APPS) == before
