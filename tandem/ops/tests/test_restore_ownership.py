"""A school's backup puts back that school's data and nothing else.

An adversarial tester backed up one school, edited the file and restored it with
`--replace`: a membership of another school, another school's signed document overwritten
on disk and a new superuser were all accepted. Each doctored file here must be refused in
one line naming the file, the part and the row, with every row and upload left as it was.
"""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError
from django.utils import timezone

from tandem.audit.models import AuditEntry
from tandem.compliance.models import DocumentVersion
from tandem.compliance.tests.builders import make_document, make_version, pdf_bytes
from tandem.fuzzing import stored
from tandem.meetings.models import AgendaItem, AgendaPaper, Meeting
from tandem.ops.models import Job
from tandem.ops.ownership import upload_folder
from tandem.ops.tests.builders import make_job
from tandem.ops.tests.helpers import (
    RESTORED,
    backup,
    doctored,
    read_part,
    restore,
    school_snapshot,
    uploads,
)
from tandem.schools.models import Membership
from tandem.testing import make_world

pytestmark = pytest.mark.django_db
APPS = ("auth", "sessions", "schools", "meetings", "compliance", "ops")
MALLORY = {
    "username": "mallory",
    "password": "pbkdf2_sha256$1000000$salt$chosen-by-the-attacker",
    "is_superuser": True,
    "is_staff": True,
    "is_active": True,
    "first_name": "",
    "last_name": "",
    "email": "",
    "date_joined": "2026-01-01T00:00:00Z",
    "last_login": None,
    "groups": [],
    "user_permissions": [],
}


@pytest.fixture
def world():  # noqa: ANN201
    """Two schools, each with a PDF document of its own."""

    world = make_world()
    senco, outsider = world.user("senco"), world.user("outsider")
    mine = make_document(world.school, by=senco)
    make_version(mine, by=senco, data=pdf_bytes("Ours."), filename="mine.pdf")
    theirs = make_document(world.other_school, by=outsider, title="Theirs")
    make_version(theirs, by=outsider, data=pdf_bytes("Theirs."), filename="theirs.pdf")

    return world


@pytest.fixture
def school_backup(world, tmp_path) -> Path:  # noqa: ANN001
    return backup(tmp_path / "school.zip", world.school.urn)


def refusal(path: Path) -> str:
    """Restore `path` with --replace, expect a refusal that changed nothing; its message."""

    before = _everything()

    with pytest.raises(CommandError) as raised:
        restore(path, "--replace")

    assert _everything() == before
    assert not AuditEntry.objects.filter(action=RESTORED).exists()
    assert raised.value.returncode == 1
    assert "\n" not in str(raised.value)

    return str(raised.value)


def _everything() -> tuple:
    snapshots = [school_snapshot(urn) for urn in ("123456", "654321")]

    return stored(*APPS), uploads(), snapshots, list(Membership.objects.values())


def row(model: str, pk: object, **fields: object) -> dict:
    return {"model": model, "pk": pk, "fields": fields}


def version_row(rows: list[dict]) -> dict:
    return next(r for r in rows if r["model"] == "compliance.documentversion")


def their_version(world) -> DocumentVersion:  # noqa: ANN001
    return DocumentVersion.objects.get(document__school=world.other_school)


