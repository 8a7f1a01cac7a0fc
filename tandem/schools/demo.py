"""The demo: Larkspur Primary School, invented people, and a lived-in history.

`seed_demo()` creates the schools and people, then calls `seed(demo)` in each app's `demo.py`
(in TANDEM_APPS order), all in one transaction. If the demo school exists it changes nothing.
"""

import datetime as dt
import logging
import unicodedata
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction

from tandem.audit.services import system_actor
from tandem.lib.calendar import london_today
from tandem.schools import services
from tandem.schools.models import Membership, School
from tandem.schools.plugins import app_modules

logger = logging.getLogger(__name__)
Role = Membership.Role

DEMO_URN = "999001"
OTHER_URN = "999002"
DEMO_PASSWORD = "larkspur-demo"  # noqa: S105 (published demo logins)

# username, first name, last name, role at Larkspur (None: at the other school only)
PEOPLE = [
    ("demo-senco", "Rhiannon", "Talbot", Role.SENCO),
    ("demo-governor", "Marcus", "Adeyemi", Role.SEN_GOVERNOR),
    ("demo-head", "Helen", "Fairweather", Role.HEADTEACHER),
    ("demo-deputy", "Owen", "Kerridge", Role.SENIOR_LEADER),
    ("demo-board", "Tom", "Ashdown", Role.GOVERNOR),
    ("demo-clerk", "Grace", "Pemberton", Role.CLERK),
    ("demo-officer", "Fatima", "Rahman", Role.OFFICER),
    ("demo-other", "Callum", "Birtwistle", None),
]
DEMO_LOGINS = [
    (
        username,
        Role(role).label if role else "SENCO at Wrenfield Academy (another school)",
    )
    for username, _, _, role in PEOPLE
]

TEAM = [
    (
        "Rhiannon Talbot",
        "SENCO",
        "Assessment; working with families; EHC plan applications",
        "Time to observe interventions",
        "Wants more time in classrooms.",
    ),
    (
        "Siân Ó Briain",
        "Teaching assistant (speech and language)",
        "Trained in Talk Boost and Colourful Semantics",
        "Supporting autistic pupils at lunch",
        "Keen to lead the nurture group next year.",
    ),
    (
        "Zoë Łęcka-Byrne",
        "Higher-level teaching assistant",
        "Precision teaching; phonics catch-up",
        "Recording impact",
        "",
    ),
    (
        unicodedata.normalize("NFD", "Nguyễn Thị Hoa"),
        "Teaching assistant",
        "Emotional literacy support (ELSA)",
        "Working with outside agencies",
        "Bilingual: Vietnamese and English.",
    ),
    (
        "Owen Kerridge",
        "Deputy headteacher",
        "Timetabling; staff deployment",
        "Knowledge of the SEND Code of Practice",
        "",
    ),
    ("Helen Fairweather", "Headteacher", "Budget; governance", "", ""),
]


@dataclass
class DemoSchool:
    school: School
    other_school: School
    users: dict[str, object] = field(default_factory=dict)  # role (or "other") -> User
    today: dt.date = field(default_factory=london_today)


def seed_demo() -> DemoSchool | None:
    """Create the demo schools and everything in them; None if they already exist."""

    if School.objects.filter(urn=DEMO_URN).exists():
        return None
    with transaction.atomic():
        demo = _create_schools_and_people()
        _create_team(demo)
        for module in app_modules("demo"):
            module.seed(demo)
    logger.info("School %s: demo data loaded", demo.school.pk)

    return demo


def _create_schools_and_people() -> DemoSchool:
    actor = system_actor()
    school = services.create_school(
        by=actor,
        name="Larkspur Primary School",
        urn=DEMO_URN,
        phase=School.Phase.PRIMARY,
        provision=School.Provision.MAINSTREAM,
        governance=School.Governance.MAINTAINED,
        local_authority="Westmere Council",
        paper_colour="#fff8e1",
    )
    other = services.create_school(
        by=actor,
        name="Wrenfield Academy",
        urn=OTHER_URN,
        phase=School.Phase.SECONDARY,
        provision=School.Provision.MAINSTREAM,
        governance=School.Governance.ACADEMY,
        local_authority="Westmere Council",
    )
    demo = DemoSchool(school=school, other_school=other)
    for username, first, last, role in PEOPLE:
        user = _make_user(username, first, last)
        if role is None:
            services.add_membership(other, user, Role.SENCO, by=actor)
            demo.users["other"] = user
            continue
        services.add_membership(
            school, user, role, by=actor, also_governor=role == Role.HEADTEACHER
        )
        demo.users[role] = user
    services.add_membership(other, demo.users[Role.OFFICER], Role.OFFICER, by=actor)

    return demo


def _make_user(username: str, first: str, last: str):  # noqa: ANN202
    user = get_user_model().objects.create_user(
        username=username,
        first_name=first,
        last_name=last,
        email=f"{username}@larkspur.example",
        password=DEMO_PASSWORD,
    )

    return user


def _create_team(demo: DemoSchool) -> None:
    senco = demo.users[Role.SENCO]
    for name, role, strengths, support, notes in TEAM:
        services.add_team_member(
            demo.school,
            by=senco,
            name=name,
            role=role,
            strengths=strengths,
            support_areas=support,
            notes=notes,
        )
