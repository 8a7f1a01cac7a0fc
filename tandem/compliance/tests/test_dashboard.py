from datetime import timedelta

import pytest
from django.utils import timezone

from tandem.compliance import dashboard
from tandem.compliance.tests.builders import (
    html_bytes,
    make_document,
    make_version,
    request,
    sign_all,
)
from tandem.schools.dashboard import DashboardContext, Level
from tandem.schools.permissions import resolve_access
from tandem.testing import make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():  # noqa: ANN201
    return make_world()


def items(world, persona, today=None):  # noqa: ANN001, ANN201
    access = resolve_access(world.user(persona), world.school.urn)
    ctx = DashboardContext(access=access, today=today or timezone.localdate())
    return [(item.level, item.text) for item in dashboard.attention(ctx)]


def test_review_due_and_overdue(world):
    today = timezone.localdate()
    make_document(
        world.school, by=None, title="Report", next_review_on=today - timedelta(days=2)
    )
    make_document(
        world.school,
        by=None,
        title="Policy",
        kind="sen_policy",
        next_review_on=today + timedelta(days=10),
    )
    make_document(
        world.school,
        by=None,
        title="Plan",
        kind="accessibility_plan",
        next_review_on=today + timedelta(days=200),
    )

    found = items(world, "senco", today)

    assert (
        Level.OVERDUE,
        f"Report: review overdue by 2 days ({today - timedelta(days=2):%d/%m/%Y}).",
    ) in found
    assert (
        Level.DUE,
        f"Policy: review due in 10 days ({today + timedelta(days=10):%d/%m/%Y}).",
    ) in found
    assert not any(text.startswith("Plan") for _, text in found)


def test_latest_version_awaiting_sign_off(world):
    document = make_document(world.school, by=world.user("senco"), title="Report")
    version = make_version(
        document, by=world.user("senco"), data=html_bytes(), filename="r.html"
    )
    assert (Level.INFO, "Report, version 1, has not been signed off.") in items(
        world, "senco"
    )

    sign_off = request(version, by=world.user("clerk"))
    assert (
        Level.INFO,
        "Report, version 1, is awaiting sign-off: 0 of 2 governors have confirmed.",
    ) in items(world, "clerk")
    assert (Level.DUE, "You are asked to sign off Report, version 1.") in items(
        world, "governor"
    )

    sign_all(sign_off)
    assert items(world, "governor") == []


def test_a_new_version_after_signing_shows_again(world):
    document = make_document(world.school, by=world.user("senco"), title="Report")
    version = make_version(
        document, by=world.user("senco"), data=html_bytes(), filename="r.html"
    )
    sign_all(request(version, by=world.user("clerk")))
    make_version(
        document, by=world.user("senco"), data=html_bytes("v2"), filename="r.html"
    )

    assert (Level.INFO, "Report, version 2, has not been signed off.") in items(
        world, "senco"
    )


def test_panel_lists_documents_with_signed_state(client, world):
    from django.urls import reverse

    from tandem.testing import PASSWORD

    document = make_document(world.school, by=world.user("senco"), title="Report")
    version = make_version(
        document, by=world.user("senco"), data=html_bytes(), filename="r.html"
    )
    sign_all(request(version, by=world.user("clerk")))
    client.login(username="officer", password=PASSWORD)

    page = client.get(reverse("schools:dashboard", kwargs={"urn": world.school.urn}))

    text = page.content.decode()
    assert '<h2 id="panel-' in text and ">Documents</h2>" in text
    assert "Signed</strong> Version 1" in text
    assert "Review up to date" in text
