from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.utils import timezone

from tandem.audit.models import AuditEntry
from tandem.compliance import services
from tandem.compliance.models import InvalidTransition, Locked, Signatory, SignOff
from tandem.compliance.reviews import next_review_after
from tandem.compliance.tests.builders import (
    governors,
    make_document,
    make_version,
    pdf_bytes,
    request,
    sign_all,
)
from tandem.schools.models import Membership
from tandem.testing import make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():  # noqa: ANN201
    return make_world()


@pytest.fixture
def version(world):  # noqa: ANN001, ANN201
    document = make_document(world.school, by=world.user("senco"))
    return make_version(document, by=world.user("senco"))


def member(world, persona):  # noqa: ANN001, ANN201
    return Membership.objects.get(user=world.user(persona), school=world.school)


def test_only_governors_are_eligible_by_default(world):
    roles = sorted(m.role for m in governors(world.school))

    assert roles == ["governor", "sen_governor"]


def test_a_headteacher_who_is_a_governor_may_sign(world):
    Membership.objects.filter(user=world.user("headteacher")).update(also_governor=True)

    roles = sorted(m.role for m in governors(world.school))

    assert roles == ["governor", "headteacher", "sen_governor"]


def test_naming_a_non_governor_is_refused(world, version):
    with pytest.raises(services.SignOffError) as caught:
        request(version, by=world.user("clerk"), signatories=[member(world, "senco")])

    assert str(caught.value) == (
        "Senco Tester cannot sign for the governing body: only governors can."
    )
    assert not SignOff.objects.exists()


def test_request_binds_the_version_hash(world, version):
    sign_off = request(version, by=world.user("clerk"))

    assert sign_off.sha256 == version.sha256
    assert sign_off.status == SignOff.Status.COLLECTING
    assert [s.role for s in sign_off.signatories.all()] == ["Governor", "SEN governor"]
    entry = AuditEntry.objects.get(action="compliance.signoff.requested")
    assert (entry.actor, entry.data) == (world.user("clerk"), {"version": version.pk})


def test_complete_when_every_governor_has_confirmed(world, version):
    sign_off = request(version, by=world.user("clerk"))
    first, second = sign_off.signatories.all()
    today = timezone.localdate()

    services.confirm_sign_off(
        sign_off,
        by=first.user,
        signatory=first,
        signed_on=today,
        recorder=Membership.objects.get(user=first.user),
    )
    sign_off.refresh_from_db()
    assert sign_off.status == SignOff.Status.COLLECTING

    services.confirm_sign_off(
        sign_off,
        by=second.user,
        signatory=second,
        signed_on=today,
        recorder=Membership.objects.get(user=second.user),
    )
    sign_off.refresh_from_db()
    assert sign_off.status == SignOff.Status.COMPLETE
    assert sign_off.completed_at is not None
    document = version.document
    document.refresh_from_db()
    assert document.last_reviewed_on == today
    assert document.next_review_on == next_review_after(document.kind, today)
    actions = list(
        AuditEntry.objects.filter(action__startswith="compliance.signoff")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "compliance.signoff.requested",
        "compliance.signoff.confirmed",
        "compliance.signoff.confirmed",
        "compliance.signoff.completed",
    ]


def test_a_governor_cannot_sign_for_another(world, version):
    sign_off = request(version, by=world.user("clerk"))
    other_line = sign_off.signatories.get(user=world.user("governor"))

    with pytest.raises(services.SignOffError):
        services.confirm_sign_off(
            sign_off,
            by=world.user("sen_governor"),
            signatory=other_line,
            signed_on=timezone.localdate(),
            recorder=member(world, "sen_governor"),
        )

    assert sign_off.outstanding() != []


def test_the_clerk_records_a_paper_signature(world, version):
    sign_off = request(version, by=world.user("clerk"))
    line = sign_off.signatories.get(user=world.user("governor"))

    services.confirm_sign_off(
        sign_off,
        by=world.user("clerk"),
        signatory=line,
        signed_on=timezone.localdate(),
        recorder=member(world, "clerk"),
    )

    line.refresh_from_db()
    assert line.recorded_by == world.user("clerk")
    assert line.recorded_by_clerk


def test_a_future_date_is_refused(world, version):
    sign_off = request(version, by=world.user("clerk"))
    line = sign_off.signatories.get(user=world.user("governor"))

    with pytest.raises(services.SignOffError) as caught:
        services.confirm_sign_off(
            sign_off,
            by=world.user("clerk"),
            signatory=line,
            signed_on=timezone.localdate() + timedelta(days=1),
            recorder=member(world, "clerk"),
        )
    assert "not in the future" in str(caught.value)


def test_a_signed_sign_off_cannot_be_edited_or_deleted(world, version):
    sign_off = sign_all(request(version, by=world.user("clerk")))

    sign_off.statement = "Something else"
    with pytest.raises(Locked):
        sign_off.save()
    with pytest.raises(Locked):
        sign_off.delete()
    line = sign_off.signatories.first()
    line.confirmed_on = line.confirmed_on - timedelta(days=7)
    with pytest.raises(Locked):
        line.save()
    with pytest.raises(InvalidTransition):
        services.withdraw_sign_off(sign_off, by=world.user("clerk"))

    sign_off.refresh_from_db()
    assert sign_off.statement == "We confirm it is accurate."


def test_the_database_refuses_to_change_a_signed_sign_off(world, version):
    sign_off = sign_all(request(version, by=world.user("clerk")))

    with pytest.raises(IntegrityError):
        SignOff.objects.filter(pk=sign_off.pk).update(statement="Rewritten")


def test_the_database_refuses_to_change_a_confirmation(world, version):
    sign_off = sign_all(request(version, by=world.user("clerk")))

    with pytest.raises(IntegrityError):
        Signatory.objects.filter(sign_off=sign_off).update(name="Someone else")


def test_a_new_version_needs_its_own_sign_off(world, version):
    sign_all(request(version, by=world.user("clerk")))

    newer = make_version(
        version.document, by=world.user("senco"), data=pdf_bytes("Changed wording.")
    )

    assert newer.sign_offs.count() == 0
    assert version.sign_offs.get().is_complete  # the old one still stands, for v1 only
    sign_off = request(newer, by=world.user("clerk"))
    assert sign_off.sha256 == newer.sha256 != version.sha256


def test_one_live_sign_off_per_version(world, version):
    request(version, by=world.user("clerk"))

    with pytest.raises(services.SignOffError) as caught:
        request(version, by=world.user("clerk"))
    assert str(caught.value).startswith("Version 1 already has a sign-off.")


def test_withdrawing_allows_a_fresh_request(world, version):
    sign_off = request(version, by=world.user("clerk"))

    services.withdraw_sign_off(sign_off, by=world.user("clerk"))
    again = request(version, by=world.user("clerk"))

    sign_off.refresh_from_db()
    assert sign_off.status == SignOff.Status.WITHDRAWN
    assert again.status == SignOff.Status.COLLECTING


def test_a_file_changed_on_disk_cannot_be_signed(world, version):
    sign_off = request(version, by=world.user("clerk"))
    with open(version.file.path, "ab") as stored:
        stored.write(b"tampered")
    line = sign_off.signatories.get(user=world.user("governor"))

    with pytest.raises(services.SignOffError) as caught:
        services.confirm_sign_off(
            sign_off,
            by=world.user("governor"),
            signatory=line,
            signed_on=timezone.localdate(),
            recorder=member(world, "governor"),
        )

    assert "no longer matches the fingerprint" in str(caught.value)
    line.refresh_from_db()
    assert line.confirmed_at is None