class TestRowsThatAreNotTheSchools:
    def test_a_membership_of_another_school(self, world, school_backup) -> None:
        rows = read_part(school_backup, "data.json")
        rows.append(
            row(
                "schools.membership",
                9999,
                user=["senco"],
                school=world.other_school.pk,
                role="senco",
                also_governor=False,
            )
        )
        path = doctored(school_backup, {"data.json": rows})

        assert refusal(path) == (
            f"{path} could not be restored: schools.membership 9999 in data.json does "
            "not belong to school 123456: it belongs to school 654321."
        )
        assert not Membership.objects.filter(
            user=world.user("senco"), school=world.other_school
        ).exists()

    def test_a_row_of_the_school_that_points_at_another_schools_data(
        self, world, school_backup
    ) -> None:
        rows = read_part(school_backup, "data.json")
        document = next(r for r in rows if r["model"] == "compliance.document")
        theirs = their_version(world).pk
        rows.append(
            row(
                "compliance.consultation",
                9999,
                document=document["pk"],
                document_version=theirs,
                perspective="parents",
                who="Parents and carers",
                method="survey",
                planned_on=None,
                held_on=None,
                feedback="",
                changes="",
                version=1,
                created_by=["senco"],
                created_at="2026-01-01T00:00:00Z",
            )
        )
        path = doctored(school_backup, {"data.json": rows})

        assert refusal(path) == (
            f"{path} could not be restored: compliance.consultation 9999 in data.json "
            f"points at compliance.documentversion {theirs}, which belongs to school "
            "654321, not to school 123456."
        )

    def test_a_new_school(self, world, school_backup) -> None:
        rows = read_part(school_backup, "data.json")
        school = next(r for r in rows if r["model"] == "schools.school")
        rows.append(
            row("schools.school", 9999, **{**school["fields"], "urn": "777777"})
        )
        path = doctored(school_backup, {"data.json": rows})

        assert refusal(path) == (
            f"{path} could not be restored: schools.school 9999 in data.json does not "
            "belong to school 123456: it is school 777777."
        )

    def test_a_session_no_backup_holds(self, world, school_backup) -> None:
        rows = read_part(school_backup, "shared.json")
        rows.append(
            row(
                "sessions.session",
                "chosen-session-key",
                session_data="e30:signed",
                expire_date="2030-01-01T00:00:00Z",
            )
        )
        path = doctored(school_backup, {"shared.json": rows})

        assert refusal(path) == (
            f"{path} could not be restored: sessions.session chosen-session-key in "
            "shared.json is not shared data of school 123456: a backup never holds "
            "sessions.session rows."
        )


class TestUsers:
    def test_a_superuser_is_not_added(self, world, school_backup) -> None:
        rows = read_part(school_backup, "shared.json")
        rows.append({"model": "auth.user", "fields": MALLORY})
        path = doctored(school_backup, {"shared.json": rows})

        assert refusal(path) == (
            f"{path} could not be restored: auth.user mallory in shared.json is a staff "
            "or superuser account; a school's backup cannot add one."
        )
        assert not get_user_model().objects.filter(username="mallory").exists()

    def test_a_staff_user_is_not_added_even_with_a_membership(
        self, world, school_backup
    ) -> None:
        shared = read_part(school_backup, "shared.json")
        shared.append(
            {"model": "auth.user", "fields": {**MALLORY, "is_superuser": False}}
        )
        data = read_part(school_backup, "data.json")
        data.append(
            row(
                "schools.membership",
                9999,
                user=["mallory"],
                school=world.school.pk,
                role="clerk",
                also_governor=False,
            )
        )
        path = doctored(school_backup, {"shared.json": shared, "data.json": data})

        assert "auth.user mallory in shared.json is a staff or superuser account" in (
            refusal(path)
        )

    def test_a_user_that_none_of_the_schools_rows_points_at(
        self, world, school_backup
    ) -> None:
        rows = read_part(school_backup, "shared.json")
        plain = {**MALLORY, "is_superuser": False, "is_staff": False}
        rows.append({"model": "auth.user", "fields": plain})
        path = doctored(school_backup, {"shared.json": rows})

        assert refusal(path) == (
            f"{path} could not be restored: auth.user mallory in shared.json is not "
            "shared data of school 123456: none of the school's rows points at it."
        )

    def test_a_user_already_here_is_kept_as_it_is(self, world, school_backup) -> None:
        senco = world.user("senco")
        rows = read_part(school_backup, "shared.json")
        ours = next(r for r in rows if r["fields"].get("username") == "senco")
        ours["fields"].update(is_superuser=True, is_staff=True, password="chosen")
        path = doctored(school_backup, {"shared.json": rows})

        restore(path, "--replace")

        kept = get_user_model().objects.get(username="senco")
        assert (kept.is_superuser, kept.is_staff) == (False, False)
        assert kept.password == senco.password
        assert AuditEntry.objects.get(action=RESTORED).data["kept"] == len(rows)

    def test_a_whole_installation_restore_keeps_its_superusers(
        self, world, tmp_path
    ) -> None:
        get_user_model().objects.create_superuser("operator", password="x" * 20)
        path = backup(tmp_path / "all.zip")

        restore(path, "--replace")

        operator = get_user_model().objects.get(username="operator")
        assert (operator.is_superuser, operator.is_staff) == (True, True)


