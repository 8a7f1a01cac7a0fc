import datetime as dt

from django.urls import reverse

from tandem.duties import dashboard, services
from tandem.duties.tests.conftest import make_course, make_senco_record
from tandem.schools.dashboard import DashboardContext, Level
from tandem.schools.models import Membership
from tandem.schools.permissions import resolve_access
from tandem.testing import make_member

Role = Membership.Role


def context(school, role: str, today: dt.date) -> DashboardContext:  # noqa: ANN001
    user = make_member(school, role, username=f"dash-{role}")
    return DashboardContext(access=resolve_access(user, school.urn), today=today)


def confirm_all_holders(school, senco) -> None:  # noqa: ANN001
    from tandem.duties.catalogue import default_catalogue

    for duty in default_catalogue().in_force_on(dt.date(2026, 1, 1)):
        services.set_duty_holders(
            school, duty.code, by=senco, holders=duty.holders, note="",
            evidence_url="", expected_version=0,
        )  # fmt: skip


class TestQualificationAttention:
    def test_no_warning_before_six_months(self, school) -> None:
        make_senco_record(school, became_senco=dt.date(2024, 4, 1))

        items = dashboard.attention(context(school, Role.SENCO, dt.date(2026, 9, 30)))

        assert items == []

    def test_warning_from_six_months_before(self, school) -> None:
        senco = make_senco_record(school, became_senco=dt.date(2024, 4, 1))
        make_course(senco, kind="nasenco", started=dt.date(2024, 1, 8))

        (item,) = dashboard.attention(context(school, Role.SENCO, dt.date(2026, 10, 1)))

        assert item.level == Level.DUE
        assert item.text == "SENCO qualification due by 01/04/2027: on track."
        assert item.due == dt.date(2027, 4, 1)
        assert item.url == f"/schools/{school.urn}/duties/qualification/"

    def test_overdue_the_day_after(self, school) -> None:
        make_senco_record(school, became_senco=dt.date(2024, 4, 1))

        (item,) = dashboard.attention(
            context(school, Role.HEADTEACHER, dt.date(2027, 4, 2))
        )

        assert item.level == Level.OVERDUE
        assert item.text == "SENCO qualification overdue: it was needed by 01/04/2027."

    def test_ineligible_senco(self, school) -> None:
        make_senco_record(school, qts=False)

        (item,) = dashboard.attention(context(school, Role.SENCO, dt.date(2025, 1, 1)))

        assert item.level == Level.OVERDUE
        assert "eligibility rules" in item.text

    def test_governors_without_access_see_nothing(self, school) -> None:
        make_senco_record(school, became_senco=dt.date(2020, 1, 1))

        ctx = context(school, Role.GOVERNOR, dt.date(2025, 1, 1))

        assert [i.text for i in dashboard.attention(ctx) if "SENCO" in i.text] == []
        assert dashboard.panels(ctx) == []

    def test_panel_shows_the_headline(self, school) -> None:
        make_senco_record(school, became_senco=dt.date(2024, 4, 1))

        (panel,) = dashboard.panels(
            context(school, Role.SEN_GOVERNOR, dt.date(2025, 1, 1))
        )

        assert panel.title == "SENCO qualification"
        assert panel.context["headline"] == "due by 01/04/2027"


class TestUnheldAttention:
    def test_unheld_duties_are_listed(self, school, senco) -> None:
        confirm_all_holders(school, senco)
        services.set_duty_holders(
            school, "D21", by=senco, holders=frozenset(), note="", evidence_url="",
            expected_version=1,
        )  # fmt: skip
        make_senco_record(school, became_senco=dt.date(2008, 1, 1))

        items = dashboard.attention(context(school, Role.CLERK, dt.date(2026, 1, 1)))

        assert [(i.level, i.text) for i in items] == [
            (Level.DUE, "1 duty on the map held by nobody: D21.")
        ]

    def test_dashboard_page_shows_both(self, senco_client, school, senco) -> None:
        make_senco_record(school, became_senco=dt.date(2020, 1, 1))
        services.add_school_duty(
            school, by=senco, title="Coffee", summary="", holders=frozenset()
        )

        response = senco_client.get(
            reverse("schools:dashboard", kwargs={"urn": school.urn})
        )

        text = response.content.decode()
        assert "SENCO qualification overdue: it was needed by 01/01/2023." in text
        assert "1 duty on the map held by nobody: S01." in text
