"""Plain meeting records for export tests: a normal meeting and a very long one."""

from datetime import date, time

from tandem.meetings.record import MeetingRecord, RecordAction, RecordItem

OWNERS = ("Ms Priya Shah", "Mr Tom Okafor", "Mrs Jean Lowe")


def action(number: int, *, item: int, status: str = "Open") -> RecordAction:
    return RecordAction(
        reference=f"A{number}",
        description=f"Action {number}: circulate the provision map summary",
        owner=OWNERS[number % len(OWNERS)],
        due_on=date(2026, 1 + number % 12, 1 + number % 28),
        status=status,
        item_position=item,
    )


def normal_record() -> MeetingRecord:
    """Six items and five actions: what an ordinary termly meeting produces."""

    review = RecordItem(
        position=1,
        title="Review of open actions",
        kind="Information",
        owner="Ms Priya Shah",
        minutes=10,
        key_points="Two actions done, one carried forward.",
        actions=(
            action(1, item=1, status="Done"),
            action(2, item=1, status="Withdrawn"),
            action(3, item=1),
        ),
    )
    decision = RecordItem(
        position=3,
        title="Choose the spring learning walk focus",
        kind="Decision",
        owner="Mr Tom Okafor",
        minutes=15,
        key_points="Two options weighed.\nStaff survey results shared.",
        decision="Focus on adaptive teaching in Key Stage 2",
        rationale="It matches the school improvement plan.",
        actions=(action(4, item=3),),
    )
    items = [review, decision]
    for position, title in [
        (2, "SEN register numbers after the autumn census"),
        (4, "Draft SEN Information Report"),
        (5, "Training plan for teaching assistants"),
        (6, "Accessibility plan review date"),
    ]:
        items.append(
            RecordItem(
                position=position,
                title=title,
                kind="Discussion",
                owner="Ms Priya Shah",
                minutes=10,
                key_points="Discussed and agreed next steps.",
                actions=(action(5, item=5),) if position == 5 else (),
            )
        )
    items.sort(key=lambda item: item.position)

    return MeetingRecord(
        school_name="Riverside Primary School",
        held_on=date(2026, 2, 3),
        starts_at=time(15, 45),
        ends_at=time(16, 45),
        location="SENCO office",
        paper_colour="#FFF8E1",
        attendees=("Ms Priya Shah (SENCO)", "Mr Tom Okafor (SEN governor)"),
        apologies=("Mrs Jean Lowe (headteacher)",),
        items=tuple(items),
        any_other_business="Governor visit to the nurture group to be arranged.",
        next_meeting_on=date(2026, 3, 10),
        parked=("Lunchtime clubs for pupils with SEN",),
    )


def long_record(count: int = 40) -> MeetingRecord:
    """A record that must flow over several pages: `count` items, one action each."""

    items = tuple(
        RecordItem(
            position=n,
            title=f"Item {n}: termly review of provision",
            kind="Discussion",
            owner=OWNERS[n % 3],
            minutes=5,
            key_points="\n".join(
                f"Point {n}.{k} discussed at length." for k in range(3)
            ),
            actions=(action(n, item=n),),
        )
        for n in range(1, count + 1)
    )
    return MeetingRecord(
        school_name="Riverside Primary School",
        held_on=date(2026, 2, 3),
        starts_at=time(15, 45),
        attendees=("Ms Priya Shah (SENCO)",),
        items=items,
    )
