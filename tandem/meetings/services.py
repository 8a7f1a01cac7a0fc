"""Every change to meetings. The planner schedules and moves meetings through these."""

import datetime as dt
import logging

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from tandem.audit.services import record
from tandem.lib.concurrency import save_versioned
from tandem.meetings.models import Meeting

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
