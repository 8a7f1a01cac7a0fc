import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tandem.planner import views
from tandem.planner.models import AcademicYearPlan
from tandem.planner.services import accept_proposal
from tandem.planner.tests.builders import YEAR, make_activity, make_fgb, make_plan
from tandem.testing import make_world

pytestmark = pytest.mark.django_db


def _url(world, name="planner:year", **kwargs):
    return reverse(name, kwargs={"urn": world.school.urn, "year": YEAR, **kwargs})


@pytest.fixture
def world():
    world = make_world()
    plan = make_plan(world.school)
    make_fgb(plan, "06/10/2026")
    accept_proposal(make_fgb(plan, "03/11/2026"), by=world.user("senco"))
    make_activity(plan)
    return world


def _soup(response):
    return BeautifulSoup(response.content, "html.parser")


class TestYearPage:
    def test_shows_proposal_and_arranged_meeting(self, client, world):
        client.force_login(world.user("senco"))

        soup = _soup(client.get(_url(world)))

        rows = [
            " ".join(tr.get_text(" ").split())
            for tr in soup.select("#fgb-heading ~ table tbody tr")
        ]
        assert rows[0].startswith(
            "Tue 06/10/2026, 18:00 Proposed Tue 22/09/2026, 16:00"
        )
        assert "Accept" in rows[0]
        assert rows[1].startswith(
            "Tue 03/11/2026, 18:00 Arranged Tue 13/10/2026, 16:00"
        )
        assert "Move" in rows[1]

    def test_grid_cells_show_entries_and_marks(self, client, world):
        client.force_login(world.user("senco"))

        soup = _soup(client.get(_url(world)))

        grid = soup.select_one("table.planner-grid")
        row_22 = grid.select("tbody tr")[21]
        september_22 = row_22.select("td")[0].get_text(" ", strip=True)
        assert september_22 == "T Proposed meeting"
        christmas = grid.select("tbody tr")[24].select("td")[3]
        assert christmas.select_one("abbr")["title"] == "Bank holiday: Christmas Day"
        assert "190 school days in 2026/27" in soup.get_text()

    def test_governor_reads_without_buttons(self, client, world):
        client.force_login(world.user("governor"))

        soup = _soup(client.get(_url(world)))

        assert soup.h1.get_text() == "Year planner 2026/27"
        assert not soup.find("button", string=lambda s: s and "Accept" in s)
        assert "Add an FGB meeting" not in soup.get_text()

    def test_current_year_is_the_default(self, client, world, monkeypatch):
        monkeypatch.setattr(views, "london_today", lambda: dt.date(2027, 8, 31))
        client.force_login(world.user("senco"))

        response = client.get(
            reverse("planner:planner", kwargs={"urn": world.school.urn})
        )

        assert response.context["year"].label == "2026/27"
        assert _soup(response).h1.get_text() == "Year planner 2026/27"

    def test_year_without_plan_offers_to_start_one(self, client, world):
        client.force_login(world.user("senco"))
        url = reverse(
            "planner:year", kwargs={"urn": world.school.urn, "year": "2027-28"}
        )

        soup = _soup(client.get(url))
        client.post(
            reverse(
                "planner:plan-create",
                kwargs={"urn": world.school.urn, "year": "2027-28"},
            )
        )

        assert "There is no planner for 2027/28 yet." in soup.get_text()
        assert AcademicYearPlan.objects.filter(
            school=world.school, start_year=2027
        ).exists()


class TestArrangeMeetingPage:
    def test_refused_day_shows_a_clear_error(self, client, world):
        client.force_login(world.user("senco"))
        fgb = world.school.year_plans.get().fgb_meetings.first()
        url = _url(world, "planner:fgb-arrange", pk=fgb.pk)

        response = client.post(url, {"date": "2026-09-26", "time": "16:00"})

        soup = _soup(response)
        assert soup.title.get_text().startswith("Error:")
        summary = soup.select_one(".error-summary").get_text(" ", strip=True)
        assert "26/09/2026 is a weekend. Choose a school day." in summary
        fgb.refresh_from_db()
        assert fgb.prep_meeting is None

    def test_move_keeps_the_same_meeting(self, client, world):
        client.force_login(world.user("sen_governor"))
        fgb = world.school.year_plans.get().fgb_meetings.get(prep_meeting__isnull=False)
        meeting_pk = fgb.prep_meeting.pk
        url = _url(world, "planner:fgb-arrange", pk=fgb.pk)

        response = client.post(
            url, {"date": "2026-10-14", "time": "08:30", "version": 1}
        )

        assert response.status_code == 302
        fgb.refresh_from_db()
        assert fgb.prep_meeting.pk == meeting_pk
        assert (
            fgb.prep_meeting.local_start.strftime("%d/%m/%Y %H:%M")
            == "14/10/2026 08:30"
        )

    def test_stale_move_is_refused_with_a_message(self, client, world):
        client.force_login(world.user("senco"))
        fgb = world.school.year_plans.get().fgb_meetings.get(prep_meeting__isnull=False)
        url = _url(world, "planner:fgb-arrange", pk=fgb.pk)
        client.post(url, {"date": "2026-10-14", "time": "08:30", "version": 1})

        response = client.post(
            url, {"date": "2026-10-15", "time": "08:30", "version": 1}
        )

        assert "Someone else saved this record" in response.content.decode()
        fgb.prep_meeting.refresh_from_db()
        assert fgb.prep_meeting.local_start.strftime("%d/%m/%Y") == "14/10/2026"


class TestFormsWithoutAVersion:
    """A form opened before the record existed, or posted without its version, is stale:
    it must never overwrite what someone else saved in the meantime."""

    def test_two_people_arranging_one_proposal_the_second_is_refused(
        self, client, world
    ):
        fgb = world.school.year_plans.get().fgb_meetings.get(prep_meeting__isnull=True)
        url = _url(world, "planner:fgb-arrange", pk=fgb.pk)
        client.force_login(world.user("senco"))
        client.post(url, {"date": "2026-09-22", "time": "16:00", "version": ""})
        client.force_login(world.user("sen_governor"))

        response = client.post(
            url, {"date": "2026-09-29", "time": "08:30", "version": ""}
        )

        assert "Someone else saved this record" in response.content.decode()
        fgb.refresh_from_db()
        assert (
            fgb.prep_meeting.local_start.strftime("%d/%m/%Y %H:%M")
            == "22/09/2026 16:00"
        )

    def test_an_fgb_edit_without_its_version_is_refused(self, client, world):
        fgb = world.school.year_plans.get().fgb_meetings.get(prep_meeting__isnull=True)
        client.force_login(world.user("senco"))

        response = client.post(
            _url(world, "planner:fgb-edit", pk=fgb.pk),
            {"date": "2026-10-07", "time": "18:00"},
        )

        assert "Someone else saved this record" in response.content.decode()
        fgb.refresh_from_db()
        assert fgb.date == dt.date(2026, 10, 6)

    def test_an_activity_edit_without_its_version_is_refused(self, client, world):
        activity = world.school.year_plans.get().activities.get()
        client.force_login(world.user("senco"))

        response = client.post(
            _url(world, "planner:activity-edit", pk=activity.pk),
            {"kind": activity.kind, "title": "Renamed", "date": "2026-11-10"},
        )

        assert "Someone else saved this record" in response.content.decode()
        activity.refresh_from_db()
        assert activity.title == "Phonics interventions, Key Stage 1"
