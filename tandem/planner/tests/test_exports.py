"""The one-page PDF, the one-off .ics download and `tandem export planner-ics`."""

import datetime as dt

import pypdfium2
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from icalendar import Calendar

from tandem.lib.calendar import LONDON
from tandem.lib.pdf import pdf_text
from tandem.planner.services import accept_proposal
from tandem.planner.tests.builders import YEAR, make_activity, make_fgb, make_plan
from tandem.planner.tests.calendars import d
from tandem.testing import make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = make_world()
    plan = make_plan(world.school)
    senco = world.user("senco")
    for day in (
        "06/10/2026",
        "24/11/2026",
        "02/02/2027",
        "16/03/2027",
        "11/05/2027",
        "06/07/2027",
    ):
        make_fgb(plan, day)
    # Either side of the March clock change (28/03/2027).
    accept_proposal(
        plan.fgb_meetings.get(date=d("16/03/2027")), by=senco, date=d("12/03/2027")
    )
    accept_proposal(
        plan.fgb_meetings.get(date=d("11/05/2027")), by=senco, date=d("13/04/2027")
    )
    for n in range(12):
        make_activity(
            plan,
            title=f"Activity {n + 1}",
            date=d("13/10/2026") + dt.timedelta(weeks=n),
        )
    return world


class TestGridPdf:
    def test_whole_year_fits_one_landscape_page(self, client, world):
        client.force_login(world.user("governor"))

        response = client.get(
            reverse("planner:grid-pdf", kwargs={"urn": world.school.urn, "year": YEAR})
        )

        assert response["Content-Type"] == "application/pdf"
        document = pypdfium2.PdfDocument(response.content)
        assert len(document) == 1
        width, height = document[0].get_size()
        assert width > height
        text = pdf_text(response.content)[0]
        assert "Larch Lane Primary: SEND year planner 2026/27" in text
        for month in ("Sep 2026", "Dec 2026", "Aug 2027", "Sep 2027"):
            assert month in text
        assert text.count("FGB 18:00") == 6
        assert "190 school days" in text


class TestIcsDownload:
    def test_download_has_meetings_at_local_time(self, client, world):
        client.force_login(world.user("clerk"))

        response = client.get(
            reverse("planner:year-ics", kwargs={"urn": world.school.urn, "year": YEAR})
        )

        assert response["Content-Disposition"] == (
            f'attachment; filename="planner-{world.school.urn}-2026-27.ics"'
        )
        calendar = Calendar.from_ical(response.content)
        assert "REFRESH-INTERVAL" not in calendar
        starts = sorted(
            e.decoded("DTSTART")
            for e in calendar.walk("VEVENT")
            if str(e["SUMMARY"]).startswith("SENCO")
        )
        assert [
            (s.astimezone(LONDON).hour, s.astimezone(dt.UTC).hour) for s in starts
        ] == [
            (16, 16),
            (16, 15),
        ]
        summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
        assert sum(s.startswith("Full governing body") for s in summaries) == 6
        assert sum(s.startswith("Learning walk: Activity") for s in summaries) == 12


class TestExportCommand:
    def test_writes_the_year(self, tmp_path, world):
        target = tmp_path / "planner.ics"

        call_command(
            "export",
            "planner-ics",
            "--school",
            world.school.urn,
            "--year",
            "2026-27",
            "-o",
            str(target),
        )

        calendar = Calendar.from_ical(target.read_bytes())
        assert calendar["X-WR-CALNAME"] == "Larch Lane Primary SEND planner 2026/27"
        assert len(calendar.walk("VEVENT")) == 6 + 2 + 12 + 6 + 8
        uids = [str(e["UID"]) for e in calendar.walk("VEVENT")]
        assert len(set(uids)) == len(uids)

    def test_same_uids_on_a_second_export(self, tmp_path, world):
        first, second = tmp_path / "a.ics", tmp_path / "b.ics"
        for target in (first, second):
            call_command(
                "export",
                "planner-ics",
                "--school",
                world.school.urn,
                "--year",
                "2026-27",
                "-o",
                str(target),
            )

        def uids(path):
            return sorted(
                str(e["UID"])
                for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")
            )

        assert uids(first) == uids(second)

    def test_unknown_year_is_a_clear_error(self, tmp_path, world):
        with pytest.raises(CommandError, match="has no planner for 2030/31"):
            call_command(
                "export",
                "planner-ics",
                "--school",
                world.school.urn,
                "--year",
                "2030-31",
                "-o",
                str(tmp_path / "x.ics"),
            )

    def test_malformed_year_is_a_clear_error(self, tmp_path, world):
        with pytest.raises(CommandError, match="--year"):
            call_command(
                "export",
                "planner-ics",
                "--school",
                world.school.urn,
                "--year",
                "2026-2027",
                "-o",
                str(tmp_path / "x.ics"),
            )
