import pytest
from django.urls import reverse

from tandem.audit.services import record
from tandem.audit.templatetags.audit_tags import action_label, field_names
from tandem.schools.models import Membership
from tandem.testing import make_member, make_school, make_team_member


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("schools.team_member.updated", "Team member updated"),
        ("compliance.signoff.confirmed", "Sign-off confirmed"),
        ("duties.senco.updated", "SENCO updated"),
        ("accounts.two_factor.enabled", "Two-factor sign-in enabled"),
        ("job.finished", "Job finished"),
    ],
)
def test_action_codes_read_as_words(code: str, label: str) -> None:
    assert action_label(code) == label


def test_field_names_read_as_words() -> None:
    assert field_names(["last_reviewed_on", "next_review_on"]) == (
        "last reviewed on, next review on"
    )


@pytest.mark.django_db
def test_history_page_speaks_plain_english(client) -> None:  # noqa: ANN001
    school = make_school()
    senco = make_member(school, Membership.Role.SENCO, username="rt")
    member = make_team_member(school)
    record("schools.team_member.updated", member, by=senco, changed=["support_areas"])
    client.force_login(senco)

    page = client.get(
        reverse("audit:history", kwargs={"urn": school.urn})
    ).content.decode()

    assert "Team member updated" in page and "support areas" in page
    assert "schools.team_member" not in page
