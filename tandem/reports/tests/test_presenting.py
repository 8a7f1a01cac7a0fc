import datetime as dt

from django.test import TestCase

from tandem.reports import services
from tandem.reports.presenting import Audience, build_content
from tandem.reports.tests.builders import make_report, make_result, submit
from tandem.testing import make_world

SENCO = Audience(suppress=False, threshold=5, drafts=True)
GOVERNORS = Audience(suppress=True, threshold=5, drafts=False)
TODAY = dt.date(2026, 3, 20)


def _numbers(k: int, e: int, roll: int = 300):  # noqa: ANN202
    return make_result(
        pupils=roll, sen_support=k, ehc_plan=e, by_year={}, by_need={}, by_year_need={}
    )


class ComparisonTableTests(TestCase):
    def setUp(self) -> None:
        self.world = make_world()
        self.senco = self.world.user("senco")
        school = self.world.school
        self.last_year = make_report(
            school, by=self.senco, year="2024/25", term="spring", element_2=5000000
        )
        services.apply_sen_import(self.last_year, _numbers(40, 6), by=self.senco)
        self.autumn = make_report(school, by=self.senco, year="2025/26", term="autumn")
        services.apply_sen_import(self.autumn, _numbers(44, 0), by=self.senco)
        self.spring = make_report(school, by=self.senco, year="2025/26", term="spring")
        services.apply_sen_import(self.spring, _numbers(44, 7), by=self.senco)

    def rows(self, audience: Audience, table: int) -> dict[str, tuple[str, str, str]]:
        content = build_content(self.spring, audience, today=TODAY)
        found = content.comparisons[table]

        return {r.label: (r.current, r.earlier, r.change) for r in found.rows}

    def test_term_on_term_new_and_no_change(self) -> None:
        rows = self.rows(SENCO, 0)

        self.assertEqual(rows["SEN support"], ("44", "44", "no change"))
        self.assertEqual(rows["EHC plans"], ("7", "0", "new"))
        self.assertEqual(rows["All SEN"], ("51", "44", "+7 (+15.9%)"))

    def test_year_on_year_money_and_counts(self) -> None:
        rows = self.rows(SENCO, 1)

        self.assertEqual(rows["EHC plans"], ("7", "6", "+1 (+16.7%)"))
        self.assertEqual(rows["SEN budget"], ("£50,000.00", "£50,000.00", "no change"))

    def test_missing_term_says_so(self) -> None:
        self.last_year.delete()

        content = build_content(self.spring, SENCO, today=TODAY)

        self.assertEqual(
            content.comparisons[1].earlier_label, "no report for that term"
        )
        rows = {r.label: r.change for r in content.comparisons[1].rows}
        self.assertEqual(rows["SEN support"], "no report for that term")

    def test_governors_compare_only_submitted_reports_and_hide_small_changes(
        self,
    ) -> None:
        submit(self.spring, by=self.senco)

        rows = self.rows(GOVERNORS, 0)
        self.assertEqual(rows["SEN support"], ("44", "n/a", "no report for that term"))

        services.apply_sen_import(self.autumn, _numbers(44, 3), by=self.senco)
        submit(self.autumn, by=self.senco)
        rows = self.rows(GOVERNORS, 0)
        self.assertEqual(rows["SEN support"], ("44", "44", "no change"))
        # Autumn's 3 is hidden, so the change (+4) would give it away.
        hidden = "not shown (small numbers)"
        self.assertEqual(rows["EHC plans"], ("7", "fewer than 5", hidden))
        self.assertEqual(rows["All SEN"], ("51", "not shown", hidden))

    def test_charts_follow_the_audience(self) -> None:
        senco = build_content(self.spring, SENCO, today=TODAY).charts[0]
        self.assertIn("Spring 2024/25: SEN support 40, EHC plans 6", senco.desc)

        submit(self.spring, by=self.senco)
        governors = build_content(self.spring, GOVERNORS, today=TODAY).charts[0]
        self.assertEqual(governors.desc, "Spring 2025/26: SEN support 44, EHC plans 7")


class FinancialYearChangeTests(TestCase):
    def test_spending_to_date_is_not_compared_across_financial_years(self) -> None:
        world = make_world()
        senco = world.user("senco")
        make_report(
            world.school,
            by=senco,
            year="2025/26",
            term="spring",
            element_2=5000000,
            expenditure=4000000,
        )
        summer = make_report(
            world.school,
            by=senco,
            year="2025/26",
            term="summer",
            element_2=5000000,
            expenditure=500000,
        )

        content = build_content(summer, SENCO, today=dt.date(2026, 7, 1))
        rows = {r.label: r.change for r in content.comparisons[0].rows}

        expected = (
            "not comparable: that term was in financial year 2025-26 (April to March)"
        )
        self.assertEqual(rows["Spent to date"], expected)
        self.assertEqual(rows["Remaining"], expected)
        self.assertEqual(rows["SEN budget"], "no change")
