"""Larkspur's duties map, reflective answers and SENCO record for the demo.

The map is filled in, with one duty (D21) left unheld so the flag shows. The SENCO
became SENCO on 01/04/2024 with the National Award in progress, so the qualification
deadline, 01/04/2027, shows on the dashboard.
"""

import datetime as dt

from tandem.duties import services
from tandem.duties.catalogue import default_catalogue
from tandem.duties.models import QualificationCourse
from tandem.schools.models import Membership

Role = Membership.Role
D = dt.date

CHANGED_HOLDERS = {
    "D07": {"senco", "slt"},
    "D19": {"senco", "slt"},
    "D21": set(),
    "D22": {"gb", "senco"},
}
NOTES = {
    "D01": (
        "Provision map reviewed each term by the SENCO and deputy; the SEN governor"
        " reports on it to the full governing body.",
        "https://larkspur.example/governors/send/provision-map",
    ),
    "D02": ("Rhiannon Talbot designated SENCO by the board on 21/03/2024.", ""),
    "D04": (
        "National Award in progress with Westmere University; the head checks progress"
        " at each performance review.",
        "",
    ),
    "D08": (
        "SENCO drafts the report each July; the SEN governor checks it against"
        " Schedule 1 before the full board approves it.",
        "https://larkspur.example/send/information-report",
    ),
    "D12": (
        "Three-year accessibility plan, reviewed by the premises committee.",
        "https://larkspur.example/policies/accessibility-plan",
    ),
    "D22": ("Marcus Adeyemi is the link governor for SEND.", ""),
    "D23": ("Two days a week of SENCO time and a half-day of admin support.", ""),
}
OWN_DUTIES = [
    ("Termly SEND coffee morning for parents and carers", {"senco", "slt"}),
    ("Governor learning walk focused on SEND each term", {"gb", "senco"}),
]
ANSWERS = {
    "Q1": "D07 and D19 sat with the SENCO alone; the deputy now shares both.",
    "Q2": (
        "The first holder named in the note leads; the SEN governor asks for an update"
        " at each termly meeting."
    ),
    "Q3": "D21, the local offer consultation: the SEN governor raises it in spring.",
    "Q4": "Links to evidence are added against each duty as the year goes on.",
    "Q5": "Two days a week is tight with 38 pupils on the register; review in July.",
}


def seed(demo) -> None:  # noqa: ANN001 (tandem.schools.demo.DemoSchool)
    senco, governor = demo.users[Role.SENCO], demo.users[Role.SEN_GOVERNOR]
    _seed_map(demo.school, by=senco)
    for title, holders in OWN_DUTIES:
        services.add_school_duty(
            demo.school,
            by=governor,
            title=title,
            summary="",
            holders=frozenset(holders),
        )
    services.save_reflective_answers(
        demo.school,
        by=governor,
        answers=ANSWERS,
        expected_versions=dict.fromkeys(ANSWERS, 0),
    )
    _seed_sencos(demo.school, by=demo.users[Role.HEADTEACHER])


def _seed_map(school, *, by) -> None:  # noqa: ANN001
    for duty in default_catalogue().in_force_on(D(2025, 9, 1)):
        note, evidence = NOTES.get(duty.code, ("", ""))
        holders = CHANGED_HOLDERS.get(duty.code, duty.holders)
        services.set_duty_holders(
            school,
            duty.code,
            by=by,
            holders=frozenset(holders),
            note=note,
            evidence_url=evidence,
            expected_version=0,
        )


def _seed_sencos(school, *, by) -> None:  # noqa: ANN001
    earlier = services.designate_senco(
        school, by=by, name="Priya Nandakumar", became_senco=D(2016, 9, 1),
        is_head=False, qts=True, induction="yes", teaches_here=True, prior_months=0,
    )  # fmt: skip
    services.add_course(
        earlier, by=by, kind=QualificationCourse.Kind.NASENCO, started=D(2016, 10, 3),
        expected=None, completed=D(2018, 7, 13), provider="Westmere University",
    )  # fmt: skip
    current = services.designate_senco(
        school, by=by, name="Rhiannon Talbot", became_senco=D(2024, 4, 1),
        is_head=False, qts=True, induction="yes", teaches_here=True, prior_months=4,
    )  # fmt: skip
    services.add_course(
        current, by=by, kind=QualificationCourse.Kind.NASENCO, started=D(2024, 1, 8),
        expected=D(2026, 12, 18), completed=None, provider="Westmere University",
    )  # fmt: skip
