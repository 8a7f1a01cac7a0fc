from django.test import TestCase
from django.urls import reverse

from tandem.reports import services
from tandem.reports.tests.builders import (
    make_application,
    make_intervention,
    make_report,
    make_result,
    submit,
)
from tandem.testing import PASSWORD, make_world

EHC_ROW = '<tr><th scope="row">EHC plans</th><td class="num">{}</td>'


def small_result():  # noqa: ANN201
    return make_result(
        pupils=210,
        sen_support=27,
        ehc_plan=3,
        by_year={"Y1": {"K": 12, "E": 2, "N": 80}, "Y2": {"K": 15, "E": 1, "N": 100}},
        by_need={"SLCN": {"K": 20, "E": 3}, "SEMH": {"K": 7, "E": 0}},
        by_year_need={},
    )


class ReportDetailTests(TestCase):
    def setUp(self) -> None:
        self.world = make_world()
        self.senco = self.world.user("senco")
        self.report = make_report(
            self.world.school,
            by=self.senco,
            element_2=4500000,
            element_3=1200000,
            expenditure=6000050,
            senco_name="Rhiannon Talbot",
        )
        services.apply_sen_import(self.report, small_result(), by=self.senco)
        make_intervention(self.report)
        make_application(self.report, requested_on="2025-09-15")

    def _get(self, persona: str):  # noqa: ANN202
        self.client.login(username=self.world.user(persona).username, password=PASSWORD)
        url = reverse(
            "reports:report-detail",
            kwargs={"urn": self.world.school.urn, "pk": self.report.pk},
        )

        return self.client.get(url)

    def test_senco_sees_every_number_and_edit_links(self) -> None:
        response = self._get("senco")

        self.assertContains(
            response, "<h1>Termly SEND report: Autumn 2025/26</h1>", html=True
        )
        body = response.content.decode()
        self.assertIn(EHC_ROW.format("3"), body)
        self.assertIn("Overspent by £3,000.50", body)
        self.assertIn("£57,000.00", body)  # total of elements
        self.assertIn("£206.63", body)  # per pupil, worked example 1
        self.assertIn("£826.50", body)
        self.assertIn("Edit the SEN budget", body)
        self.assertIn("EHC-2025-01", body)
        self.assertIn("02/02/2026", body)  # 20 weeks after 15/09/2025
        self.assertIn("Week 6, decision whether to assess: was due 27/10/2025", body)
        self.assertIn('role="img"', body)

    def test_draft_is_hidden_from_governors(self) -> None:
        self.assertEqual(self._get("sen_governor").status_code, 404)

    def test_governor_sees_suppressed_numbers_and_no_edit_links(self) -> None:
        submit(self.report, by=self.senco)

        response = self._get("sen_governor")

        body = response.content.decode()
        self.assertIn(EHC_ROW.format("fewer than 5"), body)
        self.assertNotIn(EHC_ROW.format("3"), body)
        self.assertNotIn("Edit the SEN budget", body)
        self.assertIn("Ask the SENCO", body)
        self.assertIn("not shown", body)
        self.assertIn("Version 1: submitted on", body)


class GovernorApplicationsTests(TestCase):
    """Each EHC application is one pupil: governor-facing views get counts by stage
    and the timeline in general terms, never a row per application."""

    def setUp(self) -> None:
        self.world = make_world()
        self.senco = self.world.user("senco")
        self.report = make_report(self.world.school, by=self.senco)
        for n in range(6):
            make_application(
                self.report, reference=f"EHC-2025-1{n}", requested_on="2025-09-15"
            )
        make_application(self.report, reference="EHC-2025-30", stage="assessing")
        make_application(self.report, reference="EHC-2025-31", stage="final_plan")
        self.report = submit(self.report, by=self.senco)

    def _body(self, persona: str) -> str:
        self.client.login(username=self.world.user(persona).username, password=PASSWORD)
        url = reverse(
            "reports:report-detail",
            kwargs={"urn": self.world.school.urn, "pk": self.report.pk},
        )
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)

        return response.content.decode()

    def test_governor_facing_roles_see_counts_by_stage_only(self) -> None:
        for persona in ("sen_governor", "governor", "clerk", "officer"):
            with self.subTest(persona=persona):
                body = self._body(persona)
                self.assertIn("Applications in progress, by stage", body)
                # One at "Assessment agreed" is suppressed; the 6 at "Request made"
                # is withheld too, or 7 - 6 would give the hidden one away.
                for row in (
                    '<th scope="row">Assessment agreed</th>'
                    '<td class="num">fewer than 5</td>',
                    '<th scope="row">Request made</th><td class="num">not shown</td>',
                    '<th scope="row">All in progress</th><td class="num">7</td>',
                    "Within 6 weeks of the request: decision whether to assess",
                ):
                    self.assertTrue(row in body, row)
                for detail in ("EHC-2025-1", "EHC-2025-30", "02/02/2026", "15/09/2025"):
                    self.assertFalse(detail in body, detail)

    def test_senco_and_head_keep_the_rows(self) -> None:
        for persona in ("senco", "headteacher"):
            with self.subTest(persona=persona):
                body = self._body(persona)
                self.assertTrue("EHC-2025-10" in body)
                self.assertTrue("02/02/2026" in body)  # 20 weeks after 15/09/2025
                self.assertFalse("Applications in progress, by stage" in body)
