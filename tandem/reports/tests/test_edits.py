"""Two people editing the same thing: the later stale save is refused, nothing is lost,
and every update's audit entry names the fields that really changed."""

from django.test import TestCase
from django.urls import reverse

from tandem.audit.models import AuditEntry
from tandem.lib.concurrency import StaleEdit
from tandem.reports import services
from tandem.reports.models import EhcApplication, Intervention, TermlyReport
from tandem.reports.send_numbers import SendNumbers
from tandem.reports.tests.builders import (
    make_application,
    make_intervention,
    make_report,
    make_result,
)
from tandem.testing import PASSWORD, make_world

STALE = "Someone else saved this record while you were editing it."

INTERVENTION = {
    "wave": "2",
    "name": "Talk Boost",
    "area": "communication",
    "delivered_by": "Teaching assistant",
    "hourly_rate_pounds": "14.50",
    "adults": "1",
    "session_minutes": "30",
    "sessions_per_week": "3",
    "weeks": "38",
    "group_size": "4",
    "external_pounds": "",
    "resources_pounds": "",
}
APPLICATION = {
    "reference": "EHC-2025-01",
    "kind": "ehc",
    "year_group": "Y2",
    "need": "ASD",
    "stage": "requested",
    "requested_on": "2025-10-06",
    "stage_on": "",
}
NUMBERS = {"pupils_on_roll": "400", "sen_support": "20", "ehc_plans": "4"}


class EditTests(TestCase):
    def setUp(self) -> None:
        self.world = make_world()
        self.senco = self.world.user("senco")
        self.report = make_report(self.world.school, by=self.senco)
        self.client.login(username="senco", password=PASSWORD)

    def url(self, name: str, **kwargs: object) -> str:
        kwargs.setdefault("pk", self.report.pk)

        return reverse(name, kwargs={"urn": self.world.school.urn, **kwargs})


class TwoTabsTests(EditTests):
    def test_intervention_second_tab_is_refused_and_keeps_its_typing(self) -> None:
        item = make_intervention(self.report)
        url = self.url("reports:intervention-edit", item=item.pk)
        self.assertContains(self.client.get(url), 'name="version" value="1"')

        first = self.client.post(url, {**INTERVENTION, "version": "1", "weeks": "30"})
        second = self.client.post(
            url, {**INTERVENTION, "version": "1", "name": "Talk Boost Plus"}
        )

        self.assertEqual(first.status_code, 302)
        self.assertContains(second, STALE)
        self.assertContains(second, 'value="Talk Boost Plus"')  # the typing is kept
        item.refresh_from_db()
        self.assertEqual((item.name, item.weeks, item.version), ("Talk Boost", 30, 2))

    def test_application_second_tab_is_refused(self) -> None:
        item = make_application(self.report)
        url = self.url("reports:application-edit", item=item.pk)
        self.assertContains(self.client.get(url), 'name="version" value="1"')

        self.client.post(url, {**APPLICATION, "version": "1", "stage": "assessing"})
        second = self.client.post(url, {**APPLICATION, "version": "1", "need": "SLCN"})

        self.assertContains(second, STALE)
        item.refresh_from_db()
        self.assertEqual((item.stage, item.need, item.version), ("assessing", "ASD", 2))

    def test_numbers_second_tab_is_refused(self) -> None:
        url = self.url("reports:report-numbers")
        version = str(self.report.version)
        self.assertContains(self.client.get(url), f'name="version" value="{version}"')

        self.client.post(url, {**NUMBERS, "version": version})
        second = self.client.post(
            url, {**NUMBERS, "version": version, "sen_support": "35"}
        )

        self.assertContains(second, STALE)
        self.assertContains(second, 'value="35"')
        self.assertEqual(services.numbers_of(self.report).sen_support, 20)

    def test_numbers_form_opened_before_an_import_is_refused(self) -> None:
        stale = self.report.version
        services.apply_sen_import(self.report, make_result(), by=self.senco)

        response = self.client.post(
            self.url("reports:report-numbers"), {**NUMBERS, "version": str(stale)}
        )

        self.assertContains(response, STALE)
        self.assertEqual(services.numbers_of(self.report).sen_support, 57)

    def test_removing_a_changed_intervention_is_refused(self) -> None:
        item = make_intervention(self.report)
        url = self.url("reports:intervention-delete", item=item.pk)
        self.assertContains(self.client.get(url), 'name="version" value="1"')
        Intervention.objects.filter(pk=item.pk).update(version=2)  # another tab saved

        self.client.post(url, {"version": "1"})

        self.assertTrue(Intervention.objects.filter(pk=item.pk).exists())
        self.client.post(url, {"version": "2"})
        self.assertFalse(Intervention.objects.filter(pk=item.pk).exists())

    def test_removing_a_changed_application_is_refused(self) -> None:
        item = make_application(self.report)
        with self.assertRaises(StaleEdit):
            services.delete_application(item, by=self.senco, expected_version=3)
        self.assertTrue(EhcApplication.objects.filter(pk=item.pk).exists())


