import datetime as dt
import json
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError

from tandem.audit.models import AuditEntry
from tandem.audit.services import SYSTEM_USERNAME
from tandem.fuzzing import needing_a_newer_zip_version
from tandem.lib.calendar import LONDON
from tandem.meetings.services import schedule_meeting
from tandem.ops.models import Job
from tandem.ops.tests.builders import make_job
from tandem.ops.tests.helpers import (
    RESTORED,
    add_migration,
    backup,
    restore,
    rewrite,
    row_counts,
    school_snapshot,
)
from tandem.schools import services
from tandem.schools.models import Membership, School, TeamMember
from tandem.testing import make_member, make_school, make_world

Role = Membership.Role


@pytest.fixture
def world(db):  # noqa: ANN001, ANN201
    """Two schools, each with a team, a meeting and the audit entries their services wrote."""

    world = make_world()
    senco = world.user("senco")
    for name in ["Siân Ó Briain", "Zoë Łęcka-Byrne"]:
        services.add_team_member(world.school, by=senco, name=name, role="TA")
    starts = dt.datetime(2026, 10, 6, 16, 0, tzinfo=LONDON)
    schedule_meeting(world.school, starts_at=starts, by=senco, location="Library")
    outsider = world.user("outsider")
    services.add_team_member(world.other_school, by=outsider, name="Ann", role="SENCO")
    schedule_meeting(world.other_school, starts_at=starts, by=outsider)

    return world


class TestSchoolRoundTrip:
    def test_replace_brings_back_the_school_exactly_as_backed_up(
        self, world, tmp_path
    ) -> None:
        before = school_snapshot("123456")
        other_before = school_snapshot("654321")
        path = backup(tmp_path / "school.zip", "123456")

        senco = world.user("senco")
        services.add_team_member(world.school, by=senco, name="Late Arrival", role="TA")
        TeamMember.objects.filter(school=world.school).update(name="Changed")
        School.objects.filter(pk=world.school.pk).update(name="Renamed School")
        restore(path, "--replace")

        assert school_snapshot("123456") == before
        assert school_snapshot("654321") == other_before
        assert before["audit"] and before["meetings"] and len(before["team"]) == 2

    def test_restore_writes_one_audit_entry_by_the_system_actor(
        self, world, tmp_path
    ) -> None:
        path = backup(tmp_path / "school.zip", "123456")

        restore(path, "--replace")

        entry = AuditEntry.objects.get(action=RESTORED)
        assert entry.school == School.objects.get(urn="123456")
        assert entry.actor.username == SYSTEM_USERNAME
        manifest = json.loads(zipfile.ZipFile(path).read("manifest.json"))
        users = manifest["records"]["auth.user"]
        assert users == len(Role)
        assert entry.data == {
            "records": sum(manifest["records"].values()) - users,
            "kept": users,
            "files": 0,
        }

    def test_audit_entries_keep_their_ids_times_and_actors(
        self, world, tmp_path
    ) -> None:
        original = list(
            AuditEntry.objects.filter(school=world.school)
            .order_by("pk")
            .values_list("pk", "at", "actor__username", "action")
        )
        path = backup(tmp_path / "school.zip", "123456")

        restore(path, "--replace")

        restored = list(
            AuditEntry.objects.filter(school=world.school)
            .exclude(action=RESTORED)
            .order_by("pk")
            .values_list("pk", "at", "actor__username", "action")
        )
        assert restored == original
        assert ("schools.team_member.added" in {row[3] for row in restored}) is True

    def test_into_an_installation_without_the_school_or_its_users(
        self, db, tmp_path
    ) -> None:
        empty = backup(tmp_path / "empty.zip")
        world = make_world()
        services.add_team_member(
            world.school, by=world.user("senco"), name="Siân", role="TA"
        )
        before = school_snapshot("123456")
        path = backup(tmp_path / "school.zip", "123456")
        restore(empty, "--replace")
        assert get_user_model().objects.filter(username="senco").exists() is False

        restore(path)

        assert school_snapshot("123456") == before
        assert not School.objects.filter(urn="654321").exists()
        assert not get_user_model().objects.filter(username="outsider").exists()
        officer = get_user_model().objects.get(username="officer")
        assert [m.school.urn for m in officer.memberships.all()] == ["123456"]

    def test_a_backup_is_readable_by_its_owner_only(self, world, tmp_path) -> None:
        path = backup(tmp_path / "school.zip", "123456")

        assert path.stat().st_mode & 0o777 == 0o600
        assert [p.name for p in tmp_path.iterdir()] == ["school.zip"]

    def test_a_backup_holds_only_its_school(self, world, tmp_path) -> None:
        path = backup(tmp_path / "school.zip", "123456")

        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read("manifest.json"))
            data = json.loads(archive.read("data.json"))
            shared = json.loads(archive.read("shared.json"))
        schools = {row["pk"] for row in data if row["model"] == "schools.school"}
        assert schools == {world.school.pk}
        assert manifest["school"] == "123456"
        assert manifest["records"]["schools.membership"] == len(Role)
        assert manifest["records"]["schools.teammember"] == 2
        assert manifest["migrations"]["schools"][0] == "0001_initial"
        usernames = {
            row["fields"]["username"] for row in shared if row["model"] == "auth.user"
        }
        assert "outsider" not in usernames
        assert {"senco", "clerk", "officer"} <= usernames


