"""The termly report journey: the demo SENCO rolls last term's report forward, imports
the management system's export, submits; the demo SEN governor reads it (small numbers
suppressed) and asks a question. axe-core checks every page on the way."""

from playwright.sync_api import Locator, Page, expect

from tandem.reports.dashboard import current_term
from tandem.reports.models import TermlyReport
from tests.browser.conftest import check_axe, screenshot, sign_in


def _row(section: Locator, header: str) -> Locator:
    """The first table row whose row header is exactly `header`."""

    return (
        section.locator("tr")
        .filter(has=section.page.get_by_role("rowheader", name=header, exact=True))
        .first
    )


def _export_csv() -> bytes:
    """A pupil-level export as an MIS gives it, names and all (never stored)."""

    rows = ["Surname,Forename,NC Year,SEN Status,Primary Need"]
    years = ["Reception", "Year 1", "Year 2", "Year 3", "Year 4", "Year 5", "Year 6"]
    rows += [f"Ashworth{n},Sam,{years[n % 7]},SEN Support,SLCN" for n in range(56)]
    rows += [f"Brennan{n},Alex,Year 4,EHC Plan,ASD" for n in range(3)]
    rows += [f"Chowdhury{n},Jo,{years[n % 7]},," for n in range(350)]

    return ("\ufeff" + "\r\n".join(rows) + "\r\n").encode()


def test_senco_rolls_forward_imports_and_submits_then_governor_asks(
    page: Page, live_server, demo
) -> None:
    term = current_term(demo.today)
    last = TermlyReport.objects.get(
        school=demo.school, period=(term.start_year * 3 + term.index - 1)
    )
    sign_in(page, live_server, "demo-senco")

    page.get_by_role("navigation", name="School").get_by_role(
        "link", name="Reports"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Termly reports")
    check_axe(page)
    expect(page.get_by_label("Academic year")).to_have_value(term.academic_year)
    page.get_by_role("button", name="Start the report").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Termly SEND report: {term.label}"
    )
    expect(page.get_by_role("status")).to_contain_text(
        f"The {term.label} report is ready"
    )
    # Rolled forward: last term's details and provision map came with it.
    expect(page.get_by_text("Rhiannon Talbot").first).to_be_visible()
    expect(page.get_by_role("rowheader", name="Nurture group")).to_be_visible()
    check_axe(page)

    page.get_by_role("link", name="Import the SEN numbers from a file").click()
    check_axe(page)
    page.get_by_label("SEN export (CSV or Excel .xlsx)").set_input_files(
        files=[
            {"name": "sen-export.csv", "mimeType": "text/csv", "buffer": _export_csv()}
        ]
    )
    page.get_by_role("button", name="Read the file").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check the imported numbers"
    )
    expect(page.get_by_text("Read 409 rows.", exact=False)).to_be_visible()
    check_axe(page)
    page.get_by_role("button", name="Use these numbers").click()
    expect(page.get_by_role("status")).to_contain_text(
        "The imported numbers are now in"
    )
    numbers = page.locator("#numbers")
    expect(_row(numbers, "SEN support")).to_contain_text("56")
    expect(_row(numbers, "EHC plans")).to_contain_text("3")
    assert "Ashworth" not in page.content()
    screenshot(page, "termly-report")

    page.get_by_role("link", name="Submit to governors").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Submit the")
    check_axe(page)
    page.get_by_role("button", name="Yes, submit to governors").click()
    expect(page.get_by_role("status")).to_contain_text("submitted to governors")
    report = TermlyReport.objects.get(school=demo.school, period=last.period + 1)
    assert report.status == "submitted"
    assert report.copied_from == last
    assert report.submitted_versions.count() == 1

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, live_server, "demo-governor")
    page.goto(f"{live_server.url}/schools/{demo.school.urn}/reports/{report.pk}/")
    numbers = page.locator("#numbers")
    expect(_row(numbers, "EHC plans")).to_contain_text("fewer than 5")
    expect(_row(numbers, "SEN support")).to_contain_text("56")
    expect(page.locator("svg#sen-over-time")).to_be_visible()
    check_axe(page)

    page.get_by_label("Your question").fill("What is behind the rise in SEN support?")
    page.get_by_role("button", name="Ask the SENCO").click()
    expect(page.get_by_role("status")).to_contain_text("Your question has been sent")
    expect(page.locator("#questions")).to_contain_text(
        "What is behind the rise in SEN support?"
    )
    check_axe(page)
    assert report.questions.get().asked_by == demo.users["sen_governor"]


def test_senco_edit_pages_pass_axe(page: Page, live_server, demo) -> None:
    term = current_term(demo.today)
    sign_in(page, live_server, "demo-senco")
    base = f"{live_server.url}/schools/{demo.school.urn}/reports"
    page.goto(f"{base}/")
    page.get_by_role("button", name="Start the report").click()
    report = TermlyReport.objects.get(
        school=demo.school, term=term.term, academic_year=term.academic_year
    )

    for path, heading in (
        ("finance/", "SEN budget"),
        ("numbers/", "SEND numbers"),
        ("edit/header/", "Report details"),
        ("edit/narrative/", "Narrative"),
        ("interventions/add/", "Add an intervention"),
        ("applications/add/", "Add an application"),
    ):
        page.goto(f"{base}/{report.pk}/{path}")
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        check_axe(page)

    page.goto(f"{base}/{report.pk}/applications/add/")
    page.get_by_label("Reference").fill("Sam Ashworth")
    page.get_by_role("button", name="Save").click()
    assert page.title().startswith("Error:")
    expect(page.get_by_role("alert")).to_contain_text("must not be a name")
    check_axe(page)
