from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from tandem.audit.models import AuditEntry
from tandem.lib.calendar import london_today
from tandem.reports import services
from tandem.reports.models import (
    ColumnMapping,
    EhcApplication,
    GovernorQuestion,
    Intervention,
    SendCount,
    TermlyReport,
)
from tandem.reports.send_numbers import SendNumbers
from tandem.reports.tests.builders import make_report, submit
from tandem.testing import PASSWORD, make_world

CSV = (
    "\ufeffSurname;Forename;NC Year;SEN Status;Primary Need\r\n"
    "Ashworth;Sam;Year 3;SEN Support;SLCN\r\n"
    "Brennan;Alex;Year 3;EHC Plan;ASD\r\n"
    "Chowdhury;Jo;Year 4;SEN Support;SEMH\r\n"
    "Davies;Lee;Year 4;;\r\n"
    ";;;;\r\n"
)
HEADERLESS = "Zebedee,Quartermaine,3,K,SPLD\r\nAnastasia,Vorobyova,4,E,ASD\r\n"
PUPIL_CELLS = ("Zebedee", "Quartermaine", "Anastasia", "Vorobyova")
ODD_HEADINGS = "Pupil,Class year,Support level,Main difficulty\r\nA,Year 5,K,MLD\r\n"


class ReportViewTests(TestCase):
    def setUp(self) -> None:
        self.world = make_world()
        self.senco = self.world.user("senco")
        self.report = make_report(self.world.school, by=self.senco)
        self.client.login(username="senco", password=PASSWORD)

    def url(self, name: str, **kwargs: object) -> str:
        kwargs.setdefault("pk", self.report.pk)

        return reverse(name, kwargs={"urn": self.world.school.urn, **kwargs})


class StartReportTests(ReportViewTests):
    def test_start_rolls_forward_and_redirects(self) -> None:
        url = reverse("reports:report-start", kwargs={"urn": self.world.school.urn})

        response = self.client.post(url, {"academic_year": "2025/26", "term": "spring"})

        spring = TermlyReport.objects.get(term="spring")
        self.assertRedirects(response, self.url("reports:report-detail", pk=spring.pk))
        self.assertEqual(spring.copied_from, self.report)

    def test_bad_year_is_an_error_and_starts_nothing(self) -> None:
        url = reverse("reports:report-start", kwargs={"urn": self.world.school.urn})

        response = self.client.post(url, {"academic_year": "2025/27", "term": "spring"})

        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "<title>Error: ", status_code=400)
        self.assertContains(response, "is not an academic year", status_code=400)
        self.assertEqual(TermlyReport.objects.count(), 1)


class FinanceTests(ReportViewTests):
    def test_pounds_are_stored_as_pence(self) -> None:
        data = {
            "version": 1,
            "element_1": "10000",
            "element_2": "45350.50",
            "element_3": "12000.01",
            "additional": "0.99",
            "expenditure": "70000",
        }

        response = self.client.post(self.url("reports:report-finance"), data)

        self.assertRedirects(response, self.url("reports:report-detail"))
        self.report.refresh_from_db()
        self.assertEqual(
            [
                self.report.element_1,
                self.report.element_2,
                self.report.element_3,
                self.report.additional,
                self.report.expenditure,
            ],
            [1000000, 4535050, 1200001, 99, 7000000],
        )
        page = self.client.get(self.url("reports:report-detail")).content.decode()
        self.assertIn("£67,351.50", page)
        self.assertIn("Overspent by £2,648.50", page)

    def test_stale_version_is_refused(self) -> None:
        data = {
            "version": 7,
            "element_1": "1",
            "element_2": "2",
            "element_3": "3",
            "additional": "4",
            "expenditure": "5",
        }

        response = self.client.post(self.url("reports:report-finance"), data)

        self.assertContains(response, "Someone else saved this record")
        self.report.refresh_from_db()
        self.assertEqual(self.report.element_1, 0)

    def test_three_decimal_places_is_an_error(self) -> None:
        data = {
            "version": 1,
            "element_1": "1.005",
            "element_2": "0",
            "element_3": "0",
            "additional": "0",
            "expenditure": "0",
        }

        response = self.client.post(self.url("reports:report-finance"), data)

        self.assertContains(response, "no more than 2 decimal places")

    def test_finance_can_be_turned_off(self) -> None:
        url = reverse("reports:report-settings", kwargs={"urn": self.world.school.urn})

        self.client.post(url, {})

        page = self.client.get(self.url("reports:report-detail")).content.decode()
        self.assertNotIn("SEN budget: financial year", page)
        self.assertTrue(
            AuditEntry.objects.filter(action="reports.finance.disabled").exists()
        )


