"""The demo SENCO plans the year: accepts a proposed meeting, moves it, subscribes."""

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import check_axe, screenshot, sign_in


def _fgb_row(page: Page, fgb: str):  # noqa: ANN202
    return page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=fgb))


def test_senco_accepts_and_moves_a_proposed_meeting(
    page: Page, live_server, demo
) -> None:
    sign_in(page, live_server, "demo-senco")
    page.get_by_role("navigation", name="School").get_by_role(
        "link", name="Planner"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Year planner")
    # The demo is set in December 2026; go to that year whatever today is.
    page.goto(f"{live_server.url}/schools/{demo.school.urn}/planner/2026-27/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Year planner 2026/27")
    row = _fgb_row(page, "Tue 16/03/2027, 18:00")
    expect(row).to_contain_text("Proposed Tue 02/03/2027, 16:00")
    check_axe(page)
    screenshot(page, "planner")

    row.get_by_role("button", name=re.compile("^Accept")).click()

    expect(page.get_by_role("status")).to_contain_text(
        "Meeting arranged for 02/03/2027 at 16:00."
    )
    expect(_fgb_row(page, "Tue 16/03/2027, 18:00")).to_contain_text(
        "Arranged Tue 02/03/2027, 16:00"
    )

    _fgb_row(page, "Tue 16/03/2027, 18:00").get_by_role(
        "link", name=re.compile("^Move")
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Move the meeting before the FGB on 16/03/2027"
    )
    check_axe(page)
    page.get_by_label("Date").fill("2027-03-06")
    page.get_by_role("button", name="Move meeting").click()

    assert page.title().startswith("Error:")
    expect(page.get_by_role("alert")).to_contain_text(
        "06/03/2027 is a weekend. Choose a school day."
    )
    check_axe(page)

    page.get_by_label("Date").fill("2027-03-03")
    page.get_by_label("Start time").fill("15:30")
    page.get_by_role("button", name="Move meeting").click()

    expect(page.get_by_role("status")).to_contain_text(
        "Meeting arranged for 03/03/2027 at 15:30."
    )
    expect(_fgb_row(page, "Tue 16/03/2027, 18:00")).to_contain_text(
        "Arranged Wed 03/03/2027, 15:30"
    )


def test_senco_opens_the_calendar_feed_page(page: Page, live_server, demo) -> None:
    sign_in(page, live_server, "demo-senco")
    page.goto(f"{live_server.url}/schools/{demo.school.urn}/planner/2026-27/")
    page.get_by_role("link", name="Subscribe in Outlook or Google Calendar").click()

    page.get_by_role("button", name="Make my feed address").click()

    address = page.get_by_label("Feed address").input_value()
    assert re.search(rf"/schools/{demo.school.urn}/planner/feed/[\w-]+\.ics$", address)
    check_axe(page)
    response = page.request.get(address)
    assert response.status == 200
    assert "BEGIN:VCALENDAR" in response.text()
