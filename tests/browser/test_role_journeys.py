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

    # The pack renders every section (about ten seconds on a quiet machine, more in CI).
    with page.expect_download(timeout=180_000) as download_info:
        page.get_by_role(
            "link", name="Download the inspection evidence pack (PDF)"
        ).click(timeout=180_000)
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


def test_marking_an_action_done_updates_its_row_in_place(
    page: Page, live_server, demo
) -> None:  # noqa: ANN001
    from tandem.meetings.models import ActionItem

    action = (
        ActionItem.objects.filter(
            school=demo.school, status="open", owner=demo.users["senco"]
        )
        .select_related("raised_in")
        .first()
    )
    record = (
        f"{live_server.url}/schools/{demo.school.urn}/meetings/"
        f"{action.raised_in.pk}/record/"
    )
    sign_in(page, live_server, "demo-senco")
    page.goto(record)
    row = page.get_by_role("row").filter(has_text=action.reference).first

    with page.expect_response(lambda r: "/status/" in r.url):
        row.get_by_role("button", name=f"Mark done {action.reference}").click()

    assert page.url == record
    expect(row.get_by_role("button", name=f"Reopen {action.reference}")).to_be_visible()
    expect(row).to_contain_text("Done")
    check_axe(page)
