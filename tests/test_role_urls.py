"""Every URL, every persona: the status code each must get (product.md's permission table).

Each app lists its cases in `tandem/<app>/tests/url_cases.py`. A URL name with no case fails
`test_every_url_has_a_case`, so a new page cannot ship without its row.
"""

import importlib
import importlib.util
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.db import transaction
from django.http import HttpResponse
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tandem.testing import PERSONAS, UrlCase, make_world


def _all_cases() -> list[UrlCase]:
    cases: list[UrlCase] = []
    for app in settings.TANDEM_APPS + ["audit", "ops"]:
        dotted = f"tandem.{app}.tests.url_cases"
        if importlib.util.find_spec(dotted) is not None:
            cases.extend(importlib.import_module(dotted).CASES)
    return cases


CASES = _all_cases()


def _url_names(resolver: URLResolver, prefix: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            names |= _url_names(pattern, namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(prefix + pattern.name)
    return names


def test_every_url_has_a_case() -> None:
    covered = {case.name for case in CASES}
    missing = sorted(_url_names(get_resolver()) - covered)

    assert missing == [], f"URLs with no role x URL case: {missing}"


def test_every_case_covers_every_persona() -> None:
    incomplete = [case.name for case in CASES if set(case.expect) != set(PERSONAS)]

    assert incomplete == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "case",
    CASES,
    ids=[f"{c.method}-{c.name}-{c.note or i}" for i, c in enumerate(CASES)],
)
def test_every_persona_gets_the_expected_status(client, case: UrlCase) -> None:
    """One world per case; each persona's request runs inside a savepoint that is rolled
    back, so every persona meets the same fresh records (and the suite stays quick)."""

    world = make_world()
    wrong = []
    for persona in PERSONAS:
        savepoint = transaction.savepoint()
        response, url = _request_as(client, world, case, persona)
        transaction.savepoint_rollback(savepoint)
        if response.status_code != case.expect[persona]:
            wrong.append(
                f"{persona} {case.method.upper()} {url}: got {response.status_code}, "
                f"expected {case.expect[persona]}"
            )

    assert wrong == []


def _request_as(  # noqa: ANN001
    client, world, case: UrlCase, persona: str, *, login: bool = True
) -> tuple[HttpResponse, str]:
    if login:
        client.logout()
        user = world.user(persona)
        if user is not None:
            client.force_login(user)
    kwargs = case.kwargs(world)
    urn = case.urn(world)
    if urn is not None:
        kwargs = {"urn": urn, **kwargs}
    url = reverse(case.name, kwargs=kwargs)
    if case.method == "post":
        response = client.post(url, case.data(world))
    else:
        response = client.get(url)

    return response, url


# Which cases address a page of the world's own school behind the sign-in.
_HERE = SimpleNamespace(school=SimpleNamespace(urn="here"), other_school=None)
SIGNED_IN_PAGES = [
    case
    for case in CASES
    if case.expect["anonymous"] == 302 and case.urn(_HERE) == "here"
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "case",
    SIGNED_IN_PAGES,
    ids=[f"{c.method}-{c.name}-{c.note or i}" for i, c in enumerate(SIGNED_IN_PAGES)],
)
def test_every_school_page_asks_for_the_second_step_first(
    client, case: UrlCase
) -> None:
    """A user with an authenticator app who has given only a password reaches no page,
    read or write, of any app, until they enter a code."""

    world = make_world()
    senco = world.user("senco")
    TOTPDevice.objects.create(user=senco, name="phone", confirmed=True)
    client.force_login(senco)
    response, url = _request_as(client, world, case, "senco", login=False)

    assert response.status_code == 302, f"{case.method.upper()} {url}"
    assert response["Location"].startswith(reverse("two-factor-verify")), url
