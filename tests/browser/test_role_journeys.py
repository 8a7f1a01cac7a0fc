"""Journeys of the roles that have no app of their own: the clerk and the outsider."""

from playwright.sync_api import Page, expect

from tandem.lib.pdf import pdf_text
from tests.browser.conftest import check_axe, screenshot, sign_in

MAIN_PAGES = [
    "",
    "team/",
    "duties/",
    "planner/",
    "meetings/",
    "meetings/actions/",
    "reports/",
    "documents/",
    "history/",
    "documents/evidence-pack.pdf",
]


def test_clerk_downloads_the_inspection_evidence_pack(
    page: Page, live_server, demo
) -> None:  # noqa: ANN001
    sign_in(page, live_server, "demo-clerk")
    nav = page.get_by_role("navigation", name="School")
    expect(nav.get_by_role("link", name="Team")).to_have_count(0)
    nav.get_by_role("link", name="Documents").click()
    check_axe(page)
    screenshot(page, "clerk-documents")

    with page.expect_download() as download_info:
        page.get_by_role(
            "link", name="Download the inspection evidence pack (PDF)"
        ).click()
    pack = download_info.value

    text = "\n".join(pdf_text(open(pack.path(), "rb").read()))  # noqa: SIM115
    assert pack.suggested_filename.endswith(".pdf")
    assert "Contents" in text
    assert "Larkspur Primary School" in text
    for section in ("SEN Information Report", "Duties", "meeting", "Termly"):
        assert section.lower() in text.lower(), section


def test_outsider_reaches_none_of_larkspurs_pages(
    page: Page, live_server, demo
) -> None:  # noqa: ANN001
    sign_in(page, live_server, "demo-other")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wrenfield Academy")

    statuses = {}
    for path in MAIN_PAGES:
        response = page.goto(f"{live_server.url}/schools/{demo.school.urn}/{path}")
        statuses[path] = response.status if response else None

    assert set(statuses.values()) == {404}, statuses
    check_axe(page)
