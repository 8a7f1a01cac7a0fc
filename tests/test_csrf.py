"""Every form post is protected against cross-site request forgery.

For each POST case of the role x URL matrix, a persona whose post that matrix shows
getting through (not a 403 or 404) sends it again without the CSRF token: it must be
refused with the app's own "form has expired" page, and nothing may change.
"""

import pytest
from django.test import Client
from django.urls import reverse

from tandem.audit.models import AuditEntry
from tandem.testing import PERSONAS, make_world
from tests.test_role_urls import CASES

POST_CASES = [case for case in CASES if case.method == "post"]


def _persona_that_gets_through(case) -> str:  # noqa: ANN001
    for persona in PERSONAS:
        if case.expect[persona] not in {403, 404}:
            return persona
    raise AssertionError(f"{case.name}: no persona's post gets through")


def test_there_are_posts_to_check() -> None:
    assert len(POST_CASES) > 50


@pytest.mark.django_db
@pytest.mark.parametrize(
    "case",
    POST_CASES,
    ids=[f"{c.name}-{c.note or i}" for i, c in enumerate(POST_CASES)],
)
def test_a_post_without_the_token_is_refused(case) -> None:  # noqa: ANN001
    world = make_world()
    persona = _persona_that_gets_through(case)
    client = Client(enforce_csrf_checks=True)
    if world.user(persona) is not None:
        client.force_login(world.user(persona))
    kwargs = case.kwargs(world)
    urn = case.urn(world)
    if urn is not None:
        kwargs = {"urn": urn, **kwargs}
    audit_before = AuditEntry.objects.count()

    response = client.post(reverse(case.name, kwargs=kwargs), case.data(world))

    assert response.status_code == 403, f"{persona} {case.name}"
    assert "This form has expired" in response.content.decode()
    assert AuditEntry.objects.count() == audit_before
