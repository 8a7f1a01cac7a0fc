import io

import pytest
from django.conf import settings
from django.core.management import call_command

from tandem.audit.models import AuditEntry
from tandem.schools import demo
from tandem.schools.management.commands.demo import served_at
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


@pytest.mark.parametrize(
    ("addrport", "address"),
    [
        ("127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("8123", "http://127.0.0.1:8123"),
        ("0.0.0.0:9000", "http://0.0.0.0:9000"),
    ],
)
def test_the_demo_says_where_it_serves(addrport, address) -> None:
    assert served_at(addrport) == address


@pytest.mark.django_db
def test_emailed_links_point_at_the_port_the_demo_serves(monkeypatch) -> None:
    monkeypatch.setenv("TANDEM_BASE_URL", "unset by the test")
    monkeypatch.delenv("TANDEM_BASE_URL")
    # The command sets the setting itself; monkeypatch puts it back afterwards.
    monkeypatch.setattr(settings, "TANDEM_BASE_URL", "http://127.0.0.1:8000")
    out = io.StringIO()

    call_command("demo", "--no-serve", "--addrport", "127.0.0.1:8123", stdout=out)

    assert settings.TANDEM_BASE_URL == "http://127.0.0.1:8123"
    assert "Open http://127.0.0.1:8123/ and sign in as:" in out.getvalue()