class NumbersTests(ReportViewTests):
    def test_typed_numbers_are_saved(self) -> None:
        data = {
            "version": str(self.report.version),
            "pupils_on_roll": "400",
            "sen_support": "20",
            "ehc_plans": "4",
            "year_Y3_K": "12",
            "year_Y3_E": "4",
            "need_SLCN_K": "20",
            "need_ASD_E": "4",
        }

        response = self.client.post(self.url("reports:report-numbers"), data)

        self.assertRedirects(response, self.url("reports:report-detail"))
        self.report.refresh_from_db()
        numbers = services.numbers_of(self.report)
        self.assertEqual(
            (numbers.roll, numbers.sen_support, numbers.ehc_plans), (400, 20, 4)
        )
        self.assertEqual(numbers.by_year, {"Y3": {"K": 12, "E": 4}})
        self.assertEqual(
            numbers.by_need, {"SLCN": {"K": 20, "E": 0}, "ASD": {"K": 0, "E": 4}}
        )

    def test_breakdown_larger_than_total_is_refused(self) -> None:
        data = {
            "version": str(self.report.version),
            "sen_support": "5",
            "ehc_plans": "0",
            "year_Y1_K": "4",
            "year_Y2_K": "3",
        }

        response = self.client.post(self.url("reports:report-numbers"), data)

        self.assertContains(
            response, "The year groups add up to 7, more than this total."
        )
        self.assertFalse(SendCount.objects.exists())

    def test_counts_above_the_roll_are_refused(self) -> None:
        data = {
            "version": str(self.report.version),
            "pupils_on_roll": "10",
            "sen_support": "5000",
            "ehc_plans": "9000",
        }

        response = self.client.post(self.url("reports:report-numbers"), data)

        self.assertContains(
            response,
            "Pupils on SEN support and with EHC plans add up to 14,000, more than "
            "the 10 pupils on roll.",
        )
        self.assertNotContains(response, "50000.0%")
        self.assertFalse(SendCount.objects.exists())

    def test_an_absurd_roll_is_refused(self) -> None:
        data = {
            "version": str(self.report.version),
            "pupils_on_roll": "99999999999",
            "sen_support": "5",
            "ehc_plans": "1",
        }

        response = self.client.post(self.url("reports:report-numbers"), data)

        self.assertContains(
            response,
            "The number of pupils on roll cannot be more than 10,000; please check "
            "the number.",
        )
        self.assertFalse(SendCount.objects.exists())

    def test_absurd_counts_without_a_roll_are_refused(self) -> None:
        data = {
            "version": str(self.report.version),
            "sen_support": "5000",
            "ehc_plans": "90000",
        }

        response = self.client.post(self.url("reports:report-numbers"), data)

        self.assertContains(
            response,
            "The number of pupils with EHC plans cannot be more than 10,000; please "
            "check the number.",
        )
        self.assertFalse(SendCount.objects.exists())

    def test_the_service_refuses_counts_above_the_roll(self) -> None:
        with self.assertRaises(ValueError):
            services.set_numbers(
                self.report,
                SendNumbers(10, 5000, 9000, {}, {}),
                by=self.senco,
                expected_version=self.report.version,
            )
        self.assertFalse(SendCount.objects.exists())


