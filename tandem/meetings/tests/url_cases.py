"""Role x URL cases for meetings, agendas, records and actions (tests/test_role_urls.py)."""

import datetime as dt

from django.core.files.base import ContentFile

from tandem.meetings import services
from tandem.meetings.models import AgendaItem, AgendaPaper
from tandem.meetings.tests.builders import make_item, make_meeting
from tandem.testing import UrlCase, expect

READERS = {
    "senco": 200,
    "sen_governor": 200,
    "governor": 200,
    "headteacher": 200,
    "senior_leader": 200,
    "clerk": 200,
}
WRITERS = ("senco", "sen_governor", "headteacher", "senior_leader", "clerk")
READ = expect(403, **READERS)
WRITE_FORM = expect(403, **{p: 200 for p in WRITERS})
WRITE_POST = expect(403, **{p: 302 for p in WRITERS})
WRITE_INVALID = expect(403, **{p: 400 for p in WRITERS})
# Another school's record is hidden (404) from anyone allowed here; a role without the
# capability is refused (403) before any record is looked up.
OTHER_SCHOOL = expect(404, officer=403)
OTHER_SCHOOL_POST = expect(404, officer=403, governor=403)
# An SEN governor may close only the actions they own.
NOT_THEIRS = {**WRITE_POST, "sen_governor": 403}
MEETING_DATA = {
    "title": "Spring meeting",
    "date": "2026-03-10",
    "start": "15:45",
    "duration_minutes": "60",
    "location": "",
    "share_days_before": "7",
    "version": "1",
}


def _meeting(world) -> dict:  # noqa: ANN001
    return {"pk": make_meeting(world.school).pk}


def _other_meeting(world) -> dict:  # noqa: ANN001
    return {"pk": make_meeting(world.other_school).pk}


def _item(world) -> dict:  # noqa: ANN001
    meeting = make_meeting(world.school)
    return {"pk": meeting.pk, "item_pk": make_item(meeting).pk}


def _decision(world) -> dict:  # noqa: ANN001
    meeting = make_meeting(world.school)
    item = make_item(meeting, "Training", kind=AgendaItem.Kind.DECISION)
    return {"pk": meeting.pk, "item_pk": item.pk}


def _option(world) -> dict:  # noqa: ANN001
    found = _decision(world)
    item = AgendaItem.objects.get(pk=found["item_pk"])
    option = services.add_option(
        item, by=None, title="A", advantages="", disadvantages=""
    )
    return {"pk": found["pk"], "option_pk": option.pk}


def _paper(world, school=None) -> dict:  # noqa: ANN001
    meeting = make_meeting(school or world.school)
    item = make_item(meeting)
    paper = AgendaPaper(item=item, name="map.txt", size=6, content_type="text/plain")
    paper.file.save("paper", ContentFile(b"totals"), save=False)
    paper.save()
    return {"pk": meeting.pk, "paper_pk": paper.pk}


def _parked(world) -> dict:  # noqa: ANN001
    earlier = make_meeting(world.school, on=dt.date(2026, 1, 13))
    meeting = make_meeting(world.school, on=dt.date(2026, 2, 3))
    parked = services.park_point(earlier, by=None, text="Clubs")
    return {"pk": meeting.pk, "parked_pk": parked.pk}


def _action(world, owner: str = "sen_governor", school=None) -> dict:  # noqa: ANN001
    meeting = make_meeting(school or world.school)
    user = world.user(owner if school is None else "outsider")
    action = services.raise_action(
        meeting, by=None, description="Visit", owner=user, due_on=dt.date(2026, 3, 1)
    )
    return {"pk": action.pk}


def _item_data(world) -> dict:  # noqa: ANN001
    return {"item-title": "Census", "item-kind": "discussion", "item-minutes": "10"}


def _edit_item_data(world) -> dict:  # noqa: ANN001
    return {"title": "Census", "kind": "discussion", "minutes": "10", "version": "1"}


def _share_data(world) -> dict:  # noqa: ANN001
    return {"recipients": [world.user("senco").pk]}


def _option_data(world) -> dict:  # noqa: ANN001
    # The runner builds the kwargs (and so the decision item) before the data.
    item = AgendaItem.objects.filter(kind=AgendaItem.Kind.DECISION).latest("pk")
    return {f"option-{item.pk}-title": "Option A"}


def _action_data(world) -> dict:  # noqa: ANN001
    return {
        "action-description": "Send the report",
        "action-owner": world.user("senco").pk,
        "action-due_on": "2026-03-01",
    }


def _action_edit_data(world) -> dict:  # noqa: ANN001
    return {
        "description": "Visit the nurture group",
        "owner": world.user("sen_governor").pk,
        "due_on": "2026-03-01",
        "version": "1",
    }


def _record_data(world) -> dict:  # noqa: ANN001
    return {
        "attendees": "",
        "apologies": "",
        "any_other_business": "",
        "next_meeting_on": "",
        "version": "1",
    }


