"""Dates that drive follow-up: share-by dates, due-soon and overdue actions.

Pure functions of dates, so the dashboard, the reminders command and the pages agree.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

# Defaults (product choices, not law): agendas go out a week ahead; an action is
# "due soon" in the week before its due date; the dashboard starts asking for the
# agenda this many days before its share-by date.
SHARE_DAYS_BEFORE = 7
DUE_SOON_DAYS = 7
SHARE_NOTICE_DAYS = 3


class Urgency(StrEnum):
    CLOSED = "closed"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    LATER = "later"


class Sharing(StrEnum):
    SHARED = "shared"
    NOT_YET = "not_yet"
    DUE = "due"
    LATE = "late"
    PAST = "past"


def share_by(meeting_on: date, days_before: int = SHARE_DAYS_BEFORE) -> date:
    """The date by which the agenda and papers should reach the attendees."""

    if days_before < 0:
        raise ValueError("Days before the meeting cannot be negative.")

    return meeting_on - timedelta(days=days_before)


def sharing(
    meeting_on: date,
    *,
    shared: bool,
    today: date,
    days_before: int = SHARE_DAYS_BEFORE,
) -> Sharing:
    """Where the agenda stands: shared, not yet needed, due now, late, or too late."""

    if shared:
        return Sharing.SHARED
    if today > meeting_on:
        return Sharing.PAST
    deadline = share_by(meeting_on, days_before)
    if today > deadline:
        return Sharing.LATE
    if today >= deadline - timedelta(days=SHARE_NOTICE_DAYS):
        return Sharing.DUE

    return Sharing.NOT_YET


def urgency(
    due_on: date, *, is_open: bool, today: date, soon_days: int = DUE_SOON_DAYS
) -> Urgency:
    """Overdue from the day after the due date; due soon within `soon_days` of it."""

    if not is_open:
        return Urgency.CLOSED
    if due_on < today:
        return Urgency.OVERDUE
    if due_on <= today + timedelta(days=soon_days):
        return Urgency.DUE_SOON

    return Urgency.LATER
