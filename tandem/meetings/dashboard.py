"""The meetings app on the dashboard: overdue and due-soon actions, an agenda to share,
and the next meeting."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from tandem.lib.calendar import LONDON
from tandem.meetings.models import ActionItem, Meeting
from tandem.meetings.rules import DUE_SOON_DAYS, Sharing, sharing
from tandem.schools.dashboard import Attention, DashboardContext, Level, Panel
from tandem.schools.permissions import Capability


def attention(ctx: DashboardContext) -> list[Attention]:
    if not ctx.can(Capability.ACTIONS):
        return []

    return _actions(ctx) + _agenda_to_share(ctx)


def _actions(ctx: DashboardContext) -> list[Attention]:
    horizon = ctx.today + dt.timedelta(days=DUE_SOON_DAYS)
    actions = ActionItem.objects.filter(
        school=ctx.school, status=ActionItem.Status.OPEN, due_on__lte=horizon
    ).select_related("owner")
    url = reverse("meetings:action-list", kwargs={"urn": ctx.school.urn})
    found = []
    for action in actions:
        owner = action.owner.get_full_name() or action.owner.username
        if action.due_on < ctx.today:
            text = f"“{action.description}” ({owner}) was due {action.due_on:%d/%m/%Y}"
            found.append(Attention(Level.OVERDUE, text, url, action.due_on))
        else:
            text = f"“{action.description}” ({owner}) is due {action.due_on:%d/%m/%Y}"
            found.append(Attention(Level.DUE, text, url, action.due_on))

    return found


def _agenda_to_share(ctx: DashboardContext) -> list[Attention]:
    meeting = _next_meeting(ctx)
    if meeting is None or meeting.shares.exists():
        return []
    held_on = meeting.local_start.date()
    state = sharing(
        held_on, shared=False, today=ctx.today, days_before=meeting.share_days_before
    )
    if state not in (Sharing.DUE, Sharing.LATE):
        return []
    share_by = held_on - dt.timedelta(days=meeting.share_days_before)
    url = reverse(
        "meetings:meeting-detail", kwargs={"urn": ctx.school.urn, "pk": meeting.pk}
    )
    text = (
        f"Share the agenda for the meeting on {held_on:%d/%m/%Y} "
        f"(share by {share_by:%d/%m/%Y})"
    )
    level = Level.OVERDUE if state == Sharing.LATE else Level.DUE

    return [Attention(level, text, url, share_by)]


def _next_meeting(ctx: DashboardContext) -> Meeting | None:
    start = dt.datetime.combine(ctx.today, dt.time(0, 0), tzinfo=LONDON)
    return Meeting.objects.filter(school=ctx.school, starts_at__gte=start).first()


def panels(ctx: DashboardContext) -> list[Panel]:
    if not ctx.can(Capability.MEETINGS):
        return []
    meeting = _next_meeting(ctx)
    open_count = ActionItem.objects.filter(
        school=ctx.school, status=ActionItem.Status.OPEN
    ).count()
    context = {
        "meeting": meeting,
        "items": list(meeting.items.all()) if meeting else [],
        "open_count": open_count,
        "urn": ctx.school.urn,
    }

    return [
        Panel("Next meeting", "meetings/_next_meeting_panel.html", context, order=20)
    ]
