"""Demo meetings for Larkspur: six past meetings with agendas, records and actions in every
state, and the next meeting with an agenda ready to share.

Runs after the planner's seed. Meetings the planner created are used; missing ones are
created with `schedule_meeting`, as the planner would.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dateutil.easter import easter
from django.test.utils import override_settings

from tandem.lib.calendar import at_london
from tandem.meetings import services
from tandem.meetings.models import (
    ActionItem,
    AgendaItem,
    AgendaShare,
    Meeting,
    ParkedItem,
)
from tandem.schools.models import Membership

Role = Membership.Role
PAST_MEETINGS = 6
START = dt.time(15, 45)


@dataclass(frozen=True)
class DemoAction:
    description: str
    owner: str  # a role
    due_after: int  # days after the meeting, unless `due_on` is given
    outcome: str = ""  # "done" or "withdrawn" at the next meeting; "" stays open
    due_on: dt.date | None = None


@dataclass(frozen=True)
class DemoMeeting:
    items: list[
        tuple[str, str, str, int, str]
    ]  # title, kind, owner role, minutes, points
    actions: list[DemoAction] = field(default_factory=list)
    decision: tuple[str, str, list[tuple[str, str, str]]] | None = None
    aob: str = ""
    parked: str = ""


def _script(today: dt.date) -> list[DemoMeeting]:
    D, INFO = AgendaItem.Kind.DISCUSSION, AgendaItem.Kind.INFORMATION
    return [
        DemoMeeting(
            items=[
                (
                    "Roles for the year and the duties map",
                    D,
                    Role.SENCO,
                    15,
                    "Agreed who holds each duty; the governor will check the map termly.",
                ),
                (
                    "Autumn census numbers",
                    INFO,
                    Role.SENCO,
                    10,
                    "Numbers shared as totals only; no change in the largest need area.",
                ),
            ],
            actions=[
                DemoAction(
                    "Update the duties map with this year's holders",
                    Role.SENCO,
                    14,
                    "done",
                ),
                DemoAction(
                    "Book the first learning walk", Role.SEN_GOVERNOR, 21, "done"
                ),
            ],
            aob="The clerk asked for meeting records a week before each board meeting.",
        ),
        DemoMeeting(
            items=[
                (
                    "Learning walk feedback",
                    D,
                    Role.SEN_GOVERNOR,
                    15,
                    "Adaptive teaching seen in most classes; visual timetables in use.",
                ),
                (
                    "SEN Information Report review",
                    D,
                    Role.SENCO,
                    15,
                    "Two sections need updating: complaints and the local offer link.",
                ),
            ],
            actions=[
                DemoAction(
                    "Draft the updated SEN Information Report", Role.SENCO, 21, "done"
                ),
                DemoAction(
                    "Arrange governor training on EHC plans",
                    Role.HEADTEACHER,
                    28,
                    "withdrawn",
                ),
            ],
        ),
        DemoMeeting(
            items=[
                (
                    "Provision map costs",
                    D,
                    Role.SENCO,
                    20,
                    "Costs rose with the new speech and language group.",
                )
            ],
            decision=(
                "Choose the focus of the spring pupil voice work",
                Role.SENCO,
                [
                    (
                        "Transition to secondary school",
                        "Timely for Year 6",
                        "Smaller group of pupils",
                    ),
                    (
                        "Unstructured times",
                        "Raised by staff and parents",
                        "Harder to observe",
                    ),
                ],
            ),
            actions=[
                DemoAction(
                    "Review provision map costs with the business manager",
                    Role.HEADTEACHER,
                    21,
                    "done",
                )
            ],
        ),
        DemoMeeting(
            items=[
                (
                    "Accessibility plan",
                    D,
                    Role.HEADTEACHER,
                    15,
                    "Plan runs to next year; two actions still open.",
                )
            ],
            actions=[
                DemoAction(
                    "Circulate the accessibility plan draft",
                    Role.HEADTEACHER,
                    14,
                    "done",
                ),
                DemoAction(
                    "Summarise the pupil voice survey for governors", Role.SENCO, 21
                ),
            ],
            parked="Lunchtime clubs and who can join them",
        ),
        DemoMeeting(
            items=[
                (
                    "SENCO qualification",
                    INFO,
                    Role.HEADTEACHER,
                    10,
                    "The SENCO has started the NPQ for SENCOs.",
                ),
                (
                    "Termly report draft",
                    D,
                    Role.SENCO,
                    20,
                    "Finance lines checked; the governor asked about top-up funding.",
                ),
            ],
            actions=[
                DemoAction(
                    "Confirm the SENCO's NPQ enrolment date",
                    Role.HEADTEACHER,
                    14,
                    "done",
                )
            ],
        ),
        DemoMeeting(
            items=[
                (
                    "Summer term priorities",
                    D,
                    Role.SENCO,
                    20,
                    "Transition plans and the annual report to the board.",
                )
            ],
            actions=[
                DemoAction(
                    "Send the termly report to the clerk",
                    Role.SENCO,
                    0,
                    due_on=today + dt.timedelta(days=3),
                ),
                DemoAction(
                    "Plan the next learning walk",
                    Role.SEN_GOVERNOR,
                    0,
                    due_on=today + dt.timedelta(days=30),
                ),
            ],
            aob="Governor visit to the nurture group to be arranged.",
            parked="Homework expectations for pupils on SEN support",
        ),
    ]


def seed(demo) -> None:  # noqa: ANN001 (tandem.schools.demo.DemoSchool)
    today = demo.today
    senco = demo.users[Role.SENCO]
    meetings = _meetings(demo)
    past, upcoming = meetings[:PAST_MEETINGS], meetings[PAST_MEETINGS]

    previous: list[tuple[ActionItem, str]] = []
    for meeting, script in zip(past, _script(today), strict=True):
        services.build_agenda(meeting, by=senco)
        _share_a_week_before(meeting, demo)
        held_on = meeting.local_start.date()
        for action, outcome in previous:
            if outcome:
                services.set_action_status(
                    action, outcome, by=senco, today=held_on, meeting=meeting
                )
        previous = _hold(meeting, script, demo)
        services.save_record(
            meeting,
            by=senco,
            expected_version=1,
            attendees="Rhiannon Talbot (SENCO)\nMarcus Adeyemi (SEN governor)",
            apologies="",
            any_other_business=script.aob,
            next_meeting_on=_next_date(meetings, meeting),
            notes=_notes(meeting),
        )
    _prepare(upcoming, demo)


def _share_a_week_before(meeting: Meeting, demo) -> None:  # noqa: ANN001
    """Past agendas went out on time; the demo sends no real email while recording it."""

    recipients = [demo.users[Role.SEN_GOVERNOR], demo.users[Role.HEADTEACHER]]
    dummy = "django.core.mail.backends.dummy.EmailBackend"
    with override_settings(EMAIL_BACKEND=dummy):
        share = services.share_agenda(
            meeting, by=demo.users[Role.SENCO], recipients=recipients
        )
    week_before = meeting.starts_at - dt.timedelta(days=7)
    AgendaShare.objects.filter(pk=share.pk).update(shared_at=week_before)


def _meetings(demo) -> list[Meeting]:  # noqa: ANN001
    """Six past SENCO-governor meetings and the next one, creating any that are missing."""

    now = at_london(demo.today, dt.time(0, 0))
    ours = Meeting.objects.filter(school=demo.school, kind=Meeting.Kind.SENCO_GOVERNOR)
    past = list(ours.filter(starts_at__lt=now).order_by("starts_at"))[-PAST_MEETINGS:]
    taken = {m.local_start.date() for m in past}
    days: list[dt.date] = []
    for k in range(1, 4 * PAST_MEETINGS):  # every six weeks back, out of holidays
        day = _tuesday_before(demo.today - dt.timedelta(weeks=6 * k))
        if day not in taken and day not in days:
            days.append(day)
        if len(days) + len(past) >= PAST_MEETINGS:
            break
    for day in days:
        past.append(
            services.schedule_meeting(
                demo.school,
                starts_at=at_london(day, START),
                by=demo.users[Role.SENCO],
                location="SENCO office",
            )
        )
    past.sort(key=lambda m: m.starts_at)
    upcoming = ours.filter(starts_at__gte=now).order_by("starts_at").first()
    if upcoming is None:
        # Eight to ten days ahead, so the agenda is due to be shared (a week ahead) now.
        day = demo.today + dt.timedelta(days=8)
        while day.weekday() >= 5:
            day += dt.timedelta(days=1)
        upcoming = services.schedule_meeting(
            demo.school,
            starts_at=at_london(day, START),
            by=demo.users[Role.SENCO],
            location="SENCO office",
        )

    return [*past[-PAST_MEETINGS:], upcoming]


def _tuesday_before(day: dt.date) -> dt.date:
    """The Tuesday on or before `day`, stepping back out of the usual school holidays."""

    day -= dt.timedelta(days=(day.weekday() - 1) % 7)
    while _in_holiday(day):
        day -= dt.timedelta(weeks=1)

    return day


def _in_holiday(day: dt.date) -> bool:
    # Rough England holidays, enough for invented history: summer, Christmas, Easter.
    easter_sunday = easter(day.year)
    return (
        (day.month, day.day) >= (7, 21)
        and (day.month, day.day) <= (9, 3)
        or (day.month, day.day) >= (12, 19)
        or (day.month, day.day) <= (1, 4)
        or abs((day - easter_sunday).days) <= 8
    )


def _next_date(meetings: list[Meeting], meeting: Meeting) -> dt.date | None:
    later = [m for m in meetings if m.starts_at > meeting.starts_at]
    return later[0].local_start.date() if later else None


def _hold(meeting: Meeting, script: DemoMeeting, demo) -> list[tuple[ActionItem, str]]:  # noqa: ANN001
    senco, users = demo.users[Role.SENCO], demo.users
    items = [
        services.add_item(
            meeting,
            by=senco,
            title=title,
            kind=kind,
            minutes=minutes,
            owner=users[owner],
        )
        for title, kind, owner, minutes, _ in script.items
    ]
    for item, (*_, points) in zip(items, script.items, strict=True):
        AgendaItem.objects.filter(pk=item.pk).update(key_points=points)
    if script.decision:
        _decide(meeting, script.decision, demo)
    if script.parked:
        services.park_point(meeting, by=users[Role.SEN_GOVERNOR], text=script.parked)
    held_on = meeting.local_start.date()
    raised = []
    for spec in script.actions:
        due = spec.due_on or held_on + dt.timedelta(days=spec.due_after)
        action = services.raise_action(
            meeting,
            by=senco,
            description=spec.description,
            owner=users[spec.owner],
            due_on=due,
            item=items[0],
        )
        raised.append((action, spec.outcome))

    return raised


def _decide(meeting: Meeting, decision: tuple, demo) -> None:  # noqa: ANN001
    title, owner, options = decision
    senco = demo.users[Role.SENCO]
    item = services.add_item(
        meeting,
        by=senco,
        title=title,
        kind=AgendaItem.Kind.DECISION,
        minutes=15,
        owner=demo.users[owner],
    )
    made = [
        services.add_option(
            item, by=senco, title=name, advantages=plus, disadvantages=minus
        )
        for name, plus, minus in options
    ]
    AgendaItem.objects.filter(pk=item.pk).update(
        decision=made[0].title,
        rationale="Most useful before the move to Year 7.",
        key_points="Both options weighed; staff views shared.",
    )
    made[0].chosen = True
    made[0].save(update_fields=["chosen"])


def _notes(meeting: Meeting) -> dict[int, services.ItemNotes]:
    notes = {}
    for item in meeting.items.prefetch_related("options"):
        chosen = [o.pk for o in item.options.all() if o.chosen]
        points = item.key_points or (
            "Open actions reviewed." if item.is_actions_review else ""
        )
        notes[item.pk] = services.ItemNotes(
            key_points=points,
            decision=item.decision,
            rationale=item.rationale,
            chosen_option=chosen[0] if chosen else None,
        )
    return notes


def _prepare(meeting: Meeting, demo) -> None:  # noqa: ANN001
    """The next meeting: an agenda ready to share, with a parked point carried onto it."""

    senco, governor = demo.users[Role.SENCO], demo.users[Role.SEN_GOVERNOR]
    services.build_agenda(meeting, by=senco)
    services.add_item(
        meeting,
        by=senco,
        title="Spring census numbers",
        kind=AgendaItem.Kind.INFORMATION,
        minutes=10,
        owner=senco,
    )
    services.add_item(
        meeting,
        by=senco,
        title="Annual SEND report to the board",
        kind=AgendaItem.Kind.DISCUSSION,
        minutes=20,
        owner=governor,
    )
    decision = services.add_item(
        meeting,
        by=senco,
        title="Choose the training day focus",
        kind=AgendaItem.Kind.DECISION,
        minutes=10,
        owner=senco,
    )
    services.add_option(
        decision,
        by=senco,
        title="Autism awareness for all staff",
        advantages="Requested by staff",
        disadvantages="Covered in 2023",
    )
    services.add_option(
        decision,
        by=senco,
        title="Precision teaching for assistants",
        advantages="Builds on the phonics catch-up",
        disadvantages="Only for teaching assistants",
    )
    first = (
        ParkedItem.objects.filter(
            school=meeting.school, status=ParkedItem.Status.PARKED
        )
        .order_by("created_at")
        .first()
    )
    if first is not None:
        services.carry_parked(first, meeting, by=governor)
