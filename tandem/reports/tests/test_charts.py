import xml.etree.ElementTree as ET  # noqa: S405 - parses our own SVG
from unittest import mock

from tandem.reports import charts
from tandem.reports.suppression import show

SVG = "{http://www.w3.org/2000/svg}"


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output, not untrusted input


def test_sen_over_time_is_accessible_svg() -> None:
    points = [
        charts.TermPoint("Summer 2024/25", show(48), show(7)),
        charts.TermPoint("Autumn 2025/26", show(52), show(3)),
        charts.TermPoint("Spring 2025/26", None, None),
    ]

    root = _parse(charts.sen_over_time(points).svg)

    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "sen-over-time-title sen-over-time-desc"
    assert root.find(f"{SVG}title").text == (
        "Pupils on SEN support and with EHC plans, term by term"
    )
    assert root.find(f"{SVG}desc").text == (
        "Summer 2024/25: SEN support 48, EHC plans 7; "
        "Autumn 2025/26: SEN support 52, EHC plans fewer than 5; "
        "Spring 2025/26: SEN support no report, EHC plans no report"
    )
    texts = [node.text for node in root.iter(f"{SVG}text")]
    assert "52" in texts and "48" in texts
    assert "3" not in texts  # a suppressed count is neither labelled nor plotted


def test_need_mix_labels_each_bar() -> None:
    bars = [
        charts.NeedBar("SLCN", show(12), show(2)),
        charts.NeedBar("ASD", show(8), show(5)),
    ]

    root = _parse(charts.need_mix(bars, chart_id="needs").svg)

    assert root.get("id") == "needs"
    assert root.find(f"{SVG}desc").text == (
        "SLCN: SEN support 12, EHC plans fewer than 5; ASD: SEN support 8, EHC plans 5"
    )
    texts = [node.text for node in root.iter(f"{SVG}text")]
    assert "support 12, plans fewer than 5" in texts


def test_spend_against_budget_labels_in_pounds() -> None:
    chart = charts.spend_against_budget(4535050, 2300099, [("Wave 2", 1234567)])
    svg = chart.svg
    root = _parse(svg)

    texts = [node.text for node in root.iter(f"{SVG}text")]
    assert {"£45,350.50", "£23,000.99", "£12,345.67"} <= set(texts)
    assert "£50,000" in texts
    assert root.find(f"{SVG}desc").text == (
        "SEN budget: £45,350.50; Spent to date: £23,000.99; Wave 2: £12,345.67"
    )


def test_svg_is_deterministic(settings) -> None:  # noqa: ANN001
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    }
    points = [charts.TermPoint("Autumn 2025/26", show(52), show(9))]

    with mock.patch.object(charts, "_svg", wraps=charts._svg) as draw:
        first = charts.sen_over_time(points).svg
        again = charts.sen_over_time(points).svg

    assert draw.call_count == 2  # drawn twice, not read back from a cache
    assert again == first


def test_png_for_word() -> None:
    points = [charts.TermPoint("Autumn 2025/26", show(52), show(9))]

    png = charts.sen_over_time(points).png()

    assert png.startswith(b"\x89PNG\r\n\x1a\n")


def test_pound_ticks() -> None:
    assert charts.pound_ticks(0) == [0, 100]
    assert charts.pound_ticks(450) == [0, 100, 200, 300, 400, 500]
    assert charts.pound_ticks(4535050) == [
        0,
        1000000,
        2000000,
        3000000,
        4000000,
        5000000,
    ]