class InterventionAndApplicationTests(ReportViewTests):
    def test_add_intervention_in_pounds(self) -> None:
        data = {
            "wave": "3",
            "name": "1:1 speech",
            "area": "communication",
            "delivered_by": "Teaching assistant",
            "hourly_rate_pounds": "13.37",
            "adults": "1",
            "session_minutes": "20",
            "sessions_per_week": "2",
            "weeks": "38",
            "group_size": "1",
            "external_pounds": "",
            "resources_pounds": "",
        }

        self.client.post(self.url("reports:intervention-add"), data)

        intervention = Intervention.objects.get()
        self.assertEqual(intervention.hourly_rate, 1337)
        page = self.client.get(self.url("reports:report-detail")).content.decode()
        self.assertIn("£4.46", page)
        self.assertIn("£338.71", page)

    def test_a_name_is_not_a_reference(self) -> None:
        data = {
            "reference": "Sam Ashworth",
            "kind": "ehc",
            "year_group": "Y3",
            "need": "ASD",
            "stage": "requested",
            "requested_on": "2025-10-06",
        }

        response = self.client.post(self.url("reports:application-add"), data)

        self.assertContains(response, "must not be a name")
        self.assertFalse(EhcApplication.objects.exists())

    def test_delete_asks_first(self) -> None:
        application = EhcApplication.objects.create(
            report=self.report, reference="EHC-26-01", requested_on="2025-10-06"
        )
        url = self.url("reports:application-delete", item=application.pk)

        self.assertContains(self.client.get(url), "Yes, remove EHC-26-01")
        self.client.post(url, {"version": "1"})

        self.assertFalse(EhcApplication.objects.exists())


class ImportTests(ReportViewTests):
    def upload(self, text: str, name: str = "export.csv", **extra: object):  # noqa: ANN201
        data = {"file": SimpleUploadedFile(name, text.encode()), **extra}

        return self.client.post(self.url("reports:report-import"), data)

    def test_upload_preview_confirm(self) -> None:
        response = self.upload(CSV)

        self.assertRedirects(response, self.url("reports:report-import-preview"))
        self.assertFalse(SendCount.objects.exists())  # nothing saved before confirming
        preview = self.client.get(self.url("reports:report-import-preview"))
        self.assertContains(preview, "Check the imported numbers")
        self.assertNotIn("Ashworth", str(dict(self.client.session)))

        self.client.post(self.url("reports:report-import-preview"))

        self.report.refresh_from_db()
        numbers = services.numbers_of(self.report)
        self.assertEqual(
            (numbers.roll, numbers.sen_support, numbers.ehc_plans), (4, 2, 1)
        )
        self.assertEqual(numbers.by_year["Y3"], {"K": 1, "E": 1})
        self.assertNotIn("reports.pending_import", str(dict(self.client.session)))

    def test_bad_file_shows_problems_and_saves_nothing(self) -> None:
        response = self.upload("NC Year,SEN Status\r\nYear 3,Purple\r\n")

        self.assertContains(response, "The file could not be imported")
        self.assertContains(response, "row 2")
        self.assertFalse(SendCount.objects.exists())

    def test_unrecognised_headings_are_mapped_once(self) -> None:
        response = self.upload(ODD_HEADINGS)
        self.assertContains(response, "Which column is which?")
        self.assertContains(response, "Class year")

        mapping = {
            "map_year": "Class year",
            "map_provision": "Support level",
            "map_need": "Main difficulty",
            "remember": "on",
            "choose_columns": "1",
        }
        response = self.upload(ODD_HEADINGS, **mapping)

        self.assertRedirects(response, self.url("reports:report-import-preview"))
        saved = ColumnMapping.objects.get(school=self.world.school).mapping
        self.assertEqual(
            saved,
            {
                "year": "Class year",
                "provision": "Support level",
                "need": "Main difficulty",
            },
        )
        # Next time the same export needs no mapping.
        self.assertRedirects(
            self.upload(ODD_HEADINGS), self.url("reports:report-import-preview")
        )


