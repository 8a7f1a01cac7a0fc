"""Every change to meetings. The planner schedules and moves meetings through these."""

import datetime as dt
import logging
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.db.models import Max

from tandem.audit.services import changed_fields, record
from tandem.lib.concurrency import save_versioned
from tandem.lib.uploads import CONTENT_TYPES
from tandem.meetings import emails
from tandem.meetings.models import (
    ActionItem,
    AgendaItem,
    AgendaPaper,
    AgendaShare,
    CarriedAction,
    DecisionOption,
    InvalidTransition,
    Meeting,
    MeetingRecord,
    ParkedItem,
)
from tandem.meetings.papers import sniff_paper
from tandem.meetings.rules import DUE_SOON_DAYS, SHARE_DAYS_BEFORE, share_by

__all__ = ["InvalidTransition"]
User = AbstractBaseUser
MEETING_FIELDS = [
    "starts_at",
    "duration_minutes",
    "location",
    "title",
    "share_days_before",
]
ITEM_FIELDS = ["title", "kind", "minutes", "owner"]
RECORD_FIELDS = ["attendees", "apologies", "any_other_business", "next_meeting_on"]
ACTION_FIELDS = ["description", "owner", "due_on"]

logger = logging.getLogger(__name__)


@transaction.atomic
def schedule_meeting(
    school,  # noqa: ANN001
    *,
    starts_at: dt.datetime,
    by: AbstractBaseUser | None,
    duration_minutes: int = 60,
    title: str = "SENCO and SEN governor meeting",
    kind: str = Meeting.Kind.SENCO_GOVERNOR,
    location: str = "",
    share_days_before: int = SHARE_DAYS_BEFORE,
) -> Meeting:
    if starts_at.tzinfo is None:
        raise ValueError("A meeting's start must be timezone-aware.")
    meeting = Meeting.objects.create(
        school=school,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        title=title,
        kind=kind,
        location=location,
        share_days_before=share_days_before,
    )

    record("meetings.meeting.scheduled", meeting, by=by)
    logger.info("Meeting %s: scheduled for school %s", meeting.pk, school.pk)

    return meeting


@transaction.atomic
def move_meeting(
    meeting: Meeting,
    *,
    starts_at: dt.datetime,
    by: AbstractBaseUser | None,
    expected_version: int | None = None,
) -> Meeting:
    """Move a meeting; with `expected_version`, refuse if someone else changed it first."""

    if starts_at.tzinfo is None:
        raise ValueError("A meeting's start must be timezone-aware.")
    meeting.starts_at = starts_at
    version = meeting.version if expected_version is None else expected_version
    save_versioned(meeting, ["starts_at"], expected=version)

    record("meetings.meeting.moved", meeting, by=by, changed=["starts_at"])

    return meeting


def share_by_date(meeting: Meeting) -> dt.date:
    return share_by(meeting.local_start.date(), meeting.share_days_before)


# --- Agenda ---------------------------------------------------------------------------


@transaction.atomic
def update_meeting(
    meeting: Meeting,
    *,
    by: User,
    expected_version: int,
    starts_at: dt.datetime,
    duration_minutes: int,
    location: str,
    title: str,
    share_days_before: int,
) -> Meeting:
    """Change a meeting's details; refuse if someone else changed it first."""

    before = _snapshot(meeting, MEETING_FIELDS)
    meeting.starts_at = starts_at
    meeting.duration_minutes = duration_minutes
    meeting.location = location
    meeting.title = title
    meeting.share_days_before = share_days_before
    save_versioned(meeting, MEETING_FIELDS, expected=expected_version)

    record(
        "meetings.meeting.updated",
        meeting,
        by=by,
        changed=changed_fields(before, _snapshot(meeting, MEETING_FIELDS)),
    )

    return meeting


