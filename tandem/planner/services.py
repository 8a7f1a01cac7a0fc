"""Every change to the year planner. Each function is atomic and audited."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from tandem.audit.services import record
from tandem.lib.calendar import AcademicYear, at_london
from tandem.lib.concurrency import save_versioned
from tandem.meetings.models import Meeting
from tandem.meetings.services import move_meeting, schedule_meeting
from tandem.planner.models import (
    AcademicYearPlan,
    CalendarFeedToken,
    FgbMeeting,
    Holiday,
    JointActivity,
    TermDates,
)
from tandem.planner.schooldays import (
    Proposal,
    SchoolCalendar,
    propose_meeting,
)

logger = logging.getLogger(__name__)

User = AbstractBaseUser


# Plans and their settings


@transaction.atomic
def create_plan(school, year: AcademicYear, *, by: User | None) -> AcademicYearPlan:  # noqa: ANN001
    """Start the planner for an academic year; an existing plan is returned as it is."""

    plan, created = AcademicYearPlan.objects.get_or_create(
        school=school, start_year=year.start_year
    )
    if created:
        record("planner.plan.created", plan, by=by, school=school)
        logger.info("Plan %s: created for school %s", plan.pk, school.pk)

    return plan


@transaction.atomic
def update_plan_settings(
    plan: AcademicYearPlan,
    *,
    lead_days: int,
    meeting_time: dt.time,
    meeting_minutes: int,
    expected_version: int,
    by: User,
) -> AcademicYearPlan:
    before = (plan.lead_days, plan.meeting_time, plan.meeting_minutes)
    plan.lead_days = lead_days
    plan.meeting_time = meeting_time
    plan.meeting_minutes = meeting_minutes
    fields = ["lead_days", "meeting_time", "meeting_minutes"]
    save_versioned(plan, fields, expected=expected_version)

    after = (lead_days, meeting_time, meeting_minutes)
    changed = [name for name, b, a in zip(fields, before, after, strict=True) if b != a]
    record("planner.plan.updated", plan, by=by, school=plan.school, changed=changed)

    return plan


# Term dates and holidays


def _within_year(plan: AcademicYearPlan, first: dt.date, last: dt.date) -> None:
    year = plan.year
    if last < first:
        raise ValidationError(
            {"last_day": "The last day must be on or after the first day."}
        )
    if first not in year or last not in year:
        raise ValidationError(
            {
                "first_day": f"Dates must fall within the academic year {year.label} "
                f"({year.first_day:%d/%m/%Y} to {year.last_day:%d/%m/%Y})."
            }
        )


@transaction.atomic
def set_term_dates(
    plan: AcademicYearPlan,
    *,
    term: str,
    first_day: dt.date,
    last_day: dt.date,
    by: User,
) -> TermDates:
    """Enter or correct one term's first and last days (INSET days included)."""

    _within_year(plan, first_day, last_day)
    overlapping = (
        plan.terms.exclude(term=term)
        .filter(first_day__lte=last_day, last_day__gte=first_day)
        .first()
    )
    if overlapping:
        raise ValidationError(
            {"first_day": f"These dates overlap the {overlapping.get_term_display()}."}
        )

    dates, created = TermDates.objects.update_or_create(
        plan=plan, term=term, defaults={"first_day": first_day, "last_day": last_day}
    )
    action = "planner.term.added" if created else "planner.term.changed"
    record(action, dates, by=by, school=plan.school, plan=plan.pk)

    return dates


@transaction.atomic
def add_holiday(
    plan: AcademicYearPlan,
    *,
    kind: str,
    first_day: dt.date,
    last_day: dt.date,
    by: User,
    name: str = "",
) -> Holiday:
    _within_year(plan, first_day, last_day)
    holiday = Holiday.objects.create(
        plan=plan, kind=kind, name=name, first_day=first_day, last_day=last_day
    )

    record("planner.holiday.added", holiday, by=by, school=plan.school, plan=plan.pk)

    return holiday


@transaction.atomic
def remove_holiday(holiday: Holiday, *, by: User) -> None:
    plan = holiday.plan
    record("planner.holiday.removed", holiday, by=by, school=plan.school, plan=plan.pk)
    holiday.delete()


# FGB meetings and the meetings proposed before them


@transaction.atomic
def add_fgb_meeting(
    plan: AcademicYearPlan, *, date: dt.date, time: dt.time, by: User
) -> FgbMeeting:
    if date not in plan.year:
        raise ValidationError(
            {"date": f"The date must fall within the academic year {plan.year.label}."}
        )
    if plan.fgb_meetings.filter(date=date).exists():
        raise ValidationError(
            {"date": f"There is already an FGB meeting on {date:%d/%m/%Y}."}
        )

    fgb = FgbMeeting.objects.create(plan=plan, date=date, time=time)
    record("planner.fgb.added", fgb, by=by, school=plan.school, plan=plan.pk)

    return fgb


