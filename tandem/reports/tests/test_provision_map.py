"""The costed provision map shows every input of each yearly cost, in the page, the
PDF and the .docx alike, so a governor can check a row with a calculator."""

import re
from decimal import ROUND_HALF_UP, Decimal

from bs4 import BeautifulSoup
from django.test import TestCase
from django.urls import reverse

from tandem.lib.docx import docx_text
from tandem.lib.pdf import pdf_text
from tandem.reports.costing import Costing
from tandem.reports.models import TermlyReport
from tandem.reports.presenting import session_cell, session_cost
from tandem.schools import demo

COLUMNS = 9  # name, area, delivered by, then the six cells of the sum

# The demo's latest report, as a governor sees it: inputs, then the year and a pupil.
EXPECTED = {
    "Talk Boost": [
        "£14.50 an hour × 0.5 hours × 1 adult = £7.25",
        "3 a week × 38 weeks = 114",
        "£60.00",
        "£886.50",
        "4",
        "£221.63",
    ],
    "Nurture group": [
        "£14.50 an hour × 1 hour × 2 adults = £29.00",
        "4 a week × 38 weeks = 152",
        "£250.00",
        "£4,658.00",
        "8",
        "£582.25",
    ],
    "Educational psychologist consultation": [
        "£450.00 fee",
        "1 a week × 6 weeks = 6",
        "£0.00",
        "£2,700.00",
        "1",
        "£2,700.00",
    ],
}

_POUNDS = re.compile(r"£([\d,]+\.\d\d)")
_UNROUNDED = re.compile(r"\(([\d,]+\.\d\d)p before rounding\)")


def pounds(text: str) -> Decimal:
    """The last amount in a cell, in pounds; the unrounded one when it is shown."""

    unrounded = _UNROUNDED.search(text)
    if unrounded:
        return Decimal(unrounded.group(1).replace(",", "")) / 100

    return Decimal(_POUNDS.findall(text)[-1].replace(",", ""))


def to_penny(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def assert_adds_up(cells: list[str]) -> None:
    """Cost a session × sessions a year + resources = a year; a year ÷ pupils = a
    pupil; and the session's working multiplies out to the session's cost."""

    session, sessions, resources, year, group, pupil = cells
    count = int(sessions.rsplit("= ", 1)[1].replace(",", ""))
    per_week, weeks = re.match(r"(\d+) a week × (\d+) weeks?", sessions).groups()
    assert int(per_week) * int(weeks) == count
    assert to_penny(pounds(session) * count + pounds(resources)) == pounds(year)
    assert to_penny(pounds(year) / int(group)) == pounds(pupil)
    staff = re.match(r"£([\d,.]+) an hour × ([\d.]+) (hours?|minutes) × (\d+)", session)
    if staff:
        rate, length, unit, adults = staff.groups()
        hours = Decimal(length) / (60 if unit == "minutes" else 1)
        fee = re.search(r"\+ £([\d,.]+) fee", session)
        extra = Decimal(fee.group(1).replace(",", "")) if fee else Decimal(0)
        working = Decimal(rate.replace(",", "")) * hours * int(adults) + extra
        assert to_penny(working) == to_penny(pounds(session))


class ProvisionMapTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        seeded = demo.seed_demo()
        cls.school = seeded.school
        cls.report = (
            TermlyReport.objects.filter(school=cls.school, status="submitted")
            .order_by("period")
            .last()
        )

    def setUp(self) -> None:
        self.client.login(username="demo-governor", password=demo.DEMO_PASSWORD)

    def _get(self, name: str) -> bytes:
        url = reverse(name, kwargs={"urn": self.school.urn, "pk": self.report.pk})
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)

        return response.content

    def _page_rows(self) -> dict[str, list[str]]:
        page = BeautifulSoup(self._get("reports:report-detail"), "html.parser")
        rows = {}
        for row in page.select(".provision-table tbody tr"):
            cells = [
                cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])
            ]
            rows[cells[0]] = cells[3:COLUMNS]

        return rows

    def test_page_shows_every_input_of_the_demo_rows(self) -> None:
        rows = self._page_rows()

        for name, cells in EXPECTED.items():
            self.assertEqual(rows[name], cells, name)
        self.assertEqual(len(rows), 7)
        for cells in rows.values():
            assert_adds_up(cells)

    def test_page_explains_the_sum(self) -> None:
        page = BeautifulSoup(self._get("reports:report-detail"), "html.parser")

        note = page.select_one("#provision-sum").get_text()
        self.assertIn("a session's cost × the sessions in a year + one-off", note)
        for table in page.select(".provision-table"):
            self.assertEqual(table["aria-describedby"], "provision-sum")

    def test_pdf_shows_the_same_cells(self) -> None:
        text = " ".join(" ".join(pdf_text(self._get("reports:report-pdf"))).split())

        self.assertIn("a session's cost × the sessions in a year + one-off", text)
        for name, cells in self._page_rows().items():
            self.assertIn(" ".join(cells), text, name)
        for cells in EXPECTED.values():
            self.assertIn(" ".join(cells), text)

    def test_docx_shows_the_same_cells(self) -> None:
        text = docx_text(self._get("reports:report-docx"))
        lines = text.split("\n")

        self.assertIn("a session's cost × the sessions in a year + one-off", text)
        page_rows = self._page_rows()
        for name, cells in page_rows.items():
            start = lines.index(name)
            self.assertEqual(lines[start + 3 : start + COLUMNS], cells, name)
            assert_adds_up(lines[start + 3 : start + COLUMNS])
        for name, cells in EXPECTED.items():
            self.assertEqual(page_rows[name], cells)


def test_worked_examples_show_their_inputs() -> None:
    # domain.md section 8: the per-pupil £206.63 and the once-rounded £338.71.
    group = Costing(
        hourly_rate=1450, session_minutes=30, sessions_per_week=3, group_size=4
    )
    one = Costing(hourly_rate=1337, session_minutes=20, sessions_per_week=2)

    assert session_cell(group) == "£14.50 an hour × 0.5 hours × 1 adult = £7.25"
    assert session_cell(one) == (
        "£13.37 an hour × 20 minutes × 1 adult = £4.46 (445.67p before rounding)"
    )
    assert_adds_up(
        [
            session_cell(group),
            "3 a week × 38 weeks = 114",
            "£0.00",
            "£826.50",
            "4",
            "£206.63",
        ]
    )
    assert_adds_up(
        [
            session_cell(one),
            "2 a week × 38 weeks = 76",
            "£0.00",
            "£338.71",
            "1",
            "£338.71",
        ]
    )
    # Rounding the session first would not add up: £4.46 × 76 = £338.96.
    assert session_cost(one) != "£4.46"


def test_staff_and_fee_in_one_session() -> None:
    both = Costing(1450, 60, 1, weeks=10, adults=2, external_per_session=4000)

    assert (
        session_cell(both) == "£14.50 an hour × 1 hour × 2 adults + £40.00 fee = £69.00"
    )
    assert session_cell(Costing(0, 30, 3)) == "£0.00"