CASES = [
    UrlCase("meetings:meeting-list", READ),
    UrlCase("meetings:meeting-create", WRITE_FORM),
    UrlCase(
        "meetings:meeting-create",
        WRITE_POST,
        method="post",
        data=lambda world: MEETING_DATA,
    ),
    UrlCase("meetings:meeting-detail", READ, kwargs=_meeting),
    UrlCase(
        "meetings:meeting-detail",
        OTHER_SCHOOL,
        kwargs=_other_meeting,
        note="another school's meeting",
    ),
    UrlCase("meetings:meeting-edit", WRITE_FORM, kwargs=_meeting),
    UrlCase(
        "meetings:meeting-edit",
        WRITE_POST,
        method="post",
        kwargs=_meeting,
        data=lambda world: MEETING_DATA,
    ),
    UrlCase(
        "meetings:meeting-edit",
        OTHER_SCHOOL_POST,
        method="post",
        kwargs=_other_meeting,
        data=lambda world: MEETING_DATA,
        note="another school's meeting",
    ),
    UrlCase("meetings:agenda-build", WRITE_POST, method="post", kwargs=_meeting),
    UrlCase("meetings:agenda-share", WRITE_FORM, kwargs=_meeting),
    UrlCase(
        "meetings:agenda-share",
        WRITE_POST,
        method="post",
        kwargs=_meeting,
        data=_share_data,
    ),
    UrlCase(
        "meetings:item-add", WRITE_POST, method="post", kwargs=_meeting, data=_item_data
    ),
    UrlCase(
        "meetings:item-add",
        WRITE_INVALID,
        method="post",
        kwargs=_meeting,
        note="invalid item",
    ),
    UrlCase("meetings:item-edit", WRITE_FORM, kwargs=_item),
    UrlCase(
        "meetings:item-edit",
        WRITE_POST,
        method="post",
        kwargs=_item,
        data=_edit_item_data,
    ),
    UrlCase("meetings:item-delete", WRITE_FORM, kwargs=_item),
    UrlCase("meetings:item-delete", WRITE_POST, method="post", kwargs=_item),
    UrlCase(
        "meetings:item-move",
        WRITE_POST,
        method="post",
        kwargs=_item,
        data=lambda world: {"direction": "up"},
    ),
    UrlCase("meetings:item-park", WRITE_POST, method="post", kwargs=_item),
    UrlCase(
        "meetings:option-add",
        WRITE_POST,
        method="post",
        kwargs=_decision,
        data=_option_data,
    ),
    UrlCase("meetings:option-delete", WRITE_POST, method="post", kwargs=_option),
    UrlCase(
        "meetings:paper-add",
        WRITE_INVALID,
        method="post",
        kwargs=_item,
        note="no file chosen",
    ),
    UrlCase("meetings:paper-download", READ, kwargs=_paper),
    UrlCase(
        "meetings:paper-download",
        OTHER_SCHOOL,
        kwargs=lambda world: _paper(world, world.other_school),
        note="another school's paper",
    ),
    UrlCase("meetings:paper-delete", WRITE_POST, method="post", kwargs=_paper),
    UrlCase(
        "meetings:parked-add",
        WRITE_POST,
        method="post",
        kwargs=_meeting,
        data=lambda world: {"park-text": "Clubs"},
    ),
    UrlCase("meetings:parked-carry", WRITE_POST, method="post", kwargs=_parked),
    UrlCase("meetings:parked-close", WRITE_POST, method="post", kwargs=_parked),
    UrlCase("meetings:record-edit", READ, kwargs=_meeting),
    UrlCase(
        "meetings:record-edit",
        WRITE_POST,
        method="post",
        kwargs=_meeting,
        data=_record_data,
    ),
    UrlCase("meetings:record-pdf", READ, kwargs=_meeting),
    UrlCase("meetings:record-docx", READ, kwargs=_meeting),
    UrlCase(
        "meetings:record-pdf",
        OTHER_SCHOOL,
        kwargs=_other_meeting,
        note="another school's record",
    ),
    UrlCase(
        "meetings:action-add",
        WRITE_POST,
        method="post",
        kwargs=_meeting,
        data=_action_data,
    ),
    UrlCase("meetings:action-list", READ),
    UrlCase("meetings:action-edit", READ, kwargs=_action),
    UrlCase(
        "meetings:action-edit",
        WRITE_POST,
        method="post",
        kwargs=_action,
        data=_action_edit_data,
    ),
    UrlCase(
        "meetings:action-edit",
        OTHER_SCHOOL,
        kwargs=lambda world: _action(world, school=world.other_school),
        note="another school's action",
    ),
    UrlCase(
        "meetings:action-status",
        WRITE_POST,
        method="post",
        kwargs=_action,
        data=lambda world: {"status": "done"},
    ),
    UrlCase(
        "meetings:action-status",
        NOT_THEIRS,
        method="post",
        kwargs=lambda world: _action(world, owner="senco"),
        data=lambda world: {"status": "done"},
        note="someone else's action",
    ),
    UrlCase("meetings:action-log-pdf", READ),
]
