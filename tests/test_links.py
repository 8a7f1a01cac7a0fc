"""Every link a role is shown on the demo school's pages opens for that role.

A crawl from each role's dashboard, following same-site links (pages only: exports are
covered by the role x URL matrix), must meet no 403, 404 or 500: a link to a page the
reader may not open is a defect of the page that shows it.
"""

import re
from collections import deque

import pytest
from django.contrib.auth import get_user_model

from tandem.schools import demo

LINK = re.compile(r'href="(/[^"#?]*)"')
SKIP = re.compile(
    r"\.(pdf|docx|ics|csv|xlsx|png|svg|css|js)$|/accounts/|/file/$|/feed/"
)
MAX_PAGES = 120
ROLES = [
    "demo-senco",
    "demo-governor",
    "demo-head",
    "demo-deputy",
    "demo-board",
    "demo-clerk",
    "demo-officer",
    "demo-other",
]


@pytest.mark.slow
@pytest.mark.django_db
def test_no_link_leads_any_role_to_a_refusal(client) -> None:  # noqa: ANN001
    demo.seed_demo()
    users = get_user_model().objects.filter(username__in=ROLES)

    broken = {user.username: _broken_links(client, user) for user in users}

    assert len(broken) == len(ROLES)
    assert {name: found for name, found in broken.items() if found} == {}


def _broken_links(client, user) -> list[str]:  # noqa: ANN001
    client.force_login(user)
    seen, queue, broken = set(), deque(["/"]), []
    while queue and len(seen) < MAX_PAGES:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path, follow=True)
        if response.status_code >= 400:
            broken.append(f"{path}: {response.status_code}")
        elif "text/html" in response.get("Content-Type", ""):
            queue.extend(
                link
                for link in LINK.findall(response.content.decode())
                if not SKIP.search(link) and link not in seen
            )
    assert len(seen) > 5, f"{user.username} reached too few pages to judge"

    return broken
