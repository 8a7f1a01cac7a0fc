"""Browser tests: Playwright drives Debian's Chromium against a live Tandem with the demo school.

Fixtures: `demo` (the seeded DemoSchool), `page` (a fresh Chromium page),
`sen_information_report` (a PDF file worded like the demo's), and helpers
`sign_in(page, live_server, username)`, `sign_out(page)`, `open_from_nav(page, label)` and
`check_axe(page)`. Screenshots for the README go to `docs/screenshots/` when
TANDEM_SCREENSHOTS=1.
"""

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.template.loader import render_to_string
from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright
from weasyprint import HTML

from tandem.lib.calendar import academic_year
from tandem.schools import demo as demo_data

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Every rule axe-core runs by default carries one of these tags; naming them also turns on
# target-size (WCAG 2.2 AA), which axe-core leaves off unless asked. Experimental and AAA
# rules stay off. `resultTypes` only trims the detail kept for passing rules.
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {
        "type": "tag",
        "values": [
            "wcag2a",
            "wcag2aa",
            "wcag21a",
            "wcag21aa",
            "wcag22aa",
            "best-practice",
        ],
    },
}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
_axe = Axe()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Browser tests need Debian's Chromium at {CHROMIUM}: "
            "apt-get install chromium (./dev test does this as root)."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        locale="en-GB",
        timezone_id="Europe/London",
        viewport={"width": 1280, "height": 900},
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def demo(transactional_db) -> demo_data.DemoSchool:  # noqa: ANN001
    seeded = demo_data.seed_demo()
    assert seeded is not None

    return seeded


@pytest.fixture
def sen_information_report(demo, tmp_path: Path) -> Path:  # noqa: ANN001
    """This year's SEN Information Report as a PDF file: the demo's, updated so that its
    next review is in six months (the same bytes would be refused as no change)."""

    context = {
        "school": demo.school,
        "senco_name": "Rhiannon Talbot",
        "governor_name": "Marcus Adeyemi",
        "year": academic_year(demo.today).label,
        "published": demo.today,
        "next_review": demo.today + dt.timedelta(days=182),
    }
    html = render_to_string("compliance/demo/sen_information_report.html", context)
    path = tmp_path / "sen-information-report.pdf"
    path.write_bytes(HTML(string=html).write_pdf())

    return path


def sign_in(page: Page, live_server, username: str) -> None:  # noqa: ANN001
    """Sign in as a demo login and check the page it lands on (the school's dashboard)."""

    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(demo_data.DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    check_axe(page)


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_label("Username")).to_be_visible()


def open_from_nav(page: Page, label: str) -> None:
    """Follow a link in the school's navigation bar and wait for its page."""

    link = page.get_by_role("navigation", name="School").get_by_role("link", name=label)
    link.click()
    expect(link).to_have_attribute("aria-current", "page")


def check_axe(page: Page) -> None:
    """Fail with axe-core's report if the page has any accessibility violation.

    Call it after every navigation and every form that renders a page, error pages too.
    """

    page.wait_for_load_state()
    results = _axe.run(page, options=AXE_OPTIONS)

    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def screenshot(
    page: Page, name: str, *, at: Locator | None = None, until: Locator | None = None
) -> None:
    """Save a README screenshot when TANDEM_SCREENSHOTS=1 (the tests take them): the
    window at the top of the page, or scrolled so that `at` starts near its top; cut
    short below `until` when given (Debian's Chromium shows empty date inputs the US
    way, mm/dd/yyyy, so a picture stops above them)."""

    if os.environ.get("TANDEM_SCREENSHOTS") != "1":
        return
    if at is None:
        page.evaluate("window.scrollTo(0, 0)")
    else:
        at.evaluate("element => element.scrollIntoView({block: 'start'})")
        page.evaluate("window.scrollBy(0, -24)")  # a little room above it
    clip = None
    if until is not None:
        box = until.bounding_box()
        clip = {"x": 0, "y": 0, "width": 1280, "height": box["y"] + box["height"] + 24}
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), clip=clip)
