"""The termly report's editing pages, each opened from its link on the report, pass
axe-core. Writing and submitting the report is part of the SENCO's journey
(test_senco_journey.py); reading it and asking a question is part of the SEN governor's
(test_governor_journey.py)."""

import re

from playwright.sync_api import Page, expect

from tandem.reports.dashboard import current_term
from tests.browser.conftest import check_axe, open_from_nav, sign_in

EDIT_PAGES = [
    ("Edit the report details", "Report details"),
    ("Edit the SEN budget", "SEN budget"),
    ("type them in", "SEND numbers"),
    ("Add an application", "Add an application"),
    ("Add an intervention", "Add an intervention"),
    ("Edit the narrative", "Narrative"),
]


def test_senco_edit_pages_pass_axe(page: Page, live_server, demo) -> None:  # noqa: ANN001
    term = current_term(demo.today)
    heading = page.get_by_role("heading", level=1)
    sign_in(page, live_server, "demo-senco")
    open_from_nav(page, "Reports")
    page.get_by_role("button", name="Start the report").click()
    expect(heading).to_have_text(f"Termly SEND report: {term.label}")

    for link, title in EDIT_PAGES:
        page.get_by_role("link", name=link, exact=True).click()
        expect(heading).to_have_text(title)
        check_axe(page)
        page.go_back()
        expect(heading).to_have_text(f"Termly SEND report: {term.label}")

    page.get_by_role("link", name="Add an application", exact=True).click()
    page.get_by_label("Reference").fill("Sam Ashworth")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_title(re.compile(r"^Error:"))  # waits for the page to load
    expect(page.get_by_role("alert")).to_contain_text("must not be a name")
    check_axe(page)
