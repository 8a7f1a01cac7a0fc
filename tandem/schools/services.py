"""Every change to schools, memberships and the SEND team register."""

import logging

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Max

from tandem.audit.services import record
from tandem.lib.concurrency import save_versioned
from tandem.schools.models import Membership, School, TeamMember

logger = logging.getLogger(__name__)
TEAM_FIELDS = ["name", "role", "strengths", "support_areas", "notes"]


@transaction.atomic
def create_school(*, by: AbstractBaseUser | None, **fields: str | int) -> School:
    school = School(**fields)
    school.full_clean()
    school.save()

    record("schools.school.created", school, by=by, school=school)
    logger.info("School %s: created", school.pk)

    return school


@transaction.atomic
def add_membership(
    school: School,
    user: AbstractBaseUser,
    role: str,
    *,
    by: AbstractBaseUser | None,
    also_governor: bool = False,
) -> Membership:
    membership = Membership.objects.create(
        school=school, user=user, role=role, also_governor=also_governor
    )

    record("schools.membership.added", membership, by=by, school=school, user=user.pk)

    return membership


@transaction.atomic
def add_team_member(
    school: School, *, by: AbstractBaseUser, **fields: str
) -> TeamMember:
    last = school.team.aggregate(last=Max("position"))["last"] or 0
    member = TeamMember.objects.create(school=school, position=last + 1, **fields)

    record("schools.team_member.added", member, by=by)
    logger.info("Team member %s: added to school %s", member.pk, school.pk)

    return member


@transaction.atomic
def update_team_member(
    member: TeamMember, *, by: AbstractBaseUser, expected_version: int, **fields: str
) -> TeamMember:
    """Save edits unless someone else saved first (then StaleEdit, and nothing changes)."""

    changed = [name for name in TEAM_FIELDS if getattr(member, name) != fields[name]]
    for name in TEAM_FIELDS:
        setattr(member, name, fields[name])
    save_versioned(member, TEAM_FIELDS, expected=expected_version)

    record("schools.team_member.updated", member, by=by, changed=changed)

    return member


@transaction.atomic
def remove_team_member(member: TeamMember, *, by: AbstractBaseUser) -> None:
    school, member_id = member.school, member.pk
    member.delete()

    record(
        "schools.team_member.removed", None, by=by, school=school, team_member=member_id
    )
    logger.info("Team member %s: removed from school %s", member_id, school.pk)


SETTINGS_FIELDS = ["paper_colour", "suppression_threshold", "require_two_factor"]


@transaction.atomic
def update_school_settings(school: School, *, by: AbstractBaseUser, **fields) -> School:
    changed = [
        name for name in SETTINGS_FIELDS if getattr(school, name) != fields[name]
    ]
    for name in SETTINGS_FIELDS:
        setattr(school, name, fields[name])
    school.full_clean()
    school.save(update_fields=SETTINGS_FIELDS)

    record("schools.school.settings_changed", school, by=by, changed=changed)

    return school
