import pytest

from tandem.schools.models import Membership
from tandem.schools.permissions import Capability, resolve_access
from tandem.testing import make_member, make_school

Role = Membership.Role


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "also_governor", "may_sign"),
    [
        (Role.SEN_GOVERNOR, False, True),
        (Role.GOVERNOR, False, True),
        (Role.HEADTEACHER, True, True),
        (Role.HEADTEACHER, False, False),
        (Role.SENCO, False, False),
        (Role.CLERK, False, True),
    ],
)
def test_sign_off_only_for_governors_and_the_clerk_recording(
    role, also_governor, may_sign
) -> None:  # noqa: ANN001
    school = make_school()
    user = make_member(school, role, also_governor=also_governor)

    access = resolve_access(user, school.urn)

    assert access.can(Capability.SIGN_OFF, write=True) is may_sign


@pytest.mark.django_db
def test_governors_are_governor_facing_and_leaders_are_not() -> None:
    school = make_school()
    governor = resolve_access(make_member(school, Role.SEN_GOVERNOR), school.urn)
    senco = resolve_access(make_member(school, Role.SENCO), school.urn)

    assert governor.is_governor_facing and not senco.is_governor_facing