class TestUploads:
    @pytest.mark.parametrize("sent", [True, False], ids=["sent", "listed-missing"])
    def test_another_schools_upload_is_neither_overwritten_nor_taken(
        self, world, school_backup, sent
    ) -> None:
        """Listed as missing, the forged file is not written, but the row would still
        give the school's users another school's signed document."""

        theirs = their_version(world)
        rows = read_part(school_backup, "data.json")
        ours = version_row(rows)
        original, ours["fields"]["file"] = ours["fields"]["file"], theirs.file.name
        manifest = read_part(school_backup, "manifest.json")
        if not sent:
            manifest["missing_files"] = [theirs.file.name]
        forged = b"%PDF-1.4 forged by school A" if sent else None
        path = doctored(
            school_backup,
            {
                "data.json": rows,
                "manifest.json": manifest,
                f"media/{original}": None,
                f"media/{theirs.file.name}": forged,
            },
        )

        assert refusal(path) == (
            f"{path} could not be restored: compliance.documentversion {ours['pk']} in "
            f"data.json names the uploaded file {theirs.file.name}, which is already "
            f"compliance.documentversion {theirs.pk}'s, outside school 123456."
        )
        assert uploads()[theirs.file.name] == pdf_bytes("Theirs.")

    def test_a_file_another_schools_prepared_pack_uses(
        self, world, school_backup
    ) -> None:
        pack = make_job(world.other_school, status=Job.Status.DONE)
        path = _with_file_renamed(school_backup, pack.result.name, b"%PDF-1.4 forged")

        assert refusal(path).endswith(
            f"names the uploaded file {pack.result.name}, which is already ops.job "
            f"{pack.pk}'s, outside school 123456."
        )
        assert uploads()[pack.result.name] == b"%PDF-1.7 made for a test"

    def test_a_file_no_row_names(self, world, school_backup) -> None:
        planted = "compliance/654321/planted.pdf"
        path = doctored(school_backup, {f"media/{planted}": b"%PDF-1.4 planted"})

        assert refusal(path) == (
            f"{path} could not be restored: media/{planted} is not named by any row of "
            "school 123456 in the file."
        )
        assert planted not in uploads()

    def test_a_file_here_that_the_replaced_data_did_not_name(
        self, world, school_backup
    ) -> None:
        """No row names it yet (an upload whose record is being saved, say), but it is
        not the restore's to overwrite, even in the school's own folder."""

        name = default_storage.save("compliance/123456/new.pdf", ContentFile(b"B"))
        path = _with_file_renamed(school_backup, name, b"%PDF-1.4 forged")

        assert refusal(path) == (
            f"{path} could not be restored: the uploaded file {name} is already here "
            "and the replaced data did not name it, so it is left as it is."
        )
        assert uploads()[name] == b"B"

    def test_a_file_name_outside_the_upload_folder(self, world, school_backup) -> None:
        path = _with_file_renamed(school_backup, "../outside.pdf", b"%PDF-1.4")

        assert refusal(path) == (
            f"{path} could not be restored: compliance.documentversion {ours_pk(path)} "
            "in data.json names '../outside.pdf', which is not a name an uploaded file "
            "can have."
        )
        assert not (Path(default_storage.location).parent / "outside.pdf").exists()

    def test_a_replaced_file_that_another_row_still_names_is_not_deleted(
        self, world, school_backup, django_capture_on_commit_callbacks
    ) -> None:
        """A file another school's row took before this fix (by an earlier doctored
        restore) stays."""

        document = world.school.documents.get()
        senco = world.user("senco")
        later = make_version(document, by=senco, data=pdf_bytes("Later."))
        pack = make_job(world.other_school)
        Job.objects.filter(pk=pack.pk).update(result=later.file.name)

        with django_capture_on_commit_callbacks(execute=True):
            restore(school_backup, "--replace")

        assert not DocumentVersion.objects.filter(pk=later.pk).exists()
        assert uploads()[later.file.name] == pdf_bytes("Later.")

    @pytest.mark.parametrize("sent", [True, False], ids=["sent", "listed-missing"])
    def test_a_name_another_schools_pack_could_be_given(
        self, world, school_backup, sent
    ) -> None:
        """Packs were once stored as jobs/<year>/<month>/evidence-pack-<urn>-<date>.pdf:
        a file listed as missing could claim the next one before it was made."""

        name = f"jobs/{timezone.localdate():%Y/%m}/evidence-pack-654321-2026-03-02.pdf"
        path = _with_file_renamed(school_backup, name, b"%PDF-1.4", missing=not sent)

        assert refusal(path) == (
            f"{path} could not be restored: compliance.documentversion "
            f"{ours_pk(path)} in data.json names the uploaded file {name}, which is "
            "outside compliance/123456/, where school 123456 keeps the files of its "
            "compliance.documentversion rows."
        )
        assert name not in uploads()

    def test_a_name_in_another_schools_folder_that_no_file_has_yet(
        self, world, school_backup
    ) -> None:
        name = "compliance/654321/0123456789abcdef0123456789abcdef.pdf"
        path = _with_file_renamed(school_backup, name, b"%PDF-1.4", missing=True)

        assert refusal(path).endswith(
            f"names the uploaded file {name}, which is outside compliance/123456/, "
            "where school 123456 keeps the files of its compliance.documentversion rows."
        )

    def test_a_file_listed_missing_whose_name_is_taken_here(
        self, world, school_backup
    ) -> None:
        """In the school's own folder, but a file the replaced data did not name."""

        name = default_storage.save("compliance/123456/new.pdf", ContentFile(b"B"))
        path = _with_file_renamed(school_backup, name, b"unused", missing=True)

        assert refusal(path) == (
            f"{path} could not be restored: compliance.documentversion "
            f"{ours_pk(path)} in data.json names the uploaded file {name}, listed as "
            "missing from the backup; a file of that name is here and the replaced data "
            "did not name it, so it is not the school's."
        )
        assert uploads()[name] == b"B"

    @pytest.mark.parametrize("on_disk", [True, False], ids=["its-own", "none-here"])
    def test_a_file_listed_missing_is_accepted_in_the_schools_folder(
        self, world, school_backup, on_disk
    ) -> None:
        """The replaced school's own file stays; a name no file has is left missing."""

        ours = world.school.documents.get().versions.get()
        name = ours.file.name if on_disk else "compliance/123456/gone.pdf"
        path = _with_file_renamed(school_backup, name, b"unused", missing=True)

        restore(path, "--replace")

        assert DocumentVersion.objects.get(pk=ours.pk).file.name == name
        assert uploads().get(name) == (pdf_bytes("Ours.") if on_disk else None)