class TestWholeInstallation:
    def test_round_trip_after_changes(self, world, tmp_path) -> None:
        before = {urn: school_snapshot(urn) for urn in ["123456", "654321"]}
        path = backup(tmp_path / "all.zip")
        make_member(make_school(name="Later School", urn="777777"), Role.SENCO)
        TeamMember.objects.update(name="Changed")

        restore(path, "--replace")

        assert {urn: school_snapshot(urn) for urn in before} == before
        assert not School.objects.filter(urn="777777").exists()
        entry = AuditEntry.objects.get(action=RESTORED)
        assert (entry.school, entry.actor.username) == (None, SYSTEM_USERNAME)

    def test_is_refused_over_existing_data_without_replace(
        self, world, tmp_path
    ) -> None:
        path = backup(tmp_path / "all.zip")
        counts = row_counts()

        with pytest.raises(CommandError) as raised:
            restore(path)

        assert raised.value.returncode == 2
        assert "--replace" in str(raised.value)
        assert row_counts() == counts


class TestRefusals:
    def test_an_existing_school_is_not_overwritten_without_replace(
        self, world, tmp_path
    ) -> None:
        path = backup(tmp_path / "school.zip", "123456")
        counts = row_counts()

        with pytest.raises(CommandError) as raised:
            restore(path)

        assert raised.value.returncode == 2
        assert str(raised.value) == (
            "School 123456 (Larch Lane Primary) is already here; run again with "
            "--replace to overwrite it with the backup."
        )
        assert row_counts() == counts

    def test_a_file_from_a_newer_schema_is_refused_in_one_line(
        self, world, tmp_path
    ) -> None:
        path = backup(tmp_path / "school.zip", "123456")
        newer = rewrite(
            path,
            "manifest.json",
            lambda text: add_migration(text, "meetings", "0099_from_the_future"),
        )
        counts = row_counts()

        with pytest.raises(CommandError) as raised:
            restore(newer, "--replace")

        message = str(raised.value)
        assert raised.value.returncode == 2
        assert "migration meetings.0099_from_the_future is not applied here" in message
        assert "\n" not in message
        assert row_counts() == counts

    def test_a_database_not_yet_migrated_is_told_to_migrate(
        self, world, tmp_path
    ) -> None:
        from django.db.migrations.recorder import MigrationRecorder

        path = backup(tmp_path / "school.zip", "123456")
        latest = MigrationRecorder.Migration.objects.filter(app="meetings").latest("id")
        latest.delete()  # as if `tandem migrate` had not been run since an upgrade

        with pytest.raises(CommandError) as raised:
            restore(path, "--replace")

        assert raised.value.returncode == 2
        assert str(raised.value) == (
            "This database is not up to date: 1 migration of this Tandem is not applied "
            f"here (meetings.{latest.name} first). Run `tandem migrate`, then restore "
            f"{path} again."
        )

    def test_a_zip_needing_a_newer_zip_version_is_refused_as_unreadable(
        self, world, tmp_path
    ) -> None:
        path = backup(tmp_path / "school.zip", "123456")
        path.write_bytes(needing_a_newer_zip_version(path.read_bytes()))

        with pytest.raises(CommandError) as raised:
            restore(path, "--replace")

        assert raised.value.returncode == 1
        assert str(raised.value) == (
            f"{path} is not a Tandem backup: it is not a readable .zip file "
            "(zip file version 6.4)."
        )

    def test_a_newer_backup_format_is_refused(self, world, tmp_path) -> None:
        path = backup(tmp_path / "school.zip", "123456")
        newer = rewrite(
            path,
            "manifest.json",
            lambda text: text.replace('"format_version": 1', '"format_version": 2'),
        )

        with pytest.raises(CommandError) as raised:
            restore(newer, "--replace")

        assert raised.value.returncode == 2
        assert "newer Tandem (backup format 2)" in str(raised.value)

    def test_an_unknown_school_cannot_be_backed_up(self, world, tmp_path) -> None:
        with pytest.raises(CommandError, match="No school has URN 111111."):
            backup(tmp_path / "x.zip", "111111")

        assert not (tmp_path / "x.zip").exists()