class ServiceVersionTests(EditTests):
    def test_stale_intervention_save_is_refused(self) -> None:
        item = make_intervention(self.report)
        tab_a = Intervention.objects.get(pk=item.pk)
        tab_b = Intervention.objects.get(pk=item.pk)
        tab_a.weeks = 30
        tab_b.name = "Other"
        services.save_intervention(
            self.report, tab_a, by=self.senco, expected_version=1
        )

        with self.assertRaises(StaleEdit):
            services.save_intervention(
                self.report, tab_b, by=self.senco, expected_version=1
            )

        item.refresh_from_db()
        self.assertEqual((item.name, item.weeks), ("Talk Boost", 30))

    def test_an_edit_must_name_its_version(self) -> None:
        item = make_application(self.report)
        with self.assertRaises(ValueError):
            services.save_application(self.report, item, by=self.senco)

    def test_stale_import_confirmation_is_refused(self) -> None:
        version = self.report.version
        services.set_numbers(
            self.report,
            SendNumbers(400, 20, 4, {}, {}),
            by=self.senco,
            expected_version=version,
        )

        with self.assertRaises(StaleEdit):
            services.apply_sen_import(
                self.report, make_result(), by=self.senco, expected_version=version
            )
        self.assertEqual(services.numbers_of(self.report).sen_support, 20)


class ChangedFieldsTests(EditTests):
    def _changed(self, action: str) -> list[str]:
        return AuditEntry.objects.filter(action=action).latest("pk").data["changed"]

    def test_intervention_update_through_the_form_names_changed_fields(self) -> None:
        item = make_intervention(self.report)
        url = self.url("reports:intervention-edit", item=item.pk)

        self.client.post(
            url,
            {**INTERVENTION, "version": "1", "weeks": "30", "hourly_rate_pounds": "15"},
        )

        self.assertEqual(
            self._changed("reports.intervention.updated"), ["hourly_rate", "weeks"]
        )

    def test_application_update_through_the_form_names_changed_fields(self) -> None:
        item = make_application(self.report)
        url = self.url("reports:application-edit", item=item.pk)

        self.client.post(
            url,
            {
                **APPLICATION,
                "version": "1",
                "stage": "assessing",
                "stage_on": "2025-11-03",
            },
        )

        self.assertEqual(
            self._changed("reports.application.updated"), ["stage", "stage_on"]
        )

    def test_numbers_update_names_changed_figures(self) -> None:
        url = self.url("reports:report-numbers")
        self.client.post(url, {**NUMBERS, "version": str(self.report.version)})
        self.report.refresh_from_db()

        self.client.post(
            url,
            {
                **NUMBERS,
                "version": str(self.report.version),
                "sen_support": "22",
                "year_Y3_K": "5",
            },
        )

        self.assertEqual(
            self._changed("reports.numbers.updated"), ["by_year", "sen_support"]
        )

    def test_header_update_through_the_form_names_changed_fields(self) -> None:
        url = self.url("reports:report-section", section="narrative")
        self.client.post(
            url,
            {
                "version": str(self.report.version),
                "challenges": "Phonics groups",
                "ongoing_issues": "",
                "training": "",
            },
        )

        self.assertEqual(self._changed("reports.report.updated"), ["challenges"])
        self.assertEqual(TermlyReport.objects.get().challenges, "Phonics groups")
