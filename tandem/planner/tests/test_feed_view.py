import datetime as dt

import pytest
from django.urls import reverse
from icalendar import Calendar

from tandem.lib.calendar import LONDON
from tandem.planner.services import accept_proposal, issue_feed_token, revoke_feed_token
from tandem.planner.tests.builders import make_activity, make_fgb, make_plan
from tandem.planner.tests.calendars import d
from tandem.schools.models import Membership
from tandem.testing import make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def feed(settings):
    world = make_world()
    plan = make_plan(world.school)
    senco = world.user("senco")
    # Either side of the clock change on 25/10/2026: 16:00 is 15:00, then 16:00 UTC.
    accept_proposal(make_fgb(plan, "06/11/2026"), by=senco, date=d("23/10/2026"))
    accept_proposal(make_fgb(plan, "12/11/2026"), by=senco, date=d("02/11/2026"))
    make_activity(
        plan, title="Phonics interventions, Key Stage 1", date=d("13/10/2026")
    )
    _token, secret = issue_feed_token(senco, world.school, by=senco)
    url = reverse("planner:feed", kwargs={"urn": world.school.urn, "secret": secret})
    return world, url


def _events(response) -> dict[str, object]:
    calendar = Calendar.from_ical(response.content)
    return {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}


class TestFeed:
    def test_feed_needs_no_sign_in_and_is_a_calendar(self, client, feed):
        _world, url = feed

        response = client.get(url)

        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        calendar = Calendar.from_ical(response.content)
        assert calendar["X-WR-CALNAME"] == "Larch Lane Primary SEND planner (Tandem)"
        assert calendar["X-PUBLISHED-TTL"] == "PT6H"

    def test_meetings_either_side_of_the_clock_change(self, client, feed):
        _world, url = feed

        calendar = Calendar.from_ical(client.get(url).content)

        meetings = sorted(
            e.decoded("DTSTART")
            for e in calendar.walk("VEVENT")
            if str(e["SUMMARY"]).startswith("SENCO and SEN governor meeting")
        )
        assert [m.astimezone(LONDON).strftime("%d/%m/%Y %H:%M") for m in meetings] == [
            "23/10/2026 16:00",
            "02/11/2026 16:00",
        ]
        assert [m.astimezone(dt.UTC).hour for m in meetings] == [15, 16]

    def test_fgb_activities_and_term_dates_are_in(self, client, feed):
        _world, url = feed

        events = _events(client.get(url))

        fgb = events["Full governing body meeting (Larch Lane Primary)"]
        assert fgb.decoded("DTSTART").astimezone(LONDON).hour == 18
        walk = events["Learning walk: Phonics interventions, Key Stage 1"]
        assert walk.decoded("DTSTART") == dt.date(2026, 10, 13)
        assert walk.decoded("DTEND") == dt.date(2026, 10, 14)
        assert "Autumn term starts (Larch Lane Primary)" in events
        half_term = events["October half-term (Larch Lane Primary)"]
        assert half_term.decoded("DTSTART") == dt.date(2026, 10, 26)

    def test_revoked_secret_gets_404(self, client, feed):
        world, url = feed
        revoke_feed_token(world.school.feed_tokens.get(), by=world.user("senco"))

        assert client.get(url).status_code == 404

    def test_a_user_who_left_the_school_loses_the_feed(self, client, feed):
        world, url = feed
        Membership.objects.filter(
            user=world.user("senco"), school=world.school
        ).delete()

        assert client.get(url).status_code == 404

    def test_reading_notes_last_use(self, client, feed):
        world, url = feed

        client.get(url)

        assert world.school.feed_tokens.get().last_used_at is not None


class TestFeedSettings:
    def test_new_address_is_shown_once(self, client):
        world = make_world()
        client.force_login(world.user("governor"))
        settings_url = reverse(
            "planner:feed-settings", kwargs={"urn": world.school.urn}
        )

        client.post(reverse("planner:feed-issue", kwargs={"urn": world.school.urn}))
        first = client.get(settings_url).content.decode()
        second = client.get(settings_url).content.decode()

        token = world.school.feed_tokens.get()
        assert f"/schools/{world.school.urn}/planner/feed/{token.hint}" in first
        assert f"/planner/feed/{token.hint}" not in second
        assert f"<code>{token.hint}…</code>" in second

    def test_revoke(self, client):
        world = make_world()
        user = world.user("clerk")
        issue_feed_token(user, world.school, by=user)
        client.force_login(user)

        client.post(reverse("planner:feed-revoke", kwargs={"urn": world.school.urn}))

        assert world.school.feed_tokens.get().revoked_at is not None