@transaction.atomic
def build_agenda(meeting: Meeting, *, by: User | None) -> int:
    """Put the open-actions review first and carry every open action onto it.

    Idempotent: rebuilding adds only actions that are not on this agenda yet, and never
    copies one. Returns how many actions were newly carried.
    """

    Meeting.objects.select_for_update().get(pk=meeting.pk)
    review, created = AgendaItem.objects.get_or_create(
        meeting=meeting,
        standing=AgendaItem.Standing.ACTIONS_REVIEW,
        defaults={
            "title": "Review of open actions",
            "position": 0,
            "minutes": 10,
            "kind": AgendaItem.Kind.INFORMATION,
            "owner": by if by is not None and by.is_active else None,
        },
    )
    if created:
        _renumber(meeting)
    carried = carry_forward(meeting)

    if created or carried:
        record("meetings.agenda.built", meeting, by=by, carried=carried)
    logger.info("Meeting %s: agenda built, %s actions carried", meeting.pk, carried)

    return carried


def carry_forward(meeting: Meeting) -> int:
    """Link open actions raised at earlier meetings to this one (never twice)."""

    open_actions = ActionItem.objects.filter(
        school=meeting.school,
        status=ActionItem.Status.OPEN,
        raised_in__starts_at__lt=meeting.starts_at,
    ).exclude(links__meeting=meeting)
    links = [CarriedAction(action=action, meeting=meeting) for action in open_actions]
    # The unique constraint makes a concurrent rebuild harmless: the loser adds nothing.
    CarriedAction.objects.bulk_create(links, ignore_conflicts=True)

    return len(links)


@transaction.atomic
def add_item(
    meeting: Meeting,
    *,
    by: User,
    title: str,
    kind: str,
    minutes: int,
    owner: User | None = None,
) -> AgendaItem:
    last = meeting.items.aggregate(last=Max("position"))["last"]
    item = AgendaItem.objects.create(
        meeting=meeting,
        title=title,
        kind=kind,
        minutes=minutes,
        owner=owner,
        position=(last or 0) + 1,
    )

    record(
        "meetings.item.added", item, by=by, school=meeting.school, meeting=meeting.pk
    )

    return item


@transaction.atomic
def update_item(
    item: AgendaItem,
    *,
    by: User,
    expected_version: int,
    title: str,
    kind: str,
    minutes: int,
    owner: User | None,
) -> AgendaItem:
    before = _snapshot(item, ITEM_FIELDS)
    item.title, item.kind, item.minutes, item.owner = title, kind, minutes, owner
    save_versioned(item, ITEM_FIELDS, expected=expected_version)

    record(
        "meetings.item.updated",
        item,
        by=by,
        school=item.meeting.school,
        changed=changed_fields(before, _snapshot(item, ITEM_FIELDS)),
    )

    return item


@transaction.atomic
def remove_item(item: AgendaItem, *, by: User) -> None:
    if item.is_actions_review:
        raise InvalidTransition(
            "The review of open actions always stays on the agenda."
        )
    meeting = item.meeting
    record(
        "meetings.item.removed", item, by=by, school=meeting.school, meeting=meeting.pk
    )
    _release_parked(item, by=by)
    item.delete()
    _renumber(meeting)


def _release_parked(item: AgendaItem, *, by: User) -> ParkedItem | None:
    """Put the parked point this item came from back in the parking lot, if any."""

    parked = ParkedItem.objects.select_for_update().filter(carried_to=item).first()
    if parked is None:
        return None
    parked.transition_to(ParkedItem.Status.PARKED)
    parked.carried_to = None
    parked.save(update_fields=["status", "carried_to"])
    record("meetings.parked.returned", parked, by=by, item=item.pk)

    return parked


@transaction.atomic
def move_item(item: AgendaItem, *, by: User, up: bool) -> None:
    """Swap an item with its neighbour; the actions review stays first."""

    items = list(item.meeting.items.select_for_update())
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index - 1 if up else index + 1
    if item.is_actions_review or not 0 <= target < len(items):
        return
    if items[target].is_actions_review:
        return
    items[index], items[target] = items[target], items[index]
    for position, each in enumerate(items, start=1):
        AgendaItem.objects.filter(pk=each.pk).update(position=position)

    record("meetings.item.moved", item, by=by, school=item.meeting.school)