@transaction.atomic
def change_fgb_meeting(
    fgb: FgbMeeting,
    *,
    date: dt.date,
    time: dt.time,
    expected_version: int,
    by: User,
) -> FgbMeeting:
    """Correct an FGB meeting's date or time. An arranged meeting before it stays."""

    plan = fgb.plan
    if date not in plan.year:
        raise ValidationError(
            {"date": f"The date must fall within the academic year {plan.year.label}."}
        )
    if plan.fgb_meetings.exclude(pk=fgb.pk).filter(date=date).exists():
        raise ValidationError(
            {"date": f"There is already an FGB meeting on {date:%d/%m/%Y}."}
        )

    changed = [
        name
        for name, value in (("date", date), ("time", time))
        if getattr(fgb, name) != value
    ]
    fgb.date, fgb.time = date, time
    save_versioned(fgb, ["date", "time"], expected=expected_version)
    record("planner.fgb.changed", fgb, by=by, school=plan.school, changed=changed)

    return fgb


@transaction.atomic
def remove_fgb_meeting(fgb: FgbMeeting, *, by: User) -> None:
    """Remove an FGB date. A meeting already arranged before it is kept."""

    plan = fgb.plan
    record("planner.fgb.removed", fgb, by=by, school=plan.school, plan=plan.pk)
    fgb.delete()


def proposal_for(
    fgb: FgbMeeting, *, calendar: SchoolCalendar | None = None
) -> Proposal:
    """The proposed meeting day; pass the plan's calendar to save the queries."""

    plan = fgb.plan
    calendar = calendar or plan.school_calendar()
    return propose_meeting(calendar, fgb.date, plan.lead_days)


def check_meeting_day(fgb: FgbMeeting, day: dt.date) -> None:
    """Refuse a day off, or a day on or after the FGB meeting it prepares for."""

    reason = fgb.plan.school_calendar().why_not_a_meeting_day(day)
    if reason:
        raise ValidationError({"date": f"{reason} Choose a school day."})
    if day >= fgb.date:
        raise ValidationError(
            {
                "date": "The meeting must come before the FGB meeting on "
                f"{fgb.date:%d/%m/%Y}, so its outcomes reach the papers."
            }
        )


class AlreadyArranged(ValidationError):
    def __init__(self) -> None:
        super().__init__(
            "A meeting has already been arranged for this FGB meeting; move it instead."
        )


@transaction.atomic
def accept_proposal(
    fgb: FgbMeeting,
    *,
    by: User,
    date: dt.date | None = None,
    time: dt.time | None = None,
) -> FgbMeeting:
    """Arrange the SENCO-SEN governor meeting before an FGB meeting.

    Without a date, the proposed day is used. The meeting is created through the
    meetings app, so it gets its agenda and record there.
    """

    fgb = FgbMeeting.objects.select_for_update().select_related("plan").get(pk=fgb.pk)
    if fgb.prep_meeting_id is not None:
        raise AlreadyArranged()
    plan = fgb.plan
    if date is None:
        date = proposal_for(fgb).date
        if date is None:
            raise ValidationError(
                {"date": "No school day comes before this FGB meeting; choose a date."}
            )
    check_meeting_day(fgb, date)

    meeting = schedule_meeting(
        plan.school,
        starts_at=at_london(date, time or plan.meeting_time),
        duration_minutes=plan.meeting_minutes,
        by=by,
    )
    _link(fgb, meeting)
    record(
        "planner.fgb.meeting_arranged",
        fgb,
        by=by,
        school=plan.school,
        meeting=meeting.pk,
    )
    logger.info("FGB %s: meeting %s arranged", fgb.pk, meeting.pk)

    return fgb


def _link(fgb: FgbMeeting, meeting: Meeting) -> None:
    """Link only if still unlinked: of two people pressing at once, one wins."""

    linked = FgbMeeting.objects.filter(pk=fgb.pk, prep_meeting__isnull=True).update(
        prep_meeting=meeting
    )
    if linked != 1:
        raise AlreadyArranged()
    fgb.prep_meeting = meeting


def unlinked_meeting_before(fgb: FgbMeeting) -> Meeting | None:
    """A meeting of the school in the three weeks before the FGB, not yet linked."""

    start = at_london(fgb.date - dt.timedelta(weeks=3), dt.time(0))
    return (
        Meeting.objects.filter(
            school=fgb.plan.school,
            starts_at__gte=start,
            starts_at__lt=at_london(fgb.date, dt.time(0)),
            fgb_meeting__isnull=True,
        )
        .order_by("starts_at")
        .first()
    )


