"""The demo SEN governor's main journey: read the latest termly report (small numbers
suppressed), ask the SENCO a question about it, then sign off the SEN policy that waits
for the governors. Every step starts from a link a governor sees, and axe-core checks
every page on the way, the page showing a mistake too."""

from playwright.sync_api import Locator, Page, expect

from tandem.compliance.models import Signatory
from tandem.lib.calendar import london_today
from tandem.reports.models import TermlyReport
from tests.browser.conftest import check_axe, open_from_nav, screenshot, sign_in

QUESTION = "What is behind the rise in SEN support in Year 3?"


def test_sen_governor_reads_the_report_asks_and_signs_off(
    page: Page, live_server, demo
) -> None:  # noqa: ANN001
    sign_in(page, live_server, "demo-governor")
    expect(_heading(page)).to_have_text("Larkspur Primary School")

    read_the_latest_report(page, demo)
    ask_the_senco(page)
    sign_off_the_sen_policy(page, demo)


def read_the_latest_report(page: Page, demo) -> None:  # noqa: ANN001
    report = (
        TermlyReport.objects.filter(school=demo.school, status="submitted")
        .order_by("-period")
        .first()
    )
    numbers = page.get_by_role("region", name="Latest SEND numbers")
    numbers.get_by_role("link", name=f"{report.key.label} report").click()

    expect(_heading(page)).to_have_text(f"Termly SEND report: {report.key.label}")
    expect(page.locator(".lede")).to_contain_text("Submitted to governors on")
    expect(page.get_by_text("You are seeing every number.")).to_have_count(0)
    # Thirteen EHC plans in all, but too few in any one year group to show, and a
    # year's total is hidden too, so that the small number cannot be worked out.
    this_term = page.get_by_role("table", name="Pupils with SEN this term")
    expect(_row(this_term, "EHC plans").get_by_role("cell").first).to_have_text("13")
    by_year = page.get_by_role("table", name="By year group")
    expect(_row(by_year, "Year 3").get_by_role("cell")).to_have_text(
        ["10", "fewer than 5", "not shown"]
    )
    expect(page.locator("svg#sen-over-time")).to_be_visible()
    check_axe(page)
    screenshot(page, "governor-report", at=page.locator("#numbers"))


def ask_the_senco(page: Page) -> None:
    questions = page.locator("#questions")
    asked_before = questions.get_by_role("article").count()

    # Sent empty first: the page says what to do.
    page.get_by_label("Your question").fill(" ")
    page.get_by_role("button", name="Ask the SENCO").click()
    expect(_status(page)).to_have_text("Write your question before sending it.")
    check_axe(page)

    page.get_by_label("Your question").fill(QUESTION)
    page.get_by_role("button", name="Ask the SENCO").click()

    expect(_status(page)).to_have_text("Your question has been sent to the SENCO.")
    expect(questions.get_by_role("article")).to_have_count(asked_before + 1)
    newest = questions.get_by_role("article").last
    expect(newest).to_contain_text(QUESTION)
    expect(newest).to_contain_text(f"SEN governor, asked on {london_today():%d/%m/%Y}")
    expect(newest).to_contain_text("Not answered yet.")
    check_axe(page)


def sign_off_the_sen_policy(page: Page, demo) -> None:  # noqa: ANN001
    open_from_nav(page, "Dashboard")
    check_axe(page)
    page.get_by_role(
        "link", name="SEN policy, version 2, has not been signed off."
    ).click()
    expect(_heading(page)).to_have_text("SEN policy, version 2")
    check_axe(page)

    page.get_by_role("link", name="Ask the governors to sign off version 2").click()
    expect(page.get_by_label("Compliance statement")).to_contain_text("SEN policy")
    check_axe(page)
    page.get_by_role("button", name="Ask for sign-off").click()
    expect(_status(page)).to_have_text(
        "The governors named can now confirm the statement."
    )
    check_axe(page)

    # Sent without ticking the box first.
    page.get_by_role("button", name="Sign off as Marcus Adeyemi").click()
    expect(_status(page)).to_have_text("Tick the box to confirm the statement.")
    check_axe(page)

    page.get_by_label("I have read this version").check()
    page.get_by_role("button", name="Sign off as Marcus Adeyemi").click()

    expect(_status(page)).to_have_text(
        "Thank you. Your confirmation has been recorded."
    )
    today = f"{london_today():%d/%m/%Y}"
    governors = page.get_by_role("table", name="Governors named")
    expect(_row(governors, "Marcus Adeyemi")).to_contain_text(f"Yes {today}")
    expect(_row(governors, "Tom Ashdown")).to_contain_text("Not yet")
    expect(page.get_by_role("button", name="Sign off as Marcus Adeyemi")).to_have_count(
        0
    )
    check_axe(page)
    mine = Signatory.objects.get(
        user=demo.users["sen_governor"],
        sign_off__document_version__document__title="SEN policy",
    )
    assert mine.confirmed_on == london_today()

    open_from_nav(page, "Dashboard")
    expect(
        page.get_by_role("link", name="SEN policy, version 2, is awaiting sign-off")
    ).to_contain_text("1 of 3 governors have confirmed.")
    check_axe(page)


def _heading(page: Page) -> Locator:
    return page.get_by_role("heading", level=1)


def _status(page: Page) -> Locator:
    """The notice a page shows after a form was sent."""

    return page.locator(".notices").get_by_role("status")


def _row(within: Locator, header: str) -> Locator:
    """The first table row whose row header is exactly `header`."""

    return (
        within.locator("tr")
        .filter(has=within.page.get_by_role("rowheader", name=header, exact=True))
        .first
    )
