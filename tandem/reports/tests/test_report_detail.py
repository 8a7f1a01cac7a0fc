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
