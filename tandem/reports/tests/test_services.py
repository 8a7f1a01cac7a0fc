from django.test import TestCase

from tandem.audit.models import AuditEntry
from tandem.lib.concurrency import StaleEdit
from tandem.reports import services
from tandem.reports.models import (
    InvalidTransition,
    ReportLocked,
    ReportSubmission,
    SendCount,
    TermlyReport,
)
from tandem.reports.tests.builders import (
    make_application,
    make_intervention,
    make_report,
    make_result,
    submit,
)
from tandem.testing import make_world


class GetOrStartReportTests(TestCase):
    def setUp(self) -> None:
        self.world = make_world()
        self.senco = self.world.user("senco")

    def test_first_report_starts_empty(self) -> None:
        report = services.get_or_start_report(
            self.world.school, "2025/26", "autumn", by=self.senco
        )

        self.assertEqual(report.status, "draft")
        self.assertEqual(report.period, 2025 * 3)
        self.assertIsNone(report.copied_from)
        entry = AuditEntry.objects.get(action="reports.report.started")
        self.assertEqual(entry.actor, self.senco)
        self.assertEqual(entry.data, {"copied_from": None})

    def test_existing_report_is_returned_not_duplicated(self) -> None:
        first = make_report(self.world.school, by=self.senco)
        again = services.get_or_start_report(
            self.world.school, "2025-26", "Autumn", by=self.senco
        )

        self.assertEqual(again.pk, first.pk)
        self.assertEqual(TermlyReport.objects.count(), 1)

    def test_new_term_copies_the_latest_earlier_report(self) -> None:
        autumn = make_report(
            self.world.school,
            by=self.senco,
            senco_name="R Talbot",
            element_2=4500000,
            ongoing_issues="Waiting lists for speech therapy.",
        )
        services.apply_sen_import(autumn, make_result(), by=self.senco)
        make_intervention(autumn)
        make_application(autumn)
        make_application(autumn, reference="EHC-2024-09", stage="final_plan")
        submit(autumn, by=self.senco)

        spring = services.get_or_start_report(
            self.world.school, "2025/26", "spring", by=self.senco
        )

        self.assertEqual(spring.copied_from, autumn)
        self.assertEqual(spring.status, "draft")
        self.assertEqual(spring.senco_name, "R Talbot")
        self.assertEqual(spring.element_2, 4500000)
        self.assertEqual(spring.ongoing_issues, "Waiting lists for speech therapy.")
        self.assertEqual(spring.pupils_on_roll, 412)
        self.assertEqual(spring.counts.count(), autumn.counts.count())
        self.assertEqual(spring.interventions.get().name, "Talk Boost")
        # Only open applications carry forward.
        self.assertEqual(
            list(spring.applications.values_list("reference", flat=True)),
            ["EHC-2025-01"],
        )
        self.assertEqual(spring.questions.count(), 0)

    def test_an_earlier_term_copies_from_before_it_not_after(self) -> None:
        make_report(self.world.school, by=self.senco, term="summer", senco_name="Later")
        make_report(
            self.world.school, by=self.senco, year="2024/25", senco_name="Earlier"
        )

        spring = services.get_or_start_report(
            self.world.school, "2025/26", "spring", by=self.senco
        )

        self.assertEqual(spring.senco_name, "Earlier")

    def test_other_schools_reports_are_never_copied(self) -> None:
        make_report(self.world.other_school, by=self.senco, senco_name="Elsewhere")

        report = make_report(self.world.school, by=self.senco, term="spring")

        self.assertEqual(report.senco_name, "")
        self.assertIsNone(report.copied_from)


class ApplySenImportTests(TestCase):
    def setUp(self) -> None:
        self.world = make_world()
        self.senco = self.world.user("senco")
        self.report = make_report(self.world.school, by=self.senco)

    def test_counts_are_replaced(self) -> None:
        services.apply_sen_import(self.report, make_result(), by=self.senco)
        services.apply_sen_import(
            self.report,
            make_result(
                pupils=400,
                sen_support=50,
                ehc_plan=8,
                by_year={},
                by_need={},
                by_year_need={},
            ),
            by=self.senco,
        )

        self.report.refresh_from_db()
        cells = {
            (c.year_group, c.need, c.provision): c.count
            for c in self.report.counts.all()
        }
        self.assertEqual(cells, {("", "", "K"): 50, ("", "", "E"): 8})
        self.assertEqual(self.report.pupils_on_roll, 400)
        self.assertIsNotNone(self.report.numbers_imported_at)
        entry = (
            AuditEntry.objects.filter(action="reports.numbers.imported")
            .order_by("pk")
            .last()
        )
        self.assertEqual(entry.data, {"pupils": 400, "rows": 412})

    def test_all_breakdowns_are_stored(self) -> None:
        services.apply_sen_import(self.report, make_result(), by=self.senco)

        numbers = services.numbers_of(self.report)

        self.assertEqual(numbers.sen_support, 57)
        self.assertEqual(numbers.ehc_plans, 9)
        self.assertEqual(numbers.by_year["Y3"], {"K": 30, "E": 4})
        self.assertEqual(numbers.by_need["ASD"], {"K": 9, "E": 5})
        self.assertEqual(
            SendCount.objects.get(
                report=self.report, year_group="Y1", need="SLCN", provision="E"
            ).count,
            2,
        )
        self.assertEqual(
            SendCount.objects.get(
                report=self.report, year_group="R", need="", provision="N"
            ).count,
            55,
        )

    def test_unknown_roll_keeps_the_existing_one(self) -> None:
        TermlyReport.objects.filter(pk=self.report.pk).update(pupils_on_roll=399)

        services.apply_sen_import(self.report, make_result(pupils=None), by=self.senco)

        self.report.refresh_from_db()
        self.assertEqual(self.report.pupils_on_roll, 399)

    def test_submitted_report_refuses_and_keeps_its_numbers(self) -> None:
        services.apply_sen_import(self.report, make_result(), by=self.senco)
        submit(self.report, by=self.senco)

        with self.assertRaises(ReportLocked):
            services.apply_sen_import(
                self.report, make_result(sen_support=1), by=self.senco
            )

        self.assertEqual(services.numbers_of(self.report).sen_support, 57)


