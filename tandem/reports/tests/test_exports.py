import io
import tempfile
from pathlib import Path

from django.core.management import CommandError, call_command
from django.test import TestCase
from django.urls import reverse
from docx import Document

from tandem.lib.docx import docx_text
from tandem.lib.pdf import pdf_text
from tandem.reports import services
from tandem.reports.tests.builders import (
    make_application,
    make_intervention,
    make_report,
    make_result,
    submit,
)
from tandem.testing import PASSWORD, make_world


def _flat(pages: list[str]) -> str:
    """PDF text with line breaks and runs of spaces made single spaces."""

    return " ".join(" ".join(pages).split())


def small_result():  # noqa: ANN201
    return make_result(
        pupils=210,
        sen_support=27,
        ehc_plan=3,
        by_year={"Y1": {"K": 12, "E": 2, "N": 80}, "Y2": {"K": 15, "E": 1, "N": 100}},
        by_need={"SLCN": {"K": 20, "E": 3}, "SEMH": {"K": 7, "E": 0}},
        by_year_need={},
    )


class ReportExportTests(TestCase):
    def setUp(self) -> None:
        self.world = make_world()
        self.senco = self.world.user("senco")
        self.report = make_report(
            self.world.school,
            by=self.senco,
            element_1=1000000,
            element_2=4535050,
            element_3=1200001,
            additional=99,
            expenditure=3000000,
            challenges="Phonics catch-up groups started in Year 2.",
        )
        services.apply_sen_import(self.report, small_result(), by=self.senco)
        make_intervention(self.report)
        make_intervention(
            self.report,
            wave=3,
            name="1:1 speech",
            hourly_rate=1337,
            session_minutes=20,
            sessions_per_week=2,
            group_size=1,
        )
        make_application(self.report, requested_on="2025-10-06")
        self.report = submit(self.report, by=self.senco)
        services.ask_question(
            self.report,
            "Is the nurture group working?",
            by=self.world.user("sen_governor"),
            role="sen_governor",
        )

    def _download(self, persona: str, name: str) -> bytes:
        self.client.login(username=self.world.user(persona).username, password=PASSWORD)
        url = reverse(name, kwargs={"urn": self.world.school.urn, "pk": self.report.pk})
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)

        return response.content

    def test_governor_pdf_suppresses_and_totals_match_lines(self) -> None:
        text = _flat(pdf_text(self._download("sen_governor", "reports:report-pdf")))

        self.assertIn("Termly SEND report: Autumn 2025/26", text)
        for line in ("£10,000.00", "£45,350.50", "£12,000.01", "£0.99"):
            self.assertIn(line, text)
        self.assertIn("£67,351.50", text)  # the total of the four lines above
        self.assertIn("£37,351.50 remaining", text)
        self.assertIn("fewer than 5", text)
        self.assertIn("£206.63", text)
        self.assertIn("£338.71", text)
        self.assertIn("£1,165.21", text)  # 826.50 + 338.7067 rounded once
        self.assertIn("Is the nurture group working?", text)
        self.assertIn("Applications in progress, by stage", text)
        self.assertIn("Within 20 weeks of the request: final EHC plan issued", text)
        for detail in ("EHC-2025-01", "23/02/2026", "06/10/2025"):
            self.assertNotIn(detail, text)  # one application is one pupil
        self.assertNotIn(
            "Pupils on SEN support and with EHC plans, term by term\n3", text
        )

    def test_downloads_use_the_shared_sandboxed_response(self) -> None:
        self.client.login(username=self.senco.username, password=PASSWORD)
        for name, extension in (
            ("reports:report-pdf", "pdf"),
            ("reports:report-docx", "docx"),
        ):
            url = reverse(
                name, kwargs={"urn": self.world.school.urn, "pk": self.report.pk}
            )
            response = self.client.get(url)
            self.assertEqual(response["X-Content-Type-Options"], "nosniff")
            self.assertEqual(response["Content-Security-Policy"], "sandbox")
            self.assertTrue(response["Content-Disposition"].startswith("attachment;"))
            self.assertIn(f".{extension}", response["Content-Disposition"])

    def test_senco_pdf_shows_every_number(self) -> None:
        text = _flat(pdf_text(self._download("senco", "reports:report-pdf")))

        self.assertNotIn("fewer than 5", text)
        self.assertIn("1.4%", text)  # 3 EHC plans of 210 pupils
        self.assertIn("EHC-2025-01", text)  # the SENCO keeps the rows
        self.assertIn("23/02/2026", text)  # 20 weeks (140 days) after 06/10/2025

    def test_docx_has_the_same_numbers_and_the_charts(self) -> None:
        data = self._download("sen_governor", "reports:report-docx")

        text = docx_text(data)
        self.assertIn("£67,351.50", text)
        self.assertIn("fewer than 5", text)
        self.assertIn("Is the nurture group working?", text)
        self.assertIn("Phonics catch-up groups started in Year 2.", text)
        self.assertIn("Applications in progress", text)
        for detail in ("EHC-2025-01", "23/02/2026", "06/10/2025"):
            self.assertNotIn(detail, text)
        document = Document(io.BytesIO(data))
        self.assertEqual(len(document.inline_shapes), 3)  # over time, needs, spend

    def test_command_line_export(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "report.pdf"
            out = io.StringIO()
            call_command(
                "export",
                "termly-report",
                "--school",
                self.world.school.urn,
                "--term",
                "2025-26:autumn",
                "--format",
                "pdf",
                "-o",
                str(target),
                stdout=out,
            )

            text = _flat(pdf_text(target.read_bytes()))
        self.assertIn("Wrote", out.getvalue())
        self.assertIn("£67,351.50", text)
        self.assertIn("fewer than 5", text)
        self.assertNotIn("EHC-2025-01", text)  # the governors' version by default
        self.assertNotIn("23/02/2026", text)

    def test_command_line_docx_and_errors(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "report.docx"
            call_command(
                "export",
                "termly-report",
                "--school",
                self.world.school.urn,
                "--term",
                "2025-26:autumn",
                "--format",
                "docx",
                "-o",
                str(target),
                stdout=io.StringIO(),
            )
            self.assertIn("£45,350.50", docx_text(target.read_bytes()))

        with self.assertRaisesMessage(CommandError, "has no report for Spring 2025/26"):
            call_command(
                "export",
                "termly-report",
                "--school",
                self.world.school.urn,
                "--term",
                "2025-26:spring",
                "--format",
                "pdf",
                "-o",
                "x.pdf",
            )
        with self.assertRaisesMessage(CommandError, "No school has URN 000000."):
            call_command(
                "export",
                "termly-report",
                "--school",
                "000000",
                "--term",
                "2025-26:autumn",
                "--format",
                "pdf",
                "-o",
                "x.pdf",
            )