def team_member(pk: object, school: object = 1) -> dict:
    return row("schools.teammember", pk, school=school, name="Ann", role="TA")


class TestRowsThatCannotBeSaved:
    """A doctored value must not escape as a traceback: whatever a row raises as it is
    read, looked up or saved becomes a refusal naming the part and the row."""

    def test_an_id_too_large_for_the_database(self, world, school_backup) -> None:
        rows = read_part(school_backup, "data.json") + [team_member(10**30)]
        path = doctored(school_backup, {"data.json": rows})

        assert refusal(path).startswith(
            f"{path} could not be restored: schools.teammember {10**30} in data.json "
            "cannot be restored ("
        )

    def test_a_link_too_large_for_the_database(self, world, school_backup) -> None:
        rows = read_part(school_backup, "data.json")
        rows.append(team_member(9999, school=10**30))
        path = doctored(school_backup, {"data.json": rows})

        assert refusal(path).startswith(
            f"{path} could not be restored: schools.teammember 9999 in data.json "
            "cannot be restored ("
        )

    def test_an_id_that_is_not_a_number(self, world, school_backup) -> None:
        rows = read_part(school_backup, "data.json") + [team_member("abc")]
        path = doctored(school_backup, {"data.json": rows})

        assert refusal(path) == (
            f"{path} could not be restored: schools.teammember abc in data.json cannot "
            "be restored (“abc” value must be an integer)."
        )

    def test_a_model_that_does_not_exist(self, world, school_backup) -> None:
        rows = read_part(school_backup, "shared.json") + [row("nope.nope", 1)]
        path = doctored(school_backup, {"shared.json": rows})

        assert refusal(path) == (
            f"{path} could not be restored: nope.nope 1 in shared.json cannot be "
            "restored (Invalid model identifier: nope.nope)."
        )

    @pytest.mark.parametrize(
        ("content", "reason"),
        [
            ({}, "data.json is not a list of rows."),
            (b"[{", "data.json is not valid JSON."),
            (b"[" * 100_000 + b"]" * 100_000, "data.json is not valid JSON."),
            (
                [1, 2],
                "row 1 of data.json is not a row (an object with a model name and its "
                "fields).",
            ),
            (
                [{"model": "schools.teammember", "pk": 77, "fields": None}],
                "row 1 of data.json is not a row (an object with a model name and its "
                "fields).",
            ),
            (
                [],
                "data.json does not hold school 123456, which its manifest.json names.",
            ),
        ],
        ids=["an-object", "cut-short", "nested-deep", "numbers", "no-fields", "empty"],
    )
    def test_a_data_part_that_is_not_a_list_of_rows(
        self, world, school_backup, content, reason
    ) -> None:
        path = doctored(school_backup, {"data.json": content})

        assert refusal(path) == f"{path} could not be restored: {reason}"


