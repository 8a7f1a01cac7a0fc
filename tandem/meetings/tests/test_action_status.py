import datetime as dt

import pytest
from django.urls import reverse

from tandem.meetings.models import ActionItem
from tandem.meetings.tests.builders import make_action, make_meeting
from tandem.testing import make_world

pytestmark = pytest.mark.django_db


def status_url(world, action) -> str:  # noqa: ANN001
    return reverse(
        "meetings:action-status", kwargs={"urn": world.school.urn, "pk": action.pk}
    )


def test_with_htmx_only_the_changed_row_comes_back(client) -> None:  # noqa: ANN001
    world = make_world()
    meeting = make_meeting(world.school, on=dt.date(2026, 1, 13))
    action = make_action(
        meeting, world.user("senco"), description="Update the register"
    )
    client.force_login(world.user("senco"))

    response = client.post(
        status_url(world, action),
        {"status": "done", "meeting": meeting.pk},
        HTTP_HX_REQUEST="true",
    )

    row = response.content.decode()
    assert response.status_code == 200
    assert row.lstrip().startswith("<tr>") and "<html" not in row
    assert "Update the register" in row and ">Reopen<" in row
    assert f"{action.reference} is now done." in row
    assert ActionItem.objects.get(pk=action.pk).status == "done"


def test_without_javascript_the_page_reloads_with_a_message(client) -> None:  # noqa: ANN001
    world = make_world()
    meeting = make_meeting(world.school, on=dt.date(2026, 1, 13))
    action = make_action(meeting, world.user("senco"))
    client.force_login(world.user("senco"))

    response = client.post(
        status_url(world, action), {"status": "withdrawn"}, follow=True
    )

    assert response.redirect_chain[-1][0].endswith("/meetings/actions/")
    assert f"{action.reference} is now withdrawn." in response.content.decode()