class SubmitReportTests(TestCase):
    def setUp(self) -> None:
        self.world = make_world()
        self.senco = self.world.user("senco")
        self.report = make_report(self.world.school, by=self.senco, element_2=4500000)

    def test_submission_locks_and_keeps_a_frozen_copy(self) -> None:
        services.apply_sen_import(self.report, make_result(), by=self.senco)
        make_intervention(self.report)

        report = submit(self.report, by=self.senco)

        self.assertEqual(report.status, "submitted")
        self.assertEqual(report.submissions, 1)
        saved = ReportSubmission.objects.get(report=report)
        self.assertEqual(saved.number, 1)
        self.assertEqual(saved.snapshot["element_2"], 4500000)
        self.assertIn(["", "", "K", 57], saved.snapshot["counts"])
        self.assertEqual(saved.snapshot["interventions"][0]["hourly_rate"], 1450)
        self.assertEqual(len(saved.sha256), 64)
        self.assertEqual(
            AuditEntry.objects.filter(action="reports.report.submitted").get().data,
            {"number": 1},
        )
        with self.assertRaises(ReportLocked):
            services.update_report(
                report,
                {"training": "x"},
                by=self.senco,
                expected_version=report.version,
            )

    def test_stale_submit_is_refused(self) -> None:
        with self.assertRaises(StaleEdit):
            services.submit_report(
                self.report, by=self.senco, expected_version=self.report.version + 5
            )

        self.report.refresh_from_db()
        self.assertEqual(self.report.status, "draft")
        self.assertFalse(ReportSubmission.objects.exists())

    def test_submitting_twice_is_an_invalid_transition(self) -> None:
        submit(self.report, by=self.senco)

        with self.assertRaises(InvalidTransition):
            submit(self.report, by=self.senco)

    def test_reopen_and_resubmit_keeps_both_versions(self) -> None:
        report = submit(self.report, by=self.senco)
        report = services.reopen_report(
            report, by=self.senco, expected_version=report.version
        )
        services.update_report(
            report,
            {"training": "ELSA refresher"},
            by=self.senco,
            expected_version=report.version,
        )
        report = submit(report, by=self.senco)

        self.assertEqual(
            list(report.submitted_versions.values_list("number", flat=True)), [1, 2]
        )
        self.assertEqual(
            report.submitted_versions.get(number=1).snapshot["training"], ""
        )
        self.assertEqual(
            report.submitted_versions.get(number=2).snapshot["training"],
            "ELSA refresher",
        )


class UpdateReportTests(TestCase):
    def setUp(self) -> None:
        self.world = make_world()
        self.senco = self.world.user("senco")
        self.report = make_report(self.world.school, by=self.senco)

    def test_update_records_changed_field_names_only(self) -> None:
        services.update_report(
            self.report,
            {"element_2": 4535050, "element_3": 0},
            by=self.senco,
            expected_version=self.report.version,
        )

        self.report.refresh_from_db()
        self.assertEqual(self.report.element_2, 4535050)
        self.assertEqual(self.report.version, 2)
        entry = AuditEntry.objects.get(action="reports.report.updated")
        self.assertEqual(entry.data, {"changed": ["element_2"]})

    def test_lost_update_is_refused(self) -> None:
        stale = TermlyReport.objects.get(pk=self.report.pk)
        services.update_report(
            self.report, {"training": "First"}, by=self.senco, expected_version=1
        )

        with self.assertRaises(StaleEdit):
            services.update_report(
                stale, {"training": "Second"}, by=self.senco, expected_version=1
            )

        self.report.refresh_from_db()
        self.assertEqual(self.report.training, "First")

    def test_unknown_field_is_refused(self) -> None:
        with self.assertRaises(ValueError):
            services.update_report(
                self.report, {"status": "submitted"}, by=self.senco, expected_version=1
            )
