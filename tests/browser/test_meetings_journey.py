"""The demo SENCO plans a meeting from scratch: agenda with a decision and its options,
then the record, an action and the PDF. (Running the demo's next meeting, with the agenda
shared and actions reviewed, is part of test_senco_journey.py.)"""

from playwright.sync_api import Page, expect

from tandem.lib.pdf import pdf_text
from tests.browser.conftest import check_axe, open_from_nav, screenshot, sign_in


def test_senco_plans_builds_records_and_exports_a_meeting(
    page: Page, live_server, demo
) -> None:
    heading = page.get_by_role("heading", level=1)
    sign_in(page, live_server, "demo-senco")
    open_from_nav(page, "Meetings")
    expect(heading).to_have_text("Meetings")
    check_axe(page)

    page.get_by_role("link", name="Plan a meeting").click()
    expect(heading).to_have_text("Plan a meeting")
    check_axe(page)
    page.get_by_label("Title").fill("Summer term planning")
    page.get_by_label("Date").fill("2027-06-08")
    page.get_by_label("Start time").fill("16:00")
    page.get_by_label("Agreed length (minutes)").fill("45")
    page.get_by_label("Where").fill("Library")
    page.get_by_role("button", name="Plan the meeting").click()

    expect(heading).to_have_text("Summer term planning")
    expect(page.get_by_text("Share by 01/06/2027")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Review of open actions")).to_be_visible()
    check_axe(page)

    page.get_by_label("Title").fill("Transition plans for Year 6")
    page.get_by_label("Type").select_option("decision")
    page.get_by_label("Time box (minutes)").fill("40")
    page.get_by_role("button", name="Add to the agenda").click()
    expect(page.get_by_role("status").first).to_contain_text("has been added")
    expect(
        page.get_by_text("The agenda runs 5 minutes over the agreed 45 minutes")
    ).to_be_visible()
    check_axe(page)
    page.get_by_text("Add an option to Transition plans for Year 6").click()
    page.get_by_label("Option", exact=True).fill("Extra visits to the secondary school")
    page.get_by_label("Advantages", exact=True).fill("Familiar faces in September")
    page.get_by_label("Disadvantages").fill("Staff cover needed")
    page.get_by_role("button", name="Add the option").click()
    expect(
        page.get_by_role("rowheader", name="Extra visits to the secondary school")
    ).to_be_visible()
    check_axe(page)
    screenshot(page, "agenda")

    page.get_by_role("link", name="Record the meeting").click()
    expect(heading).to_have_text("Meeting record")
    check_axe(page)
    page.get_by_label("Attendees").fill(
        "Rhiannon Talbot (SENCO)\nMarcus Adeyemi (SEN governor)"
    )
    page.get_by_label("Key points: Transition plans for Year 6").fill(
        "Both options weighed with the Year 6 team."
    )
    page.get_by_label("Option chosen").select_option(
        label="Extra visits to the secondary school"
    )
    page.get_by_label("Decision taken").fill("Two extra visits in July")
    page.get_by_role("button", name="Save the record").click()
    expect(page.get_by_role("status").first).to_contain_text("has been saved")
    check_axe(page)

    page.get_by_label("Action", exact=True).fill("Book the July visits")
    page.get_by_label("Owner").select_option(label="Marcus Adeyemi")
    page.get_by_label("Due by").fill("2027-06-25")
    page.get_by_role("button", name="Add the action").click()
    expect(page.get_by_role("rowheader", name="Book the July visits")).to_be_visible()
    check_axe(page)
    screenshot(
        page,
        "meeting-record",
        at=page.locator("#actions-heading"),
        until=page.get_by_role("table", name="Actions agreed at this meeting"),
    )

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF").click()
    download = download_info.value
    text = " ".join(pdf_text(open(download.path(), "rb").read())[0].split())  # noqa: SIM115

    assert "Larkspur Primary School" in text
    assert "Date 08/06/2027 Time 16:00 to 16:45" in text
    assert "Decision: Two extra visits in July" in text
    assert "Book the July visits Marcus Adeyemi 25/06/2027 Open" in text
