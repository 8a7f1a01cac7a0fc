"""The SENCO uploads this year's report, runs the check, and the governors sign it."""

from pathlib import Path

from playwright.sync_api import Page, expect
from weasyprint import HTML

from tests.browser.conftest import check_axe, screenshot, sign_in

REPORT = """
<h1>Larkspur Primary School: SEN Information Report</h1>
<p>We provide for pupils with needs in cognition and learning, communication and
interaction, social, emotional and mental health, and sensory and/or physical needs.</p>
<p>Our SENCO is Rhiannon Talbot, senco@larkspur-primary.example.org, 01632 960 123.</p>
<p>The local offer is published at https://localoffer.example.gov.uk/send.</p>
"""


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()


def open_report(page: Page, live_server, urn: str) -> None:  # noqa: ANN001
    page.goto(f"{live_server.url}/schools/{urn}/documents/")
    page.get_by_role("link", name="SEN Information Report").first.click()


def test_senco_uploads_checks_and_governors_sign(
    page: Page,
    live_server,
    demo,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    report = tmp_path / "sen-information-report.pdf"
    report.write_bytes(HTML(string=REPORT).write_pdf())
    urn = demo.school.urn

    sign_in(page, live_server, "demo-senco")
    page.goto(f"{live_server.url}/schools/{urn}/documents/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Documents")
    check_axe(page)
    open_report(page, live_server, urn)
    check_axe(page)
    page.get_by_role("link", name="Upload a new version").click()
    page.get_by_label("File", exact=True).set_input_files(str(report))
    page.get_by_label("What changed").fill("Annual update")
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("version 2")
    page.get_by_role("button", name="Run the check").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Check saved: evidence found for"
    )
    expect(page.locator("dd", has_text="senco@larkspur-primary")).to_contain_text(
        "Rhiannon Talbot"
    )
    expect(
        page.get_by_text("This version has not been put to the governors.")
    ).to_be_visible()
    check_axe(page)
    screenshot(page, "compliance-check")
    sign_out(page)

    sign_in(page, live_server, "demo-governor")
    page.goto(f"{live_server.url}/schools/{urn}/documents/")
    open_report(page, live_server, urn)
    page.get_by_role("link", name="Version 2").click()
    page.get_by_role("link", name="Ask the governors to sign off version 2").click()
    check_axe(page)
    page.get_by_role("button", name="Ask for sign-off").click()
    expect(page.get_by_role("status")).to_contain_text("can now confirm")

    for username in ("demo-governor", "demo-board", "demo-head"):
        if username != "demo-governor":
            sign_out(page)
            sign_in(page, live_server, username)
            page.get_by_role("link", name="You are asked to sign off").click()
        page.get_by_label("I have read this version").check()
        check_axe(page)
        page.get_by_role("button", name="Sign off as").click()
        expect(page.get_by_role("status")).to_contain_text("Thank you.")

    expect(page.get_by_role("status")).to_contain_text("this version is signed")
    expect(
        page.get_by_text("A completed sign-off cannot be changed or deleted.")
    ).to_be_visible()
    check_axe(page)
    screenshot(page, "compliance-signed")

    page.goto(f"{live_server.url}/schools/{urn}/documents/verify/")
    page.get_by_label("File to check").set_input_files(str(report))
    page.get_by_role("button", name="Check the file").click()
    expect(
        page.get_by_role("heading", level=2, name="This file is the signed version")
    ).to_be_visible()
    check_axe(page)