class HeaderlessImportTests(ReportViewTests):
    """A file without headings: its first pupil is never offered, posted, saved or
    logged as headings, and is never mistaken for a heading row."""

    upload = ImportTests.upload

    def test_headerless_file_is_refused_without_echoing_a_cell(self) -> None:
        with self.assertLogs("tandem", level="DEBUG") as logs:
            response = self.upload(HEADERLESS)

        body = response.content.decode()
        self.assertTrue("export.csv" in body)
        self.assertTrue("No heading row was found: the first row looks like" in body)
        for cell in PUPIL_CELLS:
            self.assertFalse(cell in body, cell)
            self.assertFalse(cell in "\n".join(logs.output), cell)
        self.assertFalse("Which column is which?" in body)
        self.assertFalse('name="headings"' in body)
        self.assertFalse(ColumnMapping.objects.exists())

    def test_posted_pupil_cells_are_not_accepted_or_remembered(self) -> None:
        forged = {
            "choose_columns": "1",
            "headings": ["Zebedee", "Quartermaine", "3", "K", "SPLD"],
            "map_year": "3",
            "map_provision": "K",
            "map_need": "SPLD",
            "remember": "on",
        }

        response = self.upload(HEADERLESS, **forged)

        self.assertEqual(response.status_code, 200)
        self.assertFalse(ColumnMapping.objects.exists())
        self.assertFalse(SendCount.objects.exists())
        body = response.content.decode()
        for cell in PUPIL_CELLS:
            self.assertFalse(cell in body, cell)

    def test_a_posted_choice_that_is_not_a_heading_is_not_echoed(self) -> None:
        response = self.upload(
            ODD_HEADINGS,
            choose_columns="1",
            map_year="Zebedee",
            map_provision="Support level",
        )

        self.assertContains(response, "Choose one of the file&#x27;s column headings.")
        self.assertNotContains(response, "Zebedee")
        self.assertFalse(ColumnMapping.objects.exists())

    def test_a_mapping_of_data_values_is_refused(self) -> None:
        with self.assertRaises(ValueError):
            services.save_column_mapping(
                self.world.school,
                {"year": "3", "provision": "K", "need": "SPLD"},
                by=self.senco,
            )
        self.assertFalse(ColumnMapping.objects.exists())

    def test_an_old_bad_mapping_never_makes_a_pupil_row_the_header(self) -> None:
        ColumnMapping.objects.create(
            school=self.world.school,
            mapping={"year": "3", "provision": "K", "need": "SPLD"},
        )
        headings = "Forename,Surname,NC Year,SEN Status,Primary Need\r\n"

        response = self.upload(headings + HEADERLESS)

        self.assertRedirects(response, self.url("reports:report-import-preview"))
        pending = self.client.session[f"reports.pending_import.{self.report.pk}"]
        self.assertEqual(pending["rows_read"], 2)  # no pupil dropped as a header
        self.assertEqual(pending["sen_support"], 1)
        self.assertEqual(pending["ehc_plan"], 1)


class SubmitAndQuestionTests(ReportViewTests):
    def test_submit_with_confirmation_then_edits_are_refused(self) -> None:
        self.assertContains(
            self.client.get(self.url("reports:report-submit")),
            "Yes, submit to governors",
        )

        self.client.post(self.url("reports:report-submit"), {"version": 1})

        self.report.refresh_from_db()
        self.assertEqual(self.report.status, "submitted")
        response = self.client.get(self.url("reports:report-finance"))
        self.assertRedirects(response, self.url("reports:report-detail"))

    def test_governor_asks_and_senco_answers(self) -> None:
        submit(self.report, by=self.senco)
        self.client.login(username="sen_governor", password=PASSWORD)
        self.client.post(
            self.url("reports:question-ask"), {"question": "Why did SEN support rise?"}
        )
        question = GovernorQuestion.objects.get()
        self.assertEqual(question.asked_role, "sen_governor")

        self.client.login(username="senco", password=PASSWORD)
        self.client.post(
            self.url("reports:question-answer", item=question.pk),
            {"version": 1, "answer": "Two pupils joined in Year 3."},
        )

        question.refresh_from_db()
        self.assertEqual(question.answer, "Two pupils joined in Year 3.")
        self.assertEqual(question.answered_by, self.senco)
        page = self.client.get(self.url("reports:report-detail")).content.decode()
        self.assertIn("Two pupils joined in Year 3.", page)
        self.assertIn(f"SEN governor, asked on {london_today():%d/%m/%Y}", page)
