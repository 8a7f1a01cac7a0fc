"""Who may read and write what, per school. Every view resolves the school and role first."""

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp import devices_for_user

from tandem.schools.models import Membership, School

Role = Membership.Role
ALL_ROLES = frozenset(Role)
GOVERNORS = frozenset({Role.SEN_GOVERNOR, Role.GOVERNOR})
LEADERS = frozenset({Role.SENCO, Role.HEADTEACHER, Role.SENIOR_LEADER})
MEETING_PEOPLE = LEADERS | GOVERNORS | {Role.CLERK}


class Capability(StrEnum):
    DASHBOARD = "dashboard"
    TEAM = "team"
    DUTIES = "duties"
    QUALIFICATION = "qualification"
    MEETINGS = "meetings"
    ACTIONS = "actions"
    REPORTS = "reports"
    REPORT_QUESTIONS = "report_questions"
    SMALL_COUNTS = "small_counts"
    DOCUMENTS = "documents"
    SIGN_OFF = "sign_off"
    HISTORY = "history"
    SCHOOL_SETTINGS = "school_settings"


# capability: (roles that may read, roles that may write). From product.md's table.
RULES: dict[Capability, tuple[frozenset, frozenset]] = {
    Capability.DASHBOARD: (ALL_ROLES, frozenset()),
    Capability.TEAM: (LEADERS | {Role.SEN_GOVERNOR}, LEADERS),
    Capability.DUTIES: (ALL_ROLES, LEADERS | {Role.SEN_GOVERNOR}),
    Capability.QUALIFICATION: (LEADERS | {Role.SEN_GOVERNOR, Role.OFFICER}, LEADERS),
    Capability.MEETINGS: (MEETING_PEOPLE, MEETING_PEOPLE - {Role.GOVERNOR}),
    Capability.ACTIONS: (MEETING_PEOPLE, MEETING_PEOPLE - {Role.GOVERNOR}),
    Capability.REPORTS: (ALL_ROLES, frozenset({Role.SENCO})),
    Capability.REPORT_QUESTIONS: (
        ALL_ROLES,
        frozenset({Role.SEN_GOVERNOR, Role.HEADTEACHER, Role.SENIOR_LEADER}),
    ),
    Capability.SMALL_COUNTS: (LEADERS, frozenset()),
    Capability.DOCUMENTS: (ALL_ROLES, LEADERS),
    Capability.SIGN_OFF: (ALL_ROLES, GOVERNORS | {Role.CLERK}),
    Capability.HISTORY: (LEADERS, frozenset()),
    Capability.SCHOOL_SETTINGS: (LEADERS, frozenset({Role.SENCO, Role.HEADTEACHER})),
}
WRITING_ROLES = frozenset().union(*(writers for _, writers in RULES.values()))


@dataclass(frozen=True)
class SchoolAccess:
    """The signed-in user's standing at one school, resolved once per request."""

    school: School
    membership: Membership

    @property
    def user(self):  # noqa: ANN201
        return self.membership.user

    @property
    def role(self) -> str:
        return self.membership.role

    @property
    def is_governor_facing(self) -> bool:
        """True when small counts must be suppressed for this reader."""

        return not self.can(Capability.SMALL_COUNTS)

    def can(self, capability: Capability, *, write: bool = False) -> bool:
        readers, writers = RULES[capability]
        if not write:
            return self.role in readers
        if capability == Capability.SIGN_OFF and self.role == Role.HEADTEACHER:
            return self.membership.also_governor
        return self.role in writers

    @property
    def may_write_anything(self) -> bool:
        return self.role in WRITING_ROLES or self.membership.also_governor

    def require(self, capability: Capability, *, write: bool = False) -> None:
        if not self.can(capability, write=write):
            raise PermissionDenied


def devices_for(user, *, confirmed: bool) -> list:  # noqa: ANN001
    return list(devices_for_user(user, confirmed=confirmed))


def resolve_access(user, urn: str) -> SchoolAccess:  # noqa: ANN001
    """The user's access to the school with this URN; 404 if they are not a member."""

    membership = (
        Membership.objects.select_related("school", "user")
        .filter(user=user, school__urn=urn, user__is_active=True)
        .first()
    )
    if membership is None:
        raise Http404("No such school.")

    return SchoolAccess(school=membership.school, membership=membership)


def two_factor_redirect(
    request: HttpRequest, access: SchoolAccess
) -> HttpResponse | None:
    """Send the user to the second sign-in step, or to set it up, when it is needed."""

    user = request.user
    if user.is_verified():
        return None
    step = second_step(access, has_devices=bool(devices_for(user, confirmed=True)))
    if step is None:
        return None
    next_query = urlencode({"next": request.get_full_path()})

    return redirect(f"{reverse(step)}?{next_query}")


def second_step(access: SchoolAccess, *, has_devices: bool) -> str | None:
    """For a user not yet verified in this session: the URL name of the second sign-in
    step to take before this school's pages (verify, or set it up), or None.
    `has_devices`: the user has a confirmed device."""

    if has_devices:
        return "two-factor-verify"
    if access.school.require_two_factor and access.may_write_anything:
        return "two-factor-setup"
    return None


def school_view(
    capability: Capability, *, write: bool = False, posts_read: bool = False
) -> Callable:
    """Decorate `view(request, access, **kwargs)`: resolve the school, then check the role.

    Safe methods need read access; any other method (a form post) needs write access.
    `write=True` marks a page that exists only to change things (a form), so even showing
    it needs write access. `posts_read=True` marks a page whose form only reads (checking a
    file, preparing a download), so a post needs no more than read access. Every school page
    comes through here, so the second sign-in step is never skipped.
    """

    def decorate(view: Callable) -> Callable:
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, urn: str, **kwargs) -> HttpResponse:
            access = resolve_access(request.user, urn)
            if second_step := two_factor_redirect(request, access):
                return second_step
            posting = request.method not in ("GET", "HEAD")
            access.require(capability, write=write or (posting and not posts_read))
            request.school_access = access
            return view(request, access, **kwargs)

        return wrapper

    return decorate
