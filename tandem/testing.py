"""Test personas and builders shared by every app's tests.

`make_world()` builds two schools and one user per role at the first, plus an outsider (the
SENCO of the second school). Apps add their own `make_*` builders in their tests.
"""

import re
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from tandem.schools.models import Membership, School, TeamMember

Role = Membership.Role
PASSWORD = "correct-horse-battery"  # noqa: S105
# Hashing once keeps the suite fast; Argon2 is still what signs people in.
_PASSWORD_HASH: list[str] = []

PERSONAS = [
    "senco",
    "sen_governor",
    "governor",
    "headteacher",
    "senior_leader",
    "clerk",
    "officer",
    "outsider",
    "anonymous",
]


def make_school(**overrides: object) -> School:
    count = School.objects.count() + 1
    fields = {
        "name": f"Test School {count}",
        "urn": f"{100000 + count}",
        "phase": School.Phase.PRIMARY,
        "provision": School.Provision.MAINSTREAM,
        "governance": School.Governance.MAINTAINED,
    }
    fields.update(overrides)

    return School.objects.create(**fields)


def make_user(username: str, **overrides: object):  # noqa: ANN201
    if not _PASSWORD_HASH:
        _PASSWORD_HASH.append(make_password(PASSWORD))
    fields = {
        "first_name": username.title(),
        "last_name": "Tester",
        "email": f"{username}@example.org",
        "password": _PASSWORD_HASH[0],
    }
    fields.update(overrides)

    return get_user_model().objects.create(username=username, **fields)


def make_member(
    school: School, role: str, username: str | None = None, **overrides: object
):  # noqa: ANN201
    user = make_user(username or f"{role}-{school.urn}")
    Membership.objects.create(user=user, school=school, role=role, **overrides)

    return user


def make_team_member(school: School, **overrides: object) -> TeamMember:
    fields = {"name": "Alex Example", "role": "Teaching assistant"}
    fields.update(overrides)

    return TeamMember.objects.create(school=school, **fields)


@dataclass
class World:
    """Two schools and a user for every persona; `users["anonymous"]` is None."""

    school: School
    other_school: School
    users: dict = field(default_factory=dict)

    def user(self, persona: str):  # noqa: ANN201
        return self.users[persona]


def make_world() -> World:
    school = make_school(name="Larch Lane Primary", urn="123456")
    other = make_school(
        name="Other Hill Academy", urn="654321", governance=School.Governance.ACADEMY
    )
    world = World(school=school, other_school=other)
    for role in Role:
        world.users[role.value] = make_member(
            school, role, username=role.value, also_governor=False
        )
    Membership.objects.create(
        user=world.users["officer"], school=other, role=Role.OFFICER
    )
    world.users["outsider"] = make_member(other, Role.SENCO, username="outsider")
    world.users["anonymous"] = None

    return world


@dataclass(frozen=True)
class UrlCase:
    """One row of the role x URL matrix.

    `kwargs(world)` gives the URL's arguments (besides urn, which is always the world's
    school). `data(world)` gives the POST body for method "post". `expect` maps each persona
    to the status code it must get; "anonymous" defaults to a redirect to sign in (302).
    `setup(world)` may create records first and return a dict merged into the kwargs' input.
    """

    name: str
    expect: dict[str, int]
    method: str = "get"
    kwargs: Callable[[World], dict] = lambda world: {}
    data: Callable[[World], dict] = lambda world: {}
    urn: Callable[[World], str] = lambda world: world.school.urn
    note: str = ""


def expect(default: int, **by_persona: int) -> dict[str, int]:
    """Expected codes: every persona gets `default` except those named."""

    codes = {persona: default for persona in PERSONAS}
    codes["anonymous"] = 302
    codes["outsider"] = 404
    codes.update(by_persona)

    return codes


def run_queued_jobs() -> int:
    """Run what the background worker would, here and now; returns how many ran.

    The worker's own loop closes database connections between tasks, which would end a
    test's transaction, so the tasks go through the worker's `run_task` one by one.
    """

    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
        excluded_queue_names=[],
    )
    ran = 0
    while (result := DBTaskResult.objects.ready().first()) is not None:
        result.claim(worker.worker_id)
        worker.run_task(result)
        ran += 1

    return ran


# Crawling the demo -------------------------------------------------------------------

_LINK = re.compile(r'href="(/[^"#?]*)"')
# Not followed: forms (they link to nothing new) and the planner's years outside the
# demo's (a year page links on to the next year for ever).
NOT_WORTH_FOLLOWING = re.compile(
    r"/accounts/|/feed/|/(edit|delete|arrange|new)/$"
    r"|/planner/(?!202[4-7]-2[5-8]/)\d{4}-\d{2}/"
)


def crawl(client, *, fetch: Callable[[str], bool], limit: int = 1000):  # noqa: ANN001, ANN201
    """(path, response) for every same-site path reachable by links from "/" that
    `fetch` accepts, breadth first; links are read from HTML pages only."""

    seen, queue = set(), deque(["/"])
    while queue:
        assert len(seen) < limit, "the crawl is not ending"
        path = queue.popleft()
        if path in seen or not fetch(path) or NOT_WORTH_FOLLOWING.search(path):
            continue
        seen.add(path)
        response = client.get(path, follow=True)
        yield path, response
        if "text/html" in response.get("Content-Type", ""):
            queue.extend(
                link
                for link in _LINK.findall(response.content.decode())
                if link not in seen
            )
