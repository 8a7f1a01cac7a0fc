"""Finding a meeting's records for the signed-in user: another school's gives 404."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from tandem.meetings.models import (
    ActionItem,
    AgendaItem,
    AgendaPaper,
    DecisionOption,
    Meeting,
    ParkedItem,
)
from tandem.schools.models import Membership
from tandem.schools.permissions import Capability, SchoolAccess


def get_meeting_for(access: SchoolAccess, pk: int) -> Meeting:
    return get_object_or_404(Meeting, pk=pk, school=access.school)


def get_item_for(access: SchoolAccess, meeting_pk: int, pk: int) -> AgendaItem:
    return get_object_or_404(
        AgendaItem.objects.select_related("meeting__school"),
        pk=pk,
        meeting_id=meeting_pk,
        meeting__school=access.school,
    )


def get_option_for(access: SchoolAccess, meeting_pk: int, pk: int) -> DecisionOption:
    return get_object_or_404(
        DecisionOption,
        pk=pk,
        item__meeting_id=meeting_pk,
        item__meeting__school=access.school,
    )


def get_paper_for(access: SchoolAccess, meeting_pk: int, pk: int) -> AgendaPaper:
    return get_object_or_404(
        AgendaPaper.objects.select_related("item__meeting"),
        pk=pk,
        item__meeting_id=meeting_pk,
        item__meeting__school=access.school,
    )


def get_parked_for(access: SchoolAccess, pk: int) -> ParkedItem:
    return get_object_or_404(ParkedItem, pk=pk, school=access.school)


def get_action_for(access: SchoolAccess, pk: int, *, write: bool = False) -> ActionItem:
    """The school's action; an SEN governor may change only the actions they own."""

    action = get_object_or_404(
        ActionItem.objects.select_related("owner", "raised_in"),
        pk=pk,
        school=access.school,
    )
    if write and not can_change_action(access, action):
        raise PermissionDenied

    return action


def can_change_action(access: SchoolAccess, action: ActionItem) -> bool:
    if not access.can(Capability.ACTIONS, write=True):
        return False
    if access.role == Membership.Role.SEN_GOVERNOR:
        return action.owner_id == access.user.pk
    return True
