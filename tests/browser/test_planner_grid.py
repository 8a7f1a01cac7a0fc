"""The year planner's grid fits a 1280px window: no sideways scrolling, and the
13th column (the next year's September) says what it is."""

from playwright.sync_api import Page, expect

from tandem.lib.calendar import academic_year
from tests.browser.conftest import check_axe, sign_in


def test_planner_grid_fits_a_1280px_window(page: Page, live_server, demo) -> None:  # noqa: ANN001
    sign_in(page, live_server, "demo-senco")
    year = academic_year(demo.today)
    page.goto(f"{live_server.url}/schools/{demo.school.urn}/planner/{year.slug}/")

    region = page.get_by_role("region", name="Month-by-month grid (scrolls sideways)")
    expect(region).to_be_visible()
    widths = region.evaluate("r => [r.scrollWidth, r.clientWidth]")
    assert widths[0] <= widths[1], widths  # nothing hidden to the right
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= 1280, page_width
    last = page.locator(".planner-grid thead th").last
    expect(last).to_have_text(f"Sep {year.first_day.year + 1} (next year)")
    expect(page.locator(".planner-grid tfoot td").last).to_have_text("not counted")
    check_axe(page)
