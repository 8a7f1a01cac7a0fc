"""Emails about meetings: the shared agenda and action reminders.

Each email has three templates in templates/emails/ (subject, text body, HTML body).
Messages are built inside the service's transaction and sent there, so a failure to
send rolls back the record that it was sent.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from tandem.meetings.timebox import plan

logger = logging.getLogger(__name__)


def build(name: str, context: dict, to: list[str]) -> EmailMultiAlternatives:
    subject = render_to_string(f"emails/{name}_subject.txt", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=render_to_string(f"emails/{name}_body.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
    )
    message.attach_alternative(
        render_to_string(f"emails/{name}_body.html", context), "text/html"
    )

    return message


def absolute(path: str) -> str:
    return settings.TANDEM_BASE_URL.rstrip("/") + path


def agenda_message(meeting, recipients: list) -> EmailMultiAlternatives:  # noqa: ANN001
    """The agenda with its time boxes, every paper attached."""

    items = list(meeting.items.select_related("owner").prefetch_related("papers"))
    start = meeting.local_start
    timetable = plan(start.time(), meeting.duration_minutes, [i.minutes for i in items])
    url = reverse(
        "meetings:meeting-detail", kwargs={"urn": meeting.school.urn, "pk": meeting.pk}
    )
    context = {
        "meeting": meeting,
        "school": meeting.school,
        "papers": sum(len(item.papers.all()) for item in items),
        "rows": list(zip(items, timetable.slots, strict=True)),
        "timetable": timetable,
        "url": absolute(url),
    }
    message = build("agenda_shared", context, [u.email for u in recipients if u.email])
    for item in items:
        for paper in item.papers.all():
            with paper.file.open("rb") as handle:
                message.attach(paper.name, handle.read(), paper.content_type)

    return message


def reminder_message(owner, actions: list, *, today: dt.date) -> EmailMultiAlternatives:  # noqa: ANN001
    school = actions[0].school
    url = reverse("meetings:action-list", kwargs={"urn": school.urn})
    context = {
        "owner": owner,
        "school": school,
        "overdue": [a for a in actions if a.due_on < today],
        "due_soon": [a for a in actions if a.due_on >= today],
        "url": absolute(url),
    }

    return build("action_reminder", context, [owner.email])


def send(message: EmailMultiAlternatives, entity: str, pk: int) -> None:
    message.send()
    logger.info("%s %s: email sent to %s recipients", entity, pk, len(message.to))
