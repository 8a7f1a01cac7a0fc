import pytest

from tandem.audit.models import AuditEntry
from tandem.schools import demo
from tandem.schools.models import Membership, School, TeamMember


@pytest.mark.django_db
def test_seed_demo_twice_changes_nothing() -> None:
    first = demo.seed_demo()
    counts = (
        School.objects.count(),
        Membership.objects.count(),
        TeamMember.objects.count(),
        AuditEntry.objects.count(),
    )

    second = demo.seed_demo()

    assert first is not None and second is None
    assert counts == (
        School.objects.count(),
        Membership.objects.count(),
        TeamMember.objects.count(),
        AuditEntry.objects.count(),
    )
    assert first.school.urn == demo.DEMO_URN
    assert set(first.users) >= {
        "senco",
        "sen_governor",
        "headteacher",
        "clerk",
        "other",
    }


@pytest.mark.django_db
def test_demo_logins_sign_in_with_the_published_password(client) -> None:  # noqa: ANN001
    demo.seed_demo()

    for username, _role in demo.DEMO_LOGINS:
        assert client.login(username=username, password=demo.DEMO_PASSWORD), username