def _renumber(meeting: Meeting) -> None:
    items = sorted(
        meeting.items.all(), key=lambda i: (not i.is_actions_review, i.position, i.pk)
    )
    for position, item in enumerate(items, start=1):
        if item.position != position:
            AgendaItem.objects.filter(pk=item.pk).update(position=position)


# --- Decision options -----------------------------------------------------------------


@transaction.atomic
def add_option(
    item: AgendaItem, *, by: User, title: str, advantages: str, disadvantages: str
) -> DecisionOption:
    if item.kind != AgendaItem.Kind.DECISION:
        raise InvalidTransition("Only a decision item has options.")
    last = item.options.aggregate(last=Max("position"))["last"]
    option = DecisionOption.objects.create(
        item=item,
        title=title,
        advantages=advantages,
        disadvantages=disadvantages,
        position=(last or 0) + 1,
    )

    record(
        "meetings.option.added", option, by=by, school=item.meeting.school, item=item.pk
    )

    return option


@transaction.atomic
def remove_option(option: DecisionOption, *, by: User) -> None:
    record(
        "meetings.option.removed",
        option,
        by=by,
        school=option.school,
        item=option.item_id,
    )
    option.delete()


# --- Papers ---------------------------------------------------------------------------


@transaction.atomic
def attach_paper(item: AgendaItem, *, by: User, upload: UploadedFile) -> AgendaPaper:
    """Store a paper for an agenda item; its type is read from its content (UploadRejected
    for anything but a PDF, Word document or plain text)."""

    kind = sniff_paper(upload)
    paper = AgendaPaper(
        item=item,
        name=upload.name[:200],
        size=upload.size,
        content_type=CONTENT_TYPES[kind],
        uploaded_by=by,
    )
    paper.file.save("paper", upload, save=False)
    # A rollback after this function returns leaves the file on disk (never served,
    # as no row points to it); `tandem sweep-uploads` removes such files.
    try:
        paper.save()
        record(
            "meetings.paper.attached",
            paper,
            by=by,
            school=item.meeting.school,
            item=item.pk,
        )
    except Exception:
        # Catch-all on purpose: whatever failed, the stored file must not be orphaned.
        paper.file.delete(save=False)
        raise
    logger.info("Paper %s: attached to agenda item %s", paper.pk, item.pk)

    return paper


@transaction.atomic
def remove_paper(paper: AgendaPaper, *, by: User) -> None:
    record(
        "meetings.paper.removed", paper, by=by, school=paper.school, item=paper.item_id
    )
    name = paper.file.name
    paper.delete()
    # Delete the file only once the row is gone for good.
    transaction.on_commit(lambda: default_storage.delete(name))


# --- Parking lot ----------------------------------------------------------------------


@transaction.atomic
def park_point(meeting: Meeting, *, by: User, text: str) -> ParkedItem:
    parked = ParkedItem.objects.create(
        school=meeting.school, raised_in=meeting, text=text, raised_by=by
    )

    record("meetings.parked.added", parked, by=by, meeting=meeting.pk)

    return parked


@transaction.atomic
def park_item(item: AgendaItem, *, by: User) -> ParkedItem:
    """Take an item off the agenda into the parking lot, in one click."""

    if item.is_actions_review:
        raise InvalidTransition("The review of open actions cannot be parked.")
    meeting = item.meeting
    parked = _release_parked(item, by=by)
    if parked is None:
        parked = ParkedItem.objects.create(
            school=meeting.school, raised_in=meeting, text=item.title, raised_by=by
        )
        record("meetings.parked.added", parked, by=by, meeting=meeting.pk, item=item.pk)
    item.delete()
    _renumber(meeting)

    return parked


