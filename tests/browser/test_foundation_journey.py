from playwright.sync_api import Page, expect

from tests.browser.conftest import check_axe, screenshot, sign_in


def test_senco_signs_in_and_sees_dashboard_and_team(
    page: Page, live_server, demo
) -> None:
    page.goto(live_server.url)
    check_axe(page)

    sign_in(page, live_server, "demo-senco")

    expect(page.get_by_role("heading", level=1)).to_have_text("Larkspur Primary School")
    expect(page.get_by_role("heading", name="Needs attention")).to_be_visible()
    check_axe(page)
    screenshot(page, "dashboard")

    page.get_by_role("navigation", name="School").get_by_role(
        "link", name="Team"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Who's on my team?")
    expect(page.get_by_role("rowheader", name="Zoë Łęcka-Byrne")).to_be_visible()
    check_axe(page)
    screenshot(page, "team")


def test_senco_adds_team_member_with_error_summary(
    page: Page, live_server, demo
) -> None:
    sign_in(page, live_server, "demo-senco")
    page.goto(f"{live_server.url}/schools/{demo.school.urn}/team/add/")

    page.get_by_role("button", name="Save").click()

    expect(page).to_have_title(page.title())
    assert page.title().startswith("Error:")
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    check_axe(page)

    page.get_by_label("Name").fill("Dafydd ap Gruffudd")
    page.get_by_label("Role").fill("Teaching assistant")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Dafydd ap Gruffudd has been added"
    )


def test_outsider_sees_nothing_of_larkspur(page: Page, live_server, demo) -> None:
    sign_in(page, live_server, "demo-other")

    response = page.goto(f"{live_server.url}/schools/{demo.school.urn}/")

    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    check_axe(page)