class TestDamagedFiles:
    def test_a_file_that_is_not_a_zip(self, world, tmp_path) -> None:
        path = tmp_path / "notes.zip"
        path.write_text("Dear governors,")

        with pytest.raises(CommandError) as raised:
            restore(path)

        assert raised.value.returncode == 1
        assert "is not a Tandem backup: it is not a readable .zip file" in str(
            raised.value
        )

    def test_a_truncated_zip(self, world, tmp_path) -> None:
        path = backup(tmp_path / "school.zip", "123456")
        cut = tmp_path / "cut.zip"
        cut.write_bytes(path.read_bytes()[:-200])
        counts = row_counts()

        with pytest.raises(CommandError, match="not a readable .zip file"):
            restore(cut, "--replace")

        assert row_counts() == counts

    def test_a_zip_with_a_damaged_member(self, world, tmp_path) -> None:
        path = backup(tmp_path / "school.zip", "123456")
        raw = bytearray(path.read_bytes())
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("data.json")
        middle = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
        raw[middle] ^= 0xFF
        damaged = tmp_path / "damaged.zip"
        damaged.write_bytes(bytes(raw))

        with pytest.raises(CommandError) as raised:
            restore(damaged, "--replace")

        message = str(raised.value)
        assert "damaged.zip" in message
        assert "data.json" in message or "not a readable .zip file" in message

    def test_a_zip_without_a_manifest(self, world, tmp_path) -> None:
        path = tmp_path / "other.zip"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("data.json", "[]")

        with pytest.raises(CommandError, match="it has no manifest.json"):
            restore(path)

    def test_bad_data_part_way_through_leaves_everything_as_it_was(
        self, world, tmp_path
    ) -> None:
        path = backup(tmp_path / "school.zip", "123456")

        def orphan_row(text: str) -> str:
            rows = json.loads(text)
            orphan = {"school": 424242, "name": "Nobody", "role": "TA"}
            rows.append({"model": "schools.teammember", "pk": 99999, "fields": orphan})
            return json.dumps(rows)

        broken = rewrite(path, "data.json", orphan_row)
        before = school_snapshot("123456")
        counts = row_counts()

        with pytest.raises(CommandError) as raised:
            restore(broken, "--replace")

        assert raised.value.returncode == 1
        assert "could not be restored" in str(raised.value)
        assert school_snapshot("123456") == before
        assert row_counts() == counts
        assert not AuditEntry.objects.filter(action=RESTORED).exists()

    def test_a_row_that_does_not_deserialise(self, world, tmp_path) -> None:
        path = backup(tmp_path / "school.zip", "123456")
        broken = rewrite(
            path,
            "data.json",
            lambda text: text.replace(
                '"model": "schools.teammember"', '"model": "x.y"', 1
            ),
        )
        counts = row_counts()

        with pytest.raises(CommandError, match="could not be restored"):
            restore(broken, "--replace")

        assert row_counts() == counts


def test_replacing_a_school_drops_its_prepared_packs(
    world, tmp_path, django_capture_on_commit_callbacks
) -> None:
    """Jobs are not backed up: what the restored data would make is made again."""

    path = backup(tmp_path / "school.zip", "123456")
    pack = make_job(world.school, status=Job.Status.DONE)
    others = make_job(world.other_school, status=Job.Status.DONE)
    stored, storage = pack.result.name, pack.result.storage

    with django_capture_on_commit_callbacks(execute=True):
        restore(path, "--replace")

    assert list(Job.objects.all()) == [others]
    assert not storage.exists(stored)
    assert storage.exists(others.result.name)
    assert (
        "ops.job"
        not in json.loads(zipfile.ZipFile(path).read("manifest.json"))["records"]
    )