class TestUploadFolders:
    """The folder each file field allows is read from its `upload_to`."""

    def test_a_document_versions_folder_is_its_schools(self, world) -> None:
        version = world.school.documents.get().versions.get()
        field = DocumentVersion._meta.get_field("file")

        assert upload_folder(field, version) == "compliance/123456/"

    def test_a_meeting_papers_folder_is_its_schools_id(self, world) -> None:
        meeting = Meeting(school=world.other_school)
        paper = AgendaPaper(item=AgendaItem(meeting=meeting))

        assert upload_folder(AgendaPaper._meta.get_field("file"), paper) == (
            f"meeting-papers/{world.other_school.pk}/"
        )

    def test_a_dated_folder_is_fixed_up_to_its_first_date_code(self, world) -> None:
        job = Job(school=world.school)

        assert upload_folder(Job._meta.get_field("result"), job) == "jobs/"


def ours_pk(path: Path) -> int:
    return version_row(read_part(path, "data.json"))["pk"]


def _with_file_renamed(
    path: Path, name: str, content: bytes, *, missing: bool = False
) -> Path:
    """The backup with the school's document version naming `name`, sent as `content`,
    or (`missing`) listed in the manifest as missing from the backup."""

    rows = read_part(path, "data.json")
    ours = version_row(rows)
    original, ours["fields"]["file"] = ours["fields"]["file"], name
    parts: dict[str, object] = {"data.json": rows, f"media/{original}": None}
    if missing:
        manifest = read_part(path, "manifest.json")
        parts["manifest.json"] = {**manifest, "missing_files": [name]}
    else:
        parts[f"media/{name}"] = content

    return doctored(path, parts)
