"""Drawn charts are kept in the cache by what they show: never redrawn for the same
input, never served for a different one, and never keyed on a hidden count."""

import contextlib
import datetime as dt
import re
import xml.etree.ElementTree as ET  # noqa: S405 - parses our own SVG
from collections.abc import Iterator
from dataclasses import asdict
from unittest import mock

from django.core.cache import cache
from django.test import SimpleTestCase, TestCase, override_settings
from django.urls import reverse
from matplotlib.figure import Figure

from tandem.reports import charts, services
from tandem.reports.presenting import Audience, build_content
from tandem.reports.suppression import show
from tandem.reports.tests.builders import make_report, make_result, submit
from tandem.testing import PASSWORD, make_world

SVG = "{http://www.w3.org/2000/svg}"
SENCO = Audience(suppress=False, threshold=5, drafts=True)
GOVERNORS = Audience(suppress=True, threshold=5, drafts=False)
TODAY = dt.date(2025, 12, 1)
# A cache of the tests' own, so that clearing it never empties a shared Redis.
OWN_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "chart-cache-tests",
    }
}


@contextlib.contextmanager
def matplotlib_spy() -> Iterator[dict[str, mock.Mock]]:
    """Counts the figures charts.py builds and the pictures matplotlib writes."""

    with (
        mock.patch.object(charts, "_figure", wraps=charts._figure) as figures,
        mock.patch.object(
            Figure, "savefig", autospec=True, side_effect=Figure.savefig
        ) as saves,
    ):
        yield {"figures": figures, "saves": saves}


def _points(ehc_plans: int, *, suppress: bool = False) -> list[charts.TermPoint]:
    return [
        charts.TermPoint("Summer 2024/25", show(48), show(7)),
        charts.TermPoint(
            "Autumn 2025/26", show(52), show(ehc_plans, suppress=suppress)
        ),
    ]


def _texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)  # noqa: S314 - our own output, not untrusted input

    return [node.text for node in root.iter(f"{SVG}text")]


@override_settings(CACHES=OWN_CACHE)
class ChartCacheTests(SimpleTestCase):
    def setUp(self) -> None:
        cache.clear()

    def test_second_render_with_the_same_input_does_not_call_matplotlib(self) -> None:
        with matplotlib_spy() as spy:
            first = charts.sen_over_time(_points(9)).svg
            again = charts.sen_over_time(_points(9)).svg  # a new request's chart

        self.assertEqual(again, first)
        self.assertEqual(spy["figures"].call_count, 1)
        self.assertEqual(spy["saves"].call_count, 1)

    def test_png_is_drawn_once_per_resolution(self) -> None:
        with matplotlib_spy() as spy:
            first = charts.sen_over_time(_points(9)).png()
            again = charts.sen_over_time(_points(9)).png()
            finer = charts.sen_over_time(_points(9)).png(dpi=300)

        self.assertEqual(again, first)
        self.assertNotEqual(finer, first)
        self.assertEqual(spy["saves"].call_count, 2)
        self.assertEqual(spy["saves"].call_args_list[1].kwargs["dpi"], 300)

    def test_a_changed_count_is_drawn_afresh(self) -> None:
        before = charts.sen_over_time(_points(9)).svg

        with matplotlib_spy() as spy:
            after = charts.sen_over_time(_points(11)).svg

        self.assertEqual(spy["saves"].call_count, 1)
        self.assertIn("9", _texts(before))
        self.assertIn("11", _texts(after))
        self.assertNotIn("9", _texts(after))

    def test_every_input_is_part_of_the_key(self) -> None:
        base = charts.sen_over_time(_points(9))
        variants = [
            charts.sen_over_time(_points(10)),
            charts.sen_over_time(_points(9), chart_id="other-id"),
            charts.sen_over_time(
                [charts.TermPoint("Spring 2025/26", show(48), show(7)), _points(9)[1]]
            ),
            charts.sen_over_time(_points(9)[:1]),
            charts.need_mix([charts.NeedBar("SLCN", show(52), show(9))]),
            charts.spend_against_budget(100, 50),
            charts.spend_against_budget(100, 51),
            charts.spend_against_budget(100, 50, [("Wave 2", 0)]),
        ]
        keys = {chart.cache_key("svg") for chart in [base, *variants]}
        keys |= {base.cache_key("png", 150), base.cache_key("png", 300)}

        self.assertEqual(len(keys), len(variants) + 3)

    def test_drawing_code_and_matplotlib_are_part_of_the_key(self) -> None:
        chart = charts.sen_over_time(_points(9))
        key = chart.cache_key("svg")

        for name, value in (
            ("DRAWING_VERSION", charts.DRAWING_VERSION + 1),
            ("_DRAWING_SOURCE", "0" * 64),
        ):
            with mock.patch.object(charts, name, value):
                self.assertNotEqual(chart.cache_key("svg"), key, name)
        with mock.patch.object(charts.matplotlib, "__version__", "0.0.0"):
            self.assertNotEqual(chart.cache_key("svg"), key)

    def test_key_holds_only_what_is_drawn_never_a_hidden_count(self) -> None:
        two = charts.sen_over_time(_points(2, suppress=True))
        three = charts.sen_over_time(_points(3, suppress=True))

        self.assertEqual(two.plot, three.plot)
        self.assertEqual(asdict(two.plot)["ehc_plans"], (7, None))
        self.assertEqual(two.cache_key("svg"), three.cache_key("svg"))
        self.assertNotEqual(
            charts.sen_over_time(_points(2)).cache_key("svg"), two.cache_key("svg")
        )

    def test_key_is_a_sha256_under_the_charts_prefix(self) -> None:
        key = charts.sen_over_time(_points(9)).cache_key("svg")

        self.assertRegex(key, r"^tandem\.reports\.chart:[0-9a-f]{64}$")


