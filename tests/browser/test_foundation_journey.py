"""The demo SENCO signs in, reads the dashboard and the team register, adds a member."""

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import check_axe, open_from_nav, screenshot, sign_in


def test_senco_signs_in_and_sees_dashboard_and_team(
    page: Page, live_server, demo
) -> None:
    page.goto(live_server.url)
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    check_axe(page)

    sign_in(page, live_server, "demo-senco")

    expect(page.get_by_role("heading", level=1)).to_have_text("Larkspur Primary School")
    expect(page.get_by_role("heading", name="Needs attention")).to_be_visible()
    screenshot(page, "dashboard")

    open_from_nav(page, "Team")
    expect(page.get_by_role("heading", level=1)).to_have_text("Who's on my team?")
    expect(page.get_by_role("rowheader", name="Zoë Łęcka-Byrne")).to_be_visible()
    check_axe(page)
    screenshot(page, "team")


def test_senco_adds_team_member_with_error_summary(
    page: Page, live_server, demo
) -> None:
    heading = page.get_by_role("heading", level=1)
    sign_in(page, live_server, "demo-senco")
    open_from_nav(page, "Team")
    page.get_by_role("link", name="Add a team member").click()
    expect(heading).to_have_text("Add a team member")
    check_axe(page)

    page.get_by_role("button", name="Save").click()

    expect(page).to_have_title(re.compile("^Error: "))
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    check_axe(page)

    page.get_by_label("Name").fill("Dafydd ap Gruffudd")
    page.get_by_label("Role").fill("Teaching assistant")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Dafydd ap Gruffudd has been added"
    )
    expect(page.get_by_role("rowheader", name="Dafydd ap Gruffudd")).to_be_visible()
    check_axe(page)
