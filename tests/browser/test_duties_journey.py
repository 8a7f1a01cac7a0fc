"""The duties map in a real browser: the demo school's map, its picture and axe-core."""

from playwright.sync_api import Page, expect

from tests.browser.conftest import check_axe, open_from_nav, screenshot, sign_in


def test_senco_opens_the_duties_map(page: Page, live_server, demo) -> None:  # noqa: ANN001
    sign_in(page, live_server, "demo-senco")
    panel = page.get_by_role("region", name="SENCO qualification")
    expect(panel).to_contain_text("Qualification needed by 01/04/2027.")

    open_from_nav(page, "Duties")

    expect(page.get_by_role("heading", level=1)).to_have_text("Duties map")
    expect(
        page.get_by_role("img", name="Duties map: who holds each duty")
    ).to_be_visible()
    expect(page.locator("svg.venn .venn__duty")).to_have_count(27)
    expect(page.locator("svg.venn .venn__duty--unheld text")).to_have_text(["D21"])
    expect(
        page.get_by_role("heading", name="Warning: held by nobody (1)")
    ).to_be_visible()
    check_axe(page)
    screenshot(page, "duties-map")


def test_governor_edits_a_duty_and_answers(page: Page, live_server, demo) -> None:  # noqa: ANN001
    sign_in(page, live_server, "demo-governor")
    open_from_nav(page, "Duties")
    page.get_by_role("link", name="Edit holders of D21").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("D21")
    check_axe(page)

    page.get_by_label("Governing body").check()
    page.get_by_label("How it is done").fill("The SEN governor drafts the response.")
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("status")).to_contain_text("D21 Respond on the local offer")
    expect(page.locator("svg.venn .venn__duty--unheld")).to_have_count(0)
    expect(page.locator("#duty-D21")).to_contain_text("The SEN governor drafts")
    check_axe(page)


def test_qualification_page_passes_axe(page: Page, live_server, demo) -> None:  # noqa: ANN001
    sign_in(page, live_server, "demo-head")
    page.get_by_role("link", name="SENCO qualification record").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("SENCO qualification")
    expect(page.get_by_role("heading", level=2).first).to_contain_text(
        "due by 01/04/2027"
    )
    check_axe(page)
    screenshot(page, "senco-qualification")