@transaction.atomic
def link_prep_meeting(fgb: FgbMeeting, meeting: Meeting, *, by: User) -> FgbMeeting:
    """Link a meeting arranged elsewhere in Tandem as the one before this FGB."""

    if meeting.school_id != fgb.plan.school_id:
        raise ValidationError("That meeting belongs to another school.")
    if fgb.prep_meeting_id is not None:
        raise AlreadyArranged()

    _link(fgb, meeting)
    record(
        "planner.fgb.meeting_linked",
        fgb,
        by=by,
        school=fgb.plan.school,
        meeting=meeting.pk,
    )

    return fgb


@transaction.atomic
def move_prep_meeting(
    fgb: FgbMeeting,
    *,
    date: dt.date,
    time: dt.time,
    expected_version: int,
    by: User,
) -> FgbMeeting:
    """Move the arranged meeting; a stale version raises `StaleEdit`."""

    if fgb.prep_meeting is None:
        raise ValidationError("No meeting has been arranged for this FGB meeting yet.")
    check_meeting_day(fgb, date)

    move_meeting(
        fgb.prep_meeting,
        starts_at=at_london(date, time),
        expected_version=expected_version,
        by=by,
    )

    return fgb


# Joint activities


@transaction.atomic
def add_activity(
    plan: AcademicYearPlan, *, kind: str, title: str, date: dt.date, by: User
) -> JointActivity:
    if date not in plan.year:
        raise ValidationError(
            {"date": f"The date must fall within the academic year {plan.year.label}."}
        )

    activity = JointActivity.objects.create(
        plan=plan, kind=kind, title=title, date=date
    )
    record("planner.activity.added", activity, by=by, school=plan.school)

    return activity


@transaction.atomic
def update_activity(
    activity: JointActivity,
    *,
    kind: str,
    title: str,
    date: dt.date,
    expected_version: int,
    by: User,
) -> JointActivity:
    plan = activity.plan
    if date not in plan.year:
        raise ValidationError(
            {"date": f"The date must fall within the academic year {plan.year.label}."}
        )

    fields = {"kind": kind, "title": title, "date": date}
    changed = [
        name for name, value in fields.items() if getattr(activity, name) != value
    ]
    for name, value in fields.items():
        setattr(activity, name, value)
    save_versioned(activity, list(fields), expected=expected_version)
    record(
        "planner.activity.changed", activity, by=by, school=plan.school, changed=changed
    )

    return activity


@transaction.atomic
def mark_activity_done(
    activity: JointActivity, *, on: dt.date, expected_version: int, by: User
) -> JointActivity:
    activity.done_on = on
    save_versioned(activity, ["done_on"], expected=expected_version)

    record("planner.activity.done", activity, by=by, school=activity.plan.school)

    return activity


@transaction.atomic
def remove_activity(activity: JointActivity, *, by: User) -> None:
    plan = activity.plan
    record("planner.activity.removed", activity, by=by, school=plan.school)
    activity.delete()


# Calendar feed tokens


def digest_of(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def issue_feed_token(user: User, school, *, by: User) -> tuple[CalendarFeedToken, str]:  # noqa: ANN001
    """Make a new feed secret for `user` at `school`, revoking any live one.

    Returns the token and the secret; only the secret's digest is stored, so this is
    the one moment the full feed address can be shown.
    """

    now = timezone.now()
    old = list(
        CalendarFeedToken.objects.select_for_update().filter(
            user=user, school=school, revoked_at__isnull=True
        )
    )
    for token in old:
        token.revoked_at = now
        token.save(update_fields=["revoked_at"])

    secret = secrets.token_urlsafe(32)
    try:
        with transaction.atomic():
            token = CalendarFeedToken.objects.create(
                user=user, school=school, digest=digest_of(secret), hint=secret[:6]
            )
    except IntegrityError as error:
        # Two requests raced to make the user's live token; one of them won.
        raise ValidationError(
            "Please try again: the feed was being changed."
        ) from error

    action = "planner.feed.regenerated" if old else "planner.feed.created"
    record(action, token, by=by, school=school, user=user.pk)
    logger.info("Feed token %s: issued for user %s", token.pk, user.pk)

    return token, secret


@transaction.atomic
def revoke_feed_token(token: CalendarFeedToken, *, by: User) -> CalendarFeedToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record("planner.feed.revoked", token, by=by, school=token.school)
        logger.info("Feed token %s: revoked", token.pk)

    return token


def live_token_for(secret: str) -> CalendarFeedToken | None:
    """The live token for a secret from a feed URL, or None."""

    return (
        CalendarFeedToken.objects.select_related("user", "school")
        .filter(digest=digest_of(secret), revoked_at__isnull=True)
        .first()
    )


def note_feed_used(token: CalendarFeedToken) -> None:
    """Remember when the feed was last read (not audited: reading changes nothing)."""

    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > dt.timedelta(hours=1):
        CalendarFeedToken.objects.filter(pk=token.pk).update(last_used_at=now)
