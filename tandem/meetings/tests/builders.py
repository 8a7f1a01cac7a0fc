"""Small builders for meetings tests."""

import datetime as dt

from tandem.lib.calendar import at_london
from tandem.meetings import services
from tandem.meetings.models import ActionItem, AgendaItem, Meeting


def make_meeting(
    school,
    *,
    on: dt.date = dt.date(2026, 2, 3),
    at: dt.time = dt.time(15, 45),  # noqa: ANN001
    by=None,
    **overrides,
) -> Meeting:  # noqa: ANN001
    return services.schedule_meeting(
        school, starts_at=at_london(on, at), by=by, **overrides
    )


def make_item(
    meeting: Meeting,
    title: str = "Census numbers",
    *,
    minutes: int = 10,
    kind: str = AgendaItem.Kind.DISCUSSION,
    owner=None,
) -> AgendaItem:  # noqa: ANN001
    return services.add_item(
        meeting, by=None, title=title, kind=kind, minutes=minutes, owner=owner
    )


def make_action(
    meeting: Meeting,
    owner,
    *,
    description: str = "Update the register",  # noqa: ANN001
    due_on: dt.date = dt.date(2026, 2, 20),
) -> ActionItem:
    return services.raise_action(
        meeting, by=None, description=description, owner=owner, due_on=due_on
    )
