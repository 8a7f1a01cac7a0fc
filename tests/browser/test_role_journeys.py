"""Journeys of the roles that have no app of their own: the clerk, the trust or LA
officer and the outsider. The SENCO's and the SEN governor's are in
test_senco_journey.py and test_governor_journey.py."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from tandem.compliance.models import Document
from tandem.lib.pdf import pdf_text
from tandem.meetings.models import Meeting
from tandem.ops.models import WAITING_TOO_LONG
from tandem.ops.tests.builders import make_job
from tandem.reports.models import TermlyReport
from tandem.schools.models import Membership
from tandem.testing import run_queued_jobs
from tests.browser.conftest import check_axe, screenshot, sign_in


def test_clerk_prepares_and_downloads_the_inspection_evidence_pack(
    page: Page, live_server, demo
) -> None:  # noqa: ANN001
    sign_in(page, live_server, "demo-clerk")
    nav = page.get_by_role("navigation", name="School")
    expect(nav.get_by_role("link", name="Team")).to_have_count(0)
    nav.get_by_role("link", name="Documents").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Documents")
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


def test_an_incomplete_pack_names_the_missing_section(
    page: Page, live_server, demo
) -> None:  # noqa: ANN001
    sign_in(page, live_server, "demo-clerk")
    missing = "Signed documents and their statements"
    job = make_job(demo.school, status="done", missing=[missing])

    page.goto(f"{live_server.url}/schools/{demo.school.urn}/jobs/{job.pk}/")

    expect(page.get_by_text("Ready, but incomplete.")).to_be_visible()
    warning = page.get_by_role("alert")
    expect(warning).to_contain_text("1 section could not be prepared:")
    expect(warning.get_by_role("listitem")).to_have_text([missing])
    check_axe(page)
    page.get_by_role("link", name="Back to the documents").click()
    expect(page.get_by_text("It is incomplete:")).to_be_visible()
    check_axe(page)
    page.get_by_role("link", name="See which sections are missing").click()
    expect(page.get_by_role("alert").get_by_role("listitem")).to_have_text([missing])


def test_officer_looks_across_both_schools_then_opens_one(
    page: Page, live_server, demo
) -> None:  # noqa: ANN001
    latest = (
        TermlyReport.objects.filter(school=demo.school, status="submitted")
        .order_by("-period")
        .first()
    )
    sign_in(page, live_server, "demo-officer")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your schools")
    table = page.get_by_role("table", name="Your schools at a glance")
    larkspur = table.get_by_role("row").filter(has_text="Larkspur Primary School")
    wrenfield = table.get_by_role("row").filter(has_text="Wrenfield Academy")

    expect(larkspur.get_by_role("link", name=latest.key.label)).to_be_visible()
    expect(larkspur).to_contain_text("% (")
    expect(wrenfield).to_contain_text("No report submitted yet")
    # An officer reads no actions, at either school: the column is not there.
    expect(table.get_by_role("columnheader", name="Overdue actions")).to_have_count(0)
    screenshot(page, "officer-schools")

    larkspur.get_by_role("link", name="Larkspur Primary School").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Larkspur Primary School")
    check_axe(page)


def test_governor_of_two_schools_sees_only_what_each_role_may(
    page: Page, live_server, demo
) -> None:  # noqa: ANN001
    governor = demo.users[Membership.Role.SEN_GOVERNOR]
    Membership.objects.create(
        user=governor, school=demo.other_school, role=Membership.Role.GOVERNOR
    )
    sign_in(page, live_server, "demo-governor")
    table = page.get_by_role("table", name="Your schools at a glance")
    wrenfield = table.get_by_role("row").filter(has_text="Wrenfield Academy")

    expect(table.get_by_role("columnheader", name="Overdue actions")).to_be_visible()
    expect(wrenfield).to_contain_text("Not shown for your role")


def test_outsider_sees_nothing_of_larkspur(page: Page, live_server, demo) -> None:  # noqa: ANN001
    sign_in(page, live_server, "demo-other")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wrenfield Academy")
    assert "Larkspur" not in page.locator("body").inner_text()

    for url in _larkspur_pages(demo.school):
        response = page.goto(f"{live_server.url}{url}")

        assert response is not None and response.status == 404, url
        expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
        assert "Larkspur" not in page.locator("body").inner_text(), url
        check_axe(page)


def _larkspur_pages(school) -> list[str]:  # noqa: ANN001
    """Larkspur's dashboard, one record of each kind and an evidence pack. (Every URL
    against every role, the outsider included, is tests/test_role_urls.py.)"""

    urn = {"urn": school.urn}
    records = [
        ("meetings:record-edit", Meeting.objects.filter(school=school).first()),
        ("reports:report-detail", TermlyReport.objects.filter(school=school).first()),
        ("compliance:document-detail", Document.objects.filter(school=school).first()),
    ]

    pack = make_job(school, status="done")

    return [
        reverse("schools:dashboard", kwargs=urn),
        *(reverse(name, kwargs={**urn, "pk": record.pk}) for name, record in records),
        reverse("ops:job-download", kwargs={**urn, "pk": pack.pk}),
    ]
