"""Journeys of the roles that have no app of their own: the clerk and the outsider."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import Page, expect

from tandem.lib.pdf import pdf_text
from tandem.ops.models import WAITING_TOO_LONG
from tandem.ops.tests.builders import make_job
from tandem.testing import run_queued_jobs
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
]


def test_clerk_prepares_and_downloads_the_inspection_evidence_pack(
    page: Page, live_server, demo
) -> None:  # noqa: ANN001
    sign_in(page, live_server, "demo-clerk")
    nav = page.get_by_role("navigation", name="School")
    expect(nav.get_by_role("link", name="Team")).to_have_count(0)
    nav.get_by_role("link", name="Documents").click()
    check_axe(page)
    screenshot(page, "clerk-documents")

    page.get_by_role("button", name="Prepare the inspection evidence pack").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Inspection evidence pack"
    )
    expect(page.get_by_text("Waiting to start")).to_be_visible()
    expect(page.get_by_role("progressbar")).to_be_visible()
    check_axe(page)
    screenshot(page, "clerk-evidence-pack-waiting")
    job_page = page.url

    # The worker runs here, in the test, while no page is open: the test database is
    # shared with the live server, and must not be used by both at once.
    page.goto("about:blank")
    assert run_queued_jobs() == 1
    page.goto(job_page)
    expect(page.get_by_text("Ready.")).to_be_visible()
    check_axe(page)
    screenshot(page, "clerk-evidence-pack-ready")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download inspection evidence pack (PDF)").click()
    pack = download_info.value

    text = "\n".join(pdf_text(open(pack.path(), "rb").read()))  # noqa: SIM115
    assert pack.suggested_filename.endswith(".pdf")
    assert "Contents" in text
    assert "Larkspur Primary School" in text
    for section in ("SEN Information Report", "Duties", "meeting", "Termly"):
        assert section.lower() in text.lower(), section

    page.get_by_role("link", name="Back to the documents").click()
    expect(page.get_by_text("The latest pack was prepared on")).to_be_visible()
    check_axe(page)


def test_a_job_page_updates_itself_while_it_waits(
    page: Page, live_server, demo
) -> None:  # noqa: ANN001
    """htmx asks every second and swaps in only what changed: here, queued work that
    nobody picks up turns, a few seconds after the page opened, into a warning."""

    sign_in(page, live_server, "demo-clerk")
    almost = timezone.now() - WAITING_TOO_LONG + timedelta(seconds=4)
    job = make_job(demo.school, created_at=almost)

    opened = page.goto(f"{live_server.url}/schools/{demo.school.urn}/jobs/{job.pk}/")
    assert "background worker may not be running" not in opened.text()
    warning = page.get_by_text("background worker may not be running")

    expect(warning).to_be_visible(timeout=20_000)
    check_axe(page)


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
