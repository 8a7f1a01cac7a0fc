"""The governing body signs this year's SEN Information Report: the SEN governor asks
for sign-off, each governor named signs from their dashboard, and the signed file then
verifies. The SENCO's upload and check of that version happen in the browser in
test_senco_journey.py; here they are the starting point, made through the services."""

import re
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from tandem.compliance import services
from tandem.compliance.models import Document
from tandem.lib.calendar import london_today
from tests.browser.conftest import (
    check_axe,
    open_from_nav,
    screenshot,
    sign_in,
    sign_out,
)


def test_governors_sign_the_sen_information_report_and_it_verifies(
    page: Page,
    live_server,
    demo,
    sen_information_report: Path,  # noqa: ANN001
) -> None:
    _senco_has_uploaded_and_checked(demo, sen_information_report)

    sign_in(page, live_server, "demo-governor")
    _sen_governor_asks_for_sign_off(page)
    _sign(page, "Marcus Adeyemi")
    expect(_status(page)).to_have_text(
        "Thank you. Your confirmation has been recorded."
    )
    check_axe(page)

    for username, name in (
        ("demo-board", "Tom Ashdown"),
        ("demo-head", "Helen Fairweather"),
    ):
        sign_out(page)
        sign_in(page, live_server, username)
        page.get_by_role(
            "link", name=re.compile("^You are asked to sign off SEN Info")
        ).click()
        expect(_heading(page)).to_contain_text("version 2")
        check_axe(page)
        _sign(page, name)

    expect(_status(page)).to_have_text(
        "Thank you. Every governor named has confirmed: this version is signed."
    )
    expect(
        page.get_by_text("A completed sign-off cannot be changed or deleted.")
    ).to_be_visible()
    check_axe(page)
    screenshot(page, "compliance-signed")

    _verify(page, sen_information_report)


def _senco_has_uploaded_and_checked(demo, report: Path) -> None:  # noqa: ANN001
    senco = demo.users["senco"]
    document = Document.objects.get(
        school=demo.school, kind=Document.Kind.SEN_INFORMATION_REPORT
    )
    version = services.add_file_version(
        document,
        by=senco,
        data=report.read_bytes(),
        filename=report.name,
        note="Next review brought forward to six months.",
    )
    services.run_report_check(version, by=senco, on=london_today())


def _sen_governor_asks_for_sign_off(page: Page) -> None:
    page.get_by_role(
        "link", name=re.compile(r"^SEN Information Report .*, version 2, has not been")
    ).click()
    expect(_heading(page)).to_contain_text("version 2")
    check_axe(page)
    page.get_by_role("link", name="Ask the governors to sign off version 2").click()
    expect(_heading(page)).to_have_text("Ask the governors to sign off version 2")
    check_axe(page)
    page.get_by_role("button", name="Ask for sign-off").click()
    expect(_status(page)).to_have_text(
        "The governors named can now confirm the statement."
    )
    check_axe(page)


def _sign(page: Page, name: str) -> None:
    page.get_by_label("I have read this version").check()
    page.get_by_role("button", name=f"Sign off as {name}").click()
    expect(_status(page)).to_contain_text("Thank you.")


def _verify(page: Page, report: Path) -> None:
    open_from_nav(page, "Documents")
    check_axe(page)
    page.get_by_role("link", name="Check a file against the signed version").click()
    expect(_heading(page)).to_have_text("Check a file against the signed version")
    check_axe(page)
    page.get_by_label("File to check").set_input_files(str(report))
    page.get_by_role("button", name="Check the file").click()

    expect(
        page.get_by_role("heading", level=2, name="This file is the signed version")
    ).to_be_visible()
    check_axe(page)


def _heading(page: Page) -> Locator:
    return page.get_by_role("heading", level=1)


def _status(page: Page) -> Locator:
    return page.locator(".notices").get_by_role("status")
