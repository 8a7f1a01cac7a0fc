"""Every URL, every persona: the status code each must get (product.md's permission table).

Each app lists its cases in `tandem/<app>/tests/url_cases.py`. A URL name with no case fails
`test_every_url_has_a_case`, so a new page cannot ship without its row.
"""

import importlib
import importlib.util

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tandem.testing import PASSWORD, PERSONAS, UrlCase, make_world


def _all_cases() -> list[UrlCase]:
    cases: list[UrlCase] = []
    for app in settings.TANDEM_APPS + ["audit"]:
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
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(
    "case",
    CASES,
    ids=[f"{c.method}-{c.name}-{c.note or i}" for i, c in enumerate(CASES)],
)
def test_role_gets_expected_status(client, case: UrlCase, persona: str) -> None:
    world = make_world()
    user = world.user(persona)
    if user is not None:
        assert client.login(username=user.username, password=PASSWORD)
    kwargs = case.kwargs(world)
    urn = case.urn(world)
    if urn is not None:
        kwargs = {"urn": urn, **kwargs}
    url = reverse(case.name, kwargs=kwargs)

    send = client.post if case.method == "post" else client.get
    response = send(url, case.data(world)) if case.method == "post" else send(url)

    assert response.status_code == case.expect[persona], (
        f"{persona} {case.method.upper()} {url}: {response.status_code}"
    )
