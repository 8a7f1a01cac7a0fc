"""Journeys of the roles that have no app of their own: the clerk and the outsider.
The SENCO's and the SEN governor's are in test_senco_journey.py and
test_governor_journey.py."""

from django.urls import reverse
from playwright.sync_api import Page, expect

from tandem.compliance.models import Document
from tandem.lib.pdf import pdf_text
from tandem.meetings.models import Meeting
from tandem.reports.models import TermlyReport
from tests.browser.conftest import check_axe, screenshot, sign_in


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
    """Larkspur's dashboard, one record of each kind and the evidence pack. (Every URL
    against every role, the outsider included, is tests/test_role_urls.py.)"""

    urn = {"urn": school.urn}
    records = [
        ("meetings:record-edit", Meeting.objects.filter(school=school).first()),
        ("reports:report-detail", TermlyReport.objects.filter(school=school).first()),
        ("compliance:document-detail", Document.objects.filter(school=school).first()),
    ]

    return [
        reverse("schools:dashboard", kwargs=urn),
        *(reverse(name, kwargs={**urn, "pk": record.pk}) for name, record in records),
        reverse("compliance:evidence-pack", kwargs=urn),
    ]