@transaction.atomic
def carry_parked(parked: ParkedItem, meeting: Meeting, *, by: User) -> AgendaItem:
    """Put a parked point on `meeting`'s agenda; again returns the same item."""

    parked = ParkedItem.objects.select_for_update().get(pk=parked.pk)
    if parked.carried_to is not None:
        return parked.carried_to
    if meeting.school_id != parked.school_id:
        raise InvalidTransition("A parked point stays within its school.")
    parked.transition_to(ParkedItem.Status.CARRIED)
    item = add_item(
        meeting, by=by, title=parked.text, kind=AgendaItem.Kind.DISCUSSION, minutes=10
    )
    parked.carried_to = item
    parked.save(update_fields=["status", "carried_to"])

    record("meetings.parked.carried", parked, by=by, meeting=meeting.pk, item=item.pk)

    return item


@transaction.atomic
def close_parked(parked: ParkedItem, *, by: User) -> ParkedItem:
    parked = ParkedItem.objects.select_for_update().get(pk=parked.pk)
    parked.transition_to(ParkedItem.Status.CLOSED)
    parked.save(update_fields=["status"])

    record("meetings.parked.closed", parked, by=by)

    return parked


# --- Sharing --------------------------------------------------------------------------


@transaction.atomic
def share_agenda(meeting: Meeting, *, by: User, recipients: list[User]) -> AgendaShare:
    """Email the agenda and its papers to `recipients`, and record that it went."""

    if not recipients:
        raise ValueError("Choose at least one person to send the agenda to.")
    build_agenda(meeting, by=by)
    share = AgendaShare.objects.create(meeting=meeting, shared_by=by)
    share.recipients.set(recipients)
    message = emails.agenda_message(meeting, recipients)

    record(
        "meetings.agenda.shared",
        meeting,
        by=by,
        share=share.pk,
        recipients=len(recipients),
    )
    # Sent inside the transaction: if sending fails, no share is recorded.
    emails.send(message, "Meeting", meeting.pk)

    return share


# --- The record -----------------------------------------------------------------------


@dataclass(frozen=True)
class ItemNotes:
    key_points: str = ""
    decision: str = ""
    rationale: str = ""
    chosen_option: int | None = None


@transaction.atomic
def save_record(
    meeting: Meeting,
    *,
    by: User,
    expected_version: int,
    attendees: str,
    apologies: str,
    any_other_business: str,
    next_meeting_on: dt.date | None,
    notes: dict[int, ItemNotes],
) -> MeetingRecord:
    """Save the one-page record; a stale version is refused and nothing is written."""

    sheet, _ = MeetingRecord.objects.get_or_create(
        meeting=meeting, defaults={"version": 1}
    )
    before = _snapshot(sheet, RECORD_FIELDS)
    sheet.attendees, sheet.apologies = attendees, apologies
    sheet.any_other_business, sheet.next_meeting_on = (
        any_other_business,
        next_meeting_on,
    )
    sheet.updated_by = by
    save_versioned(sheet, [*RECORD_FIELDS, "updated_by"], expected=expected_version)

    changed = changed_fields(before, _snapshot(sheet, RECORD_FIELDS))
    for item in meeting.items.all():
        note = notes.get(item.pk)
        if note is not None and _apply_notes(item, note):
            changed.append(f"item-{item.pk}")

    record(
        "meetings.record.saved",
        sheet,
        by=by,
        school=meeting.school,
        meeting=meeting.pk,
        changed=changed,
    )

    return sheet


def _apply_notes(item: AgendaItem, note: ItemNotes) -> bool:
    fields = {
        "key_points": note.key_points,
        "decision": note.decision,
        "rationale": note.rationale,
    }
    changed = any(getattr(item, name) != value for name, value in fields.items())
    AgendaItem.objects.filter(pk=item.pk).update(**fields)
    if item.kind == AgendaItem.Kind.DECISION:
        options = item.options.all()
        if {o.pk for o in options if o.chosen} != {note.chosen_option} - {None}:
            changed = True
        options.update(chosen=False)
        if note.chosen_option is not None:
            options.filter(pk=note.chosen_option).update(chosen=True)

    return changed