def _small_result(sen_support: int = 27, ehc_plans: int = 3):  # noqa: ANN202
    return make_result(
        pupils=210,
        sen_support=sen_support,
        ehc_plan=ehc_plans,
        by_year={},
        by_need={"SLCN": {"K": sen_support, "E": ehc_plans}},
        by_year_need={},
    )


@override_settings(CACHES=OWN_CACHE)
class ReportChartTests(TestCase):
    """The report page and its exports show the chart of the report as it is now."""

    def setUp(self) -> None:
        cache.clear()
        self.world = make_world()
        self.senco = self.world.user("senco")
        self.report = make_report(
            self.world.school, by=self.senco, element_2=4500000, expenditure=2000000
        )
        services.apply_sen_import(self.report, _small_result(), by=self.senco)

    def _url(self, name: str) -> str:
        return reverse(
            name, kwargs={"urn": self.world.school.urn, "pk": self.report.pk}
        )

    def _chart_texts(self, persona: str, chart_id: str) -> list[str]:
        user = self.world.user(persona)
        self.client.login(username=user.username, password=PASSWORD)
        body = self.client.get(self._url("reports:report-detail")).content.decode()
        found = re.search(rf'<svg\b[^>]*\bid="{chart_id}".*?</svg>', body, re.DOTALL)
        assert found is not None, chart_id

        return _texts(found.group(0))

    def test_new_counts_show_in_the_chart_after_an_import(self) -> None:
        self.assertIn("27", self._chart_texts("senco", "sen-over-time"))

        services.apply_sen_import(self.report, _small_result(38), by=self.senco)

        texts = self._chart_texts("senco", "sen-over-time")
        self.assertIn("38", texts)
        self.assertNotIn("27", texts)

    def test_new_spending_shows_in_the_chart_after_an_edit(self) -> None:
        self.assertIn("£20,000.00", self._chart_texts("senco", "spend-against-budget"))

        self.report.refresh_from_db()
        services.update_report(
            self.report,
            {"expenditure": 2345678},
            by=self.senco,
            expected_version=self.report.version,
        )

        texts = self._chart_texts("senco", "spend-against-budget")
        self.assertIn("£23,456.78", texts)
        self.assertNotIn("£20,000.00", texts)

    def test_governors_and_senco_get_their_own_charts_of_one_report(self) -> None:
        submit(self.report, by=self.senco)

        senco = self._chart_texts("senco", "need-mix")
        governor = self._chart_texts("sen_governor", "need-mix")
        senco_again = self._chart_texts("senco", "need-mix")

        self.assertIn("support 27, plans 3", senco)
        self.assertIn("support 27, plans fewer than 5", governor)
        self.assertNotIn("support 27, plans 3", governor)
        self.assertEqual(senco_again, senco)

    def test_audiences_key_their_charts_apart_when_suppression_differs(self) -> None:
        submit(self.report, by=self.senco)

        senco = build_content(self.report, SENCO, today=TODAY)
        governors = build_content(self.report, GOVERNORS, today=TODAY)

        keys = [
            (mine.chart_id, mine.cache_key("svg") == theirs.cache_key("svg"))
            for mine, theirs in zip(senco.charts, governors.charts, strict=True)
        ]
        # Money is never suppressed, so both see one picture of the spending.
        self.assertEqual(
            keys,
            [
                ("sen-over-time", False),
                ("need-mix", False),
                ("spend-against-budget", True),
            ],
        )
        self.assertEqual(governors.charts[0].plot.ehc_plans, (None,))
        self.assertEqual(senco.charts[0].plot.ehc_plans, (3,))

    def test_exports_reuse_the_pages_pictures(self) -> None:
        self._chart_texts("senco", "sen-over-time")

        with matplotlib_spy() as spy:
            pdf = self.client.get(self._url("reports:report-pdf"))
            self.assertEqual(spy["saves"].call_count, 0)  # the page's SVGs
            for _ in range(2):
                docx = self.client.get(self._url("reports:report-docx"))

        self.assertEqual((pdf.status_code, docx.status_code), (200, 200))

        self.assertEqual(spy["saves"].call_count, 3)  # one PNG of each chart, once


# Nothing listens on port 9 (discard): the cache cannot be reached.
UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {"socket_connect_timeout": 0.2},
    }
}


@override_settings(CACHES=UNREACHABLE_REDIS)
class CacheOutageTests(SimpleTestCase):
    def test_charts_are_drawn_while_the_cache_is_down(self) -> None:
        with self.assertLogs("tandem.reports.charts", "WARNING") as logs:
            svg = charts.sen_over_time(_points(9)).svg

        self.assertIn("9", _texts(svg))
        self.assertIn("Chart cache unavailable (ConnectionError)", logs.output[0])
