import pytest

from tandem.audit.models import AuditEntry
from tandem.audit.services import record, system_actor
from tandem.testing import make_school, make_user


@pytest.mark.django_db
def test_record_names_actor_action_object_and_changed_fields() -> None:
    school = make_school()
    user = make_user("rhiannon")

    entry = record("schools.school.updated", school, by=user, changed=["name", "urn"])

    assert (entry.school, entry.actor, entry.action) == (
        school,
        user,
        "schools.school.updated",
    )
    assert (entry.object_type, entry.object_id) == ("schools.school", str(school.pk))
    assert entry.data == {"changed": ["name", "urn"]}


@pytest.mark.django_db
def test_entries_cannot_be_changed_or_deleted() -> None:
    entry = record("schools.school.created", make_school(), by=None)

    entry.action = "something.else"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="x")
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()

    assert AuditEntry.objects.get(pk=entry.pk).action == "schools.school.created"


@pytest.mark.django_db
def test_system_actor_cannot_sign_in_and_is_reused() -> None:
    actor = system_actor()

    assert not actor.is_active and not actor.has_usable_password()
    assert system_actor().pk == actor.pk
