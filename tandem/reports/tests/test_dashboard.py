import datetime as dt

from django.test import TestCase

from tandem.reports import dashboard, services
from tandem.reports.tests.builders import make_report, make_result, submit
from tandem.schools.dashboard import DashboardContext, Level
from tandem.schools.permissions import resolve_access
from tandem.testing import make_world

TODAY = dt.date(2025, 12, 10)  # autumn 2025/26, three weeks before the term ends


class ReportsDashboardTests(TestCase):
    def setUp(self) -> None:
        self.world = make_world()
        self.senco = self.world.user("senco")

    def ctx(self, persona: str) -> DashboardContext:
        access = resolve_access(self.world.user(persona), self.world.school.urn)

        return DashboardContext(access=access, today=TODAY)

    def test_senco_is_told_to_start_this_terms_report(self) -> None:
        items = dashboard.attention(self.ctx("senco"))

        self.assertEqual(
            [(i.level, i.text, i.due) for i in items],
            [
                (
                    Level.DUE,
                    "Start the Autumn 2025/26 termly report for governors",
                    dt.date(2025, 12, 31),
                ),
            ],
        )

    def test_draft_then_unanswered_question(self) -> None:
        report = make_report(self.world.school, by=self.senco)
        self.assertEqual(
            [i.text for i in dashboard.attention(self.ctx("senco"))],
            ["The Autumn 2025/26 termly report is a draft: submit it to governors"],
        )

        report = submit(report, by=self.senco)
        services.ask_question(
            report, "Why?", by=self.world.user("sen_governor"), role="sen_governor"
        )

        self.assertEqual(
            [i.text for i in dashboard.attention(self.ctx("senco"))],
            ["1 governor question on termly reports awaits your answer"],
        )
        self.assertEqual(dashboard.attention(self.ctx("sen_governor")), [])

    def test_panel_suppresses_for_governors_only(self) -> None:
        report = make_report(self.world.school, by=self.senco)
        services.apply_sen_import(
            report,
            make_result(
                sen_support=40,
                ehc_plan=3,
                by_year={},
                by_need={},
                by_year_need={},
                pupils=300,
            ),
            by=self.senco,
        )

        self.assertIsNone(
            dashboard.panels(self.ctx("sen_governor"))[0].context["report"]
        )
        senco_view = dashboard.panels(self.ctx("senco"))[0].context["view"]
        self.assertEqual(senco_view.headline("EHC plans").count.text, "3")

        submit(report, by=self.senco)
        governor_view = dashboard.panels(self.ctx("sen_governor"))[0].context["view"]
        self.assertEqual(governor_view.headline("EHC plans").count.text, "fewer than 5")
        self.assertEqual(governor_view.headline("SEN support").count.text, "40")