# --- Actions --------------------------------------------------------------------------


@transaction.atomic
def raise_action(
    meeting: Meeting,
    *,
    by: User,
    description: str,
    owner: User,
    due_on: dt.date,
    item: AgendaItem | None = None,
) -> ActionItem:
    if item is not None and item.meeting_id != meeting.pk:
        raise ValueError("The action's item must belong to the same meeting.")
    action = ActionItem.objects.create(
        school=meeting.school,
        raised_in=meeting,
        item=item,
        description=description,
        owner=owner,
        due_on=due_on,
    )

    record("meetings.action.raised", action, by=by, meeting=meeting.pk, owner=owner.pk)
    logger.info("Action %s: raised at meeting %s", action.pk, meeting.pk)

    return action


@transaction.atomic
def update_action(
    action: ActionItem,
    *,
    by: User,
    expected_version: int,
    description: str,
    owner: User,
    due_on: dt.date,
) -> ActionItem:
    before = _snapshot(action, ACTION_FIELDS)
    action.description, action.owner, action.due_on = description, owner, due_on
    save_versioned(action, ACTION_FIELDS, expected=expected_version)

    record(
        "meetings.action.updated",
        action,
        by=by,
        changed=changed_fields(before, _snapshot(action, ACTION_FIELDS)),
    )

    return action


@transaction.atomic
def set_action_status(
    action: ActionItem,
    status: str,
    *,
    by: User,
    today: dt.date,
    meeting: Meeting | None = None,
) -> ActionItem:
    """Close (done or withdrawn) or reopen the one record, wherever it appears."""

    action = ActionItem.objects.select_for_update().get(pk=action.pk)
    action.transition_to(status)
    closing = status != ActionItem.Status.OPEN
    action.closed_on = today if closing else None
    action.closed_in = meeting if closing else None
    action.version += 1
    action.save(update_fields=["status", "closed_on", "closed_in", "version"])

    code = {"done": "done", "withdrawn": "withdrawn", "open": "reopened"}[status]
    record(
        f"meetings.action.{code}", action, by=by, meeting=getattr(meeting, "pk", None)
    )
    logger.info("Action %s: now %s", action.pk, status)

    return action


def send_reminders(*, today: dt.date, by: User) -> int:
    """Email each owner their open actions due soon or overdue, once a day.

    Returns the number of emails sent. Running it twice on one day sends nothing new.
    """

    horizon = today + dt.timedelta(days=DUE_SOON_DAYS)
    due = (
        ActionItem.objects.filter(status=ActionItem.Status.OPEN, due_on__lte=horizon)
        .exclude(reminded_on=today)
        .select_related("owner", "school")
        .order_by("school_id", "owner_id", "due_on", "pk")
    )
    groups: dict[tuple[int, int], list[ActionItem]] = {}
    for action in due:
        groups.setdefault((action.school_id, action.owner_id), []).append(action)

    sent = 0
    for actions in groups.values():
        if _remind(actions, today=today, by=by):
            sent += 1

    return sent


@transaction.atomic
def _remind(actions: list[ActionItem], *, today: dt.date, by: User) -> bool:
    owner = actions[0].owner
    ActionItem.objects.filter(pk__in=[a.pk for a in actions]).update(reminded_on=today)
    for action in actions:
        record("meetings.action.reminded", action, by=by, owner=owner.pk)
    if not owner.email:
        logger.warning("User %s: has actions to remind but no email address", owner.pk)
        return False
    message = emails.reminder_message(owner, actions, today=today)
    emails.send(message, "User", owner.pk)

    return True


def _snapshot(instance: models.Model, fields: list[str]) -> dict:
    return {name: getattr(instance, name) for name in fields}
