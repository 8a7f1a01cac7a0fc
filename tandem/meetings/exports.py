"""Exports built from the database: the meeting record (PDF, .docx) and the action log."""

from __future__ import annotations

import datetime as dt

from tandem.lib.calendar import AcademicYear, at_london
from tandem.meetings.models import ActionItem, AgendaItem, Meeting
from tandem.meetings.record import (
    ActionLog,
    LoggedAction,
    MeetingRecord,
    RecordAction,
    RecordItem,
)
from tandem.meetings.record_docx import build_record_docx
from tandem.meetings.record_pdf import build_action_log_pdf, build_record_pdf
from tandem.meetings.timebox import clock


def person(user) -> str:  # noqa: ANN001
    if user is None:
        return "No owner"
    return user.get_full_name() or user.username


def record_data(meeting: Meeting) -> MeetingRecord:
    """The plain record both exports print: items, their actions, carried actions."""

    items = list(
        meeting.items.select_related("owner").prefetch_related("actions__owner")
    )
    carried = list(
        ActionItem.objects.filter(links__meeting=meeting).select_related("owner")
    )
    sheet = getattr(meeting, "record", None)
    start = meeting.local_start

    return MeetingRecord(
        school_name=meeting.school.name,
        held_on=start.date(),
        starts_at=start.time(),
        ends_at=clock(start.time(), meeting.duration_minutes),
        location=meeting.location,
        paper_colour=meeting.school.paper_colour,
        attendees=tuple(_lines(sheet.attendees if sheet else "")),
        apologies=tuple(_lines(sheet.apologies if sheet else "")),
        items=tuple(_item(item, carried) for item in items),
        any_other_business=sheet.any_other_business if sheet else "",
        next_meeting_on=sheet.next_meeting_on if sheet else None,
        title=record_title(meeting),
        parked=tuple(p.text for p in meeting.parked.all()),
        other_actions=tuple(
            _action(a) for a in meeting.raised.filter(item=None).select_related("owner")
        ),
    )


def record_title(meeting: Meeting) -> str:
    default = Meeting._meta.get_field("title").default
    if meeting.title in ("", default):
        return MeetingRecord.title
    return f"Meeting record: {meeting.title}"


def _item(item: AgendaItem, carried: list[ActionItem]) -> RecordItem:
    actions = [_action(a) for a in item.actions.all()]
    if item.is_actions_review:
        actions = [_action(a, carried=True) for a in carried] + actions

    return RecordItem(
        position=item.position,
        title=item.title,
        kind=item.get_kind_display(),
        owner=person(item.owner) if item.owner else "",
        minutes=item.minutes,
        key_points=item.key_points,
        decision=item.decision,
        rationale=item.rationale,
        actions=tuple(actions),
    )


def _action(action: ActionItem, *, carried: bool = False) -> RecordAction:
    return RecordAction(
        reference=action.reference,
        description=action.description,
        owner=person(action.owner),
        due_on=action.due_on,
        status=action.get_status_display(),
        carried_forward=carried,
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def record_pdf(meeting: Meeting) -> bytes:
    return build_record_pdf(record_data(meeting))


def record_docx(meeting: Meeting) -> bytes:
    return build_record_docx(record_data(meeting))


def record_filename(meeting: Meeting, extension: str) -> str:
    return f"meeting-record-{meeting.local_start:%Y-%m-%d}-{meeting.pk}.{extension}"


def action_log(school, year: AcademicYear, *, today: dt.date) -> ActionLog:  # noqa: ANN001
    """Every action raised at the school's meetings in the academic year."""

    start = at_london(year.first_day, dt.time(0, 0))
    end = at_london(year.next().first_day, dt.time(0, 0))
    actions = (
        ActionItem.objects.filter(
            school=school, raised_in__starts_at__gte=start, raised_in__starts_at__lt=end
        )
        .select_related("owner", "raised_in")
        .order_by("raised_in__starts_at", "pk")
    )
    logged = tuple(
        LoggedAction(
            reference=a.reference,
            description=a.description,
            owner=person(a.owner),
            due_on=a.due_on,
            status=a.get_status_display(),
            raised_on=a.raised_in.local_start.date(),
            closed_on=a.closed_on,
            overdue=a.is_open and a.due_on < today,
        )
        for a in actions
    )

    return ActionLog(
        school_name=school.name,
        period=year.label,
        actions=logged,
        paper_colour=school.paper_colour,
    )


def action_log_pdf(school, year: AcademicYear, *, today: dt.date) -> bytes:  # noqa: ANN001
    return build_action_log_pdf(action_log(school, year, today=today))
