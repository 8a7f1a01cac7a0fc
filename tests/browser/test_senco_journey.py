"""The demo SENCO's main journey, in the order of a school year: plan next year, run the
next meeting, write and submit this term's report to governors, then upload the new SEN
Information Report and check it. Every step goes through the pages a SENCO would click,
and axe-core checks every page on the way, the pages showing a mistake too."""

import datetime as dt
import re
from pathlib import Path

import icalendar
from playwright.sync_api import Locator, Page, expect

from tandem.lib.calendar import AcademicYear, at_london
from tandem.lib.pdf import pdf_text
from tandem.meetings.models import ActionItem, Meeting
from tandem.reports.dashboard import current_term
from tandem.reports.models import TermlyReport
from tandem.reports.terms import TermKey
from tests.browser.conftest import check_axe, open_from_nav, screenshot, sign_in

MONDAY, TUESDAY, FRIDAY = 0, 1, 4
# This term's SEN register by year group: (year, on SEN support, with an EHC plan).
SEN_BY_YEAR = [
    ("Reception", 4, 1),
    ("Year 1", 8, 1),
    ("Year 2", 9, 2),
    ("Year 3", 10, 3),
    ("Year 4", 11, 2),
    ("Year 5", 10, 3),
    ("Year 6", 9, 2),
]
SUPPORT_NEEDS = ["SLCN", "SEMH", "MLD", "SPLD", "ASD"]
PLAN_NEEDS = ["ASD", "SLCN", "SEMH"]


def test_senco_plans_the_year_runs_a_meeting_reports_and_checks_the_sir(
    page: Page,
    live_server,
    demo,
    mailoutbox,
    sen_information_report: Path,
    tmp_path: Path,
) -> None:  # noqa: ANN001
    sign_in(page, live_server, "demo-senco")
    expect(page.get_by_role("heading", level=1)).to_have_text("Larkspur Primary School")

    plan_next_year(page, demo)
    run_the_next_meeting(page, demo, mailoutbox)
    write_and_submit_the_termly_report(page, demo)
    upload_and_check_the_sen_information_report(page, sen_information_report, tmp_path)


# Plan next year: term dates, an INSET day, an FGB meeting, the meeting before it, the feed


def plan_next_year(page: Page, demo) -> None:  # noqa: ANN001
    this_year = AcademicYear.of(demo.today)
    year = this_year.next()
    terms = _term_dates(year)
    fgb = _weekday_on_or_after(dt.date(year.start_year, 10, 7), TUESDAY)
    # Ten school days before a Tuesday in October, with no holiday between: two weeks.
    proposed = fgb - dt.timedelta(weeks=2)

    open_from_nav(page, "Planner")
    expect(_heading(page)).to_have_text(f"Year planner {this_year.label}")
    check_axe(page)
    screenshot(page, "planner")

    page.get_by_role("navigation", name="Academic years").get_by_role(
        "link", name=year.label
    ).click()
    expect(
        page.get_by_text(f"There is no planner for {year.label} yet.")
    ).to_be_visible()
    check_axe(page)
    page.get_by_role("button", name=f"Start the {year.label} planner").click()
    expect(_status(page)).to_have_text(f"The {year.label} planner is ready.")
    expect(page.get_by_text("No term dates yet")).to_be_visible()
    check_axe(page)

    _enter_term_dates(page, terms)
    _add_inset_day(page, terms["Autumn term"][0])
    _add_fgb_meeting_and_accept(page, fgb, proposed)
    _subscribe_and_read_the_feed(page, fgb, proposed)


def _enter_term_dates(page: Page, terms: dict[str, tuple[dt.date, dt.date]]) -> None:
    page.get_by_role("link", name="Enter your term dates").click()
    expect(_heading(page)).to_contain_text("Term dates")
    check_axe(page)
    autumn_first, autumn_last = terms["Autumn term"]
    # A slip first: the autumn term's days the wrong way round.
    _fill_date(page, "Autumn term: first day", autumn_last)
    _fill_date(page, "Autumn term: last day", autumn_first)
    for term in ("Spring term", "Summer term"):
        _fill_date(page, f"{term}: first day", terms[term][0])
        _fill_date(page, f"{term}: last day", terms[term][1])
    page.get_by_role("button", name="Save term dates").click()

    expect(page).to_have_title(re.compile(r"^Error:"))  # waits for the page to load
    expect(page.get_by_role("alert")).to_contain_text(
        "The last day must be on or after the first day."
    )
    check_axe(page)

    _fill_date(page, "Autumn term: first day", autumn_first)
    _fill_date(page, "Autumn term: last day", autumn_last)
    page.get_by_role("button", name="Save term dates").click()

    expect(_status(page)).to_have_text("The term dates have been saved.")
    expect(page.get_by_text("No term dates yet")).to_have_count(0)
    terms_table = page.get_by_role("table", name="Term dates")
    for term, (first, last) in terms.items():
        expect(_row(terms_table, term).get_by_role("cell")).to_have_text(
            [f"{first:%a %d/%m/%Y}", f"{last:%a %d/%m/%Y}"]
        )
    check_axe(page)


def _add_inset_day(page: Page, day: dt.date) -> None:
    page.get_by_role("link", name="Add a holiday or INSET day").click()
    expect(_heading(page)).to_have_text("Add a holiday or INSET day")
    check_axe(page)
    page.get_by_label("INSET (staff training) day").check()
    _fill_date(page, "First day", day)
    page.get_by_role("button", name="Add", exact=True).click()

    expect(_status(page)).to_have_text("INSET (staff training) day has been added.")
    holidays = page.get_by_role("table", name="Holidays, closures and INSET days")
    expect(_row(holidays, "INSET (staff training) day")).to_contain_text(
        f"{day:%a %d/%m/%Y}"
    )
    check_axe(page)


def _add_fgb_meeting_and_accept(page: Page, fgb: dt.date, proposed: dt.date) -> None:
    page.get_by_role("link", name="Add an FGB meeting").click()
    expect(_heading(page)).to_have_text("Add a full governing body meeting")
    check_axe(page)
    _fill_date(page, "Date of the FGB meeting", fgb)
    page.get_by_role("button", name="Add FGB meeting").click()

    expect(_status(page)).to_have_text(f"The FGB meeting on {fgb:%d/%m/%Y} is in.")
    row = _fgb_row(page, fgb)
    expect(row).to_contain_text(f"Proposed {proposed:%a %d/%m/%Y}, 16:00")
    check_axe(page)

    row.get_by_role("button", name=re.compile("^Accept")).click()

    expect(_status(page)).to_have_text(
        f"Meeting arranged for {proposed:%d/%m/%Y} at 16:00."
    )
    expect(_fgb_row(page, fgb)).to_contain_text(
        f"Arranged {proposed:%a %d/%m/%Y}, 16:00"
    )
    check_axe(page)


def _subscribe_and_read_the_feed(page: Page, fgb: dt.date, meeting: dt.date) -> None:
    page.get_by_role("link", name="Subscribe in Outlook or Google Calendar").click()
    expect(_heading(page)).to_have_text("Calendar feed")
    check_axe(page)
    page.get_by_role("button", name="Make my feed address").click()

    address = page.get_by_label("Feed address").input_value()
    assert re.search(r"/schools/999001/planner/feed/[\w-]+\.ics$", address), address
    check_axe(page)

    feed = icalendar.Calendar.from_ical(page.request.get(address).body())
    fgb_at, meeting_at = at_london(fgb, dt.time(18)), at_london(meeting, dt.time(16))
    on_those_days = {
        str(event.get("summary")): event.decoded("dtstart")
        for event in feed.walk("VEVENT")
        if event.decoded("dtstart") in (fgb_at, meeting_at)
    }
    assert on_those_days == {
        "Full governing body meeting (Larkspur Primary School)": fgb_at,
        "SENCO and SEN governor meeting (Larkspur Primary School)": meeting_at,
    }


def _term_dates(year: AcademicYear) -> dict[str, tuple[dt.date, dt.date]]:
    """Usual English term dates for `year`: each term from a Monday to a Friday."""

    start, end = year.start_year, year.start_year + 1
    spans = {
        "Autumn term": (dt.date(start, 9, 1), dt.date(start, 12, 18)),
        "Spring term": (dt.date(end, 1, 4), dt.date(end, 3, 26)),
        "Summer term": (dt.date(end, 4, 12), dt.date(end, 7, 21)),
    }

    return {
        term: (_weekday_on_or_after(first, MONDAY), _weekday_on_or_before(last, FRIDAY))
        for term, (first, last) in spans.items()
    }


def _fgb_row(page: Page, fgb: dt.date) -> Locator:
    return page.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name=f"{fgb:%a %d/%m/%Y}, 18:00")
    )


# Run the next meeting: share the agenda, record it, review and add actions, the PDF


def run_the_next_meeting(page: Page, demo, mailoutbox) -> None:  # noqa: ANN001
    meeting = (
        Meeting.objects.filter(
            school=demo.school, starts_at__gte=at_london(demo.today, dt.time(0))
        )
        .order_by("starts_at")
        .first()
    )
    on = f"{meeting.local_start:%d/%m/%Y}"
    due = demo.today + dt.timedelta(days=28)

    open_from_nav(page, "Meetings")
    expect(_heading(page)).to_have_text("Meetings")
    check_axe(page)
    page.get_by_role("table", name="Meetings coming up").get_by_role(
        "link", name="SENCO and SEN governor meeting"
    ).first.click()
    expect(_heading(page)).to_have_text("SENCO and SEN governor meeting")
    expect(page.locator(".lede")).to_contain_text(on)
    expect(page.locator(".share-box")).to_contain_text("Not shared yet")
    check_axe(page)

    _share_the_agenda(page, mailoutbox)
    _record_the_meeting(page, on)
    _review_and_add_actions(page, demo, due)
    _download_the_record(page, on, due)


def _share_the_agenda(page: Page, mailoutbox) -> None:  # noqa: ANN001
    page.get_by_role("link", name="Share the agenda").click()
    expect(_heading(page)).to_have_text("Share the agenda")
    check_axe(page)
    page.get_by_label("Helen Fairweather (demo-head@larkspur.example)").check()
    page.get_by_role("button", name="Send the agenda").click()

    expect(_status(page)).to_have_text("The agenda has been sent to 3 people.")
    expect(page.locator(".share-box")).to_contain_text("Shared on")
    check_axe(page)
    [message] = mailoutbox
    assert sorted(message.to) == [
        "demo-governor@larkspur.example",
        "demo-head@larkspur.example",
        "demo-senco@larkspur.example",
    ]
    assert "Choose the training day focus" in message.body


def _record_the_meeting(page: Page, on: str) -> None:
    page.get_by_role("link", name="Record the meeting").click()
    expect(_heading(page)).to_have_text("Meeting record")
    check_axe(page)
    page.get_by_label("Attendees").fill(
        "Rhiannon Talbot (SENCO)\nMarcus Adeyemi (SEN governor)\n"
        "Helen Fairweather (Headteacher)"
    )
    page.get_by_label("Key points: Annual SEND report to the board").fill(
        "The board wants the year-on-year comparison first."
    )
    page.get_by_label("Option chosen").select_option(
        label="Autism awareness for all staff"
    )
    page.get_by_label("Decision taken").fill("Autism awareness on the spring INSET day")
    page.get_by_label("Why", exact=True).fill("Most requested by staff this year.")
    page.get_by_role("button", name="Save the record").click()

    expect(_status(page)).to_have_text("The meeting record has been saved.")
    expect(page.get_by_label("Decision taken")).to_have_value(
        "Autism awareness on the spring INSET day"
    )
    expect(page.locator(".lede")).to_contain_text(f"{on} at")
    check_axe(page)


def _review_and_add_actions(page: Page, demo, due: dt.date) -> None:  # noqa: ANN001
    carried = ActionItem.objects.get(
        school=demo.school, description="Send the termly report to the clerk"
    )
    row = page.get_by_role("table", name="Actions carried forward").get_by_role(
        "row", name=re.compile(carried.description)
    )
    # With JavaScript the row changes in place; the page does not reload.
    url = page.url
    with page.expect_response(lambda response: "/status/" in response.url):
        row.get_by_role("button", name=f"Mark done {carried.reference}").click()
    assert page.url == url
    expect(
        row.get_by_role("button", name=f"Reopen {carried.reference}")
    ).to_be_visible()
    expect(row.get_by_role("cell").nth(3)).to_contain_text("Done")
    check_axe(page)

    # Sent without a due date first: the page says what is missing.
    page.get_by_label("Action", exact=True).fill("Book the autism awareness trainer")
    page.get_by_label("Owner").select_option(label="Rhiannon Talbot")
    page.get_by_role("button", name="Add the action").click()
    expect(_status(page)).to_have_text(
        "The action was not added: Due by: This field is required."
    )
    check_axe(page)

    page.get_by_label("Action", exact=True).fill("Book the autism awareness trainer")
    page.get_by_label("Owner").select_option(label="Rhiannon Talbot")
    _fill_date(page, "Due by", due)
    page.get_by_label("Agreed under").select_option(
        label="Choose the training day focus"
    )
    page.get_by_role("button", name="Add the action").click()

    expect(_status(page)).to_have_text("The action has been added.")
    agreed = page.get_by_role("table", name="Actions agreed at this meeting")
    cells = _row(agreed, "Book the autism awareness trainer").get_by_role("cell")
    expect(cells.nth(1)).to_have_text("Rhiannon Talbot")
    expect(cells.nth(2)).to_have_text(f"{due:%d/%m/%Y}")
    expect(cells.nth(3)).to_have_text("Open")
    check_axe(page)


def _download_the_record(page: Page, on: str, due: dt.date) -> None:
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF").click()
    pdf = open(download_info.value.path(), "rb").read()  # noqa: SIM115
    text = " ".join(" ".join(pdf_text(pdf)).split())

    assert f"Date {on}" in text
    assert "Helen Fairweather (Headteacher)" in text
    assert "Decision: Autism awareness on the spring INSET day" in text
    assert re.search(
        r"Send the termly report to the clerk \(carried forward\) Rhiannon Talbot "
        r"\d\d/\d\d/\d{4} Done",
        text,
    )
    assert (
        f"Book the autism awareness trainer Rhiannon Talbot {due:%d/%m/%Y} Open" in text
    )


# Write and submit this term's report: rolled forward, numbers imported, narrative written


def write_and_submit_the_termly_report(page: Page, demo) -> None:  # noqa: ANN001
    term = current_term(demo.today)
    last = _report(demo, term.previous)

    open_from_nav(page, "Reports")
    expect(_heading(page)).to_have_text("Termly reports")
    check_axe(page)
    expect(page.get_by_label("Academic year")).to_have_value(term.academic_year)
    page.get_by_role("button", name="Start the report").click()

    expect(_heading(page)).to_have_text(f"Termly SEND report: {term.label}")
    expect(_status(page)).to_contain_text(f"The {term.label} report is ready")
    # Rolled forward: last term's details and provision map came with it.
    expect(page.locator("#details")).to_contain_text(
        "senco@larkspur.example.org, 01632 960 418"
    )
    expect(page.get_by_role("rowheader", name="Nurture group")).to_be_visible()
    check_axe(page)

    _import_the_numbers(page)
    _write_the_narrative(page)
    screenshot(page, "termly-report", at=page.locator("#charts"))
    _submit(page)

    report = _report(demo, term)
    assert report.status == TermlyReport.Status.SUBMITTED
    assert report.copied_from == last
    assert report.submitted_versions.count() == 1


def _report(demo, term: TermKey) -> TermlyReport:  # noqa: ANN001
    return TermlyReport.objects.get(
        school=demo.school, academic_year=term.academic_year, term=term.term
    )


def _import_the_numbers(page: Page) -> None:
    page.get_by_role("link", name="Import the SEN numbers from a file").click()
    expect(_heading(page)).to_have_text("Import SEN numbers")
    check_axe(page)
    page.get_by_label("SEN export (CSV or Excel .xlsx)").set_input_files(
        files=[
            {"name": "sen-export.csv", "mimeType": "text/csv", "buffer": _export_csv()}
        ]
    )
    page.get_by_role("button", name="Read the file").click()

    expect(_heading(page)).to_have_text("Check the imported numbers")
    expect(page.get_by_text("Read 409 rows.", exact=False)).to_be_visible()
    check_axe(page)
    page.get_by_role("button", name="Use these numbers").click()

    expect(_status(page)).to_contain_text("The imported numbers are now in")
    numbers = page.locator("#numbers")
    expect(_row(numbers, "SEN support")).to_contain_text("61")
    expect(_row(numbers, "EHC plans")).to_contain_text("14")
    assert "Ashworth" not in page.content()
    check_axe(page)


def _export_csv() -> bytes:
    """A pupil-level export as an MIS gives it, names and all (never stored): 409 pupils,
    61 on SEN support and 14 with EHC plans, close to last term's."""

    rows = ["Surname,Forename,NC Year,SEN Status,Primary Need"]
    for year, support, plans in SEN_BY_YEAR:
        rows += [
            f"Ashworth,Sam,{year},SEN Support,{SUPPORT_NEEDS[k % 5]}"
            for k in range(support)
        ]
        rows += [
            f"Brennan,Alex,{year},EHC Plan,{PLAN_NEEDS[k % 3]}" for k in range(plans)
        ]
    years = [year for year, _support, _plans in SEN_BY_YEAR]
    rows += [f"Chowdhury,Jo,{years[k % 7]},," for k in range(409 - 61 - 14)]

    return ("\ufeff" + "\r\n".join(rows) + "\r\n").encode()


def _write_the_narrative(page: Page) -> None:
    page.get_by_role("link", name="Edit the narrative").click()
    expect(_heading(page)).to_have_text("Narrative")
    check_axe(page)
    page.get_by_label("Ongoing issues and concerns").fill(
        "Four pupils wait for ELSA sessions; a second ELSA starts training in January."
    )
    page.get_by_role("button", name="Save").click()

    expect(_status(page)).to_have_text("Narrative saved.")
    expect(page.locator("#narrative")).to_contain_text(
        "Four pupils wait for ELSA sessions; a second ELSA starts training in January."
    )
    check_axe(page)


def _submit(page: Page) -> None:
    page.get_by_role("link", name="Submit to governors").click()
    expect(_heading(page)).to_contain_text("report to governors?")
    check_axe(page)
    page.get_by_role("button", name="Yes, submit to governors").click()

    expect(_status(page)).to_contain_text("submitted to governors")
    expect(page.locator(".lede")).to_contain_text("Submitted")
    expect(page.get_by_role("link", name="Submit to governors")).to_have_count(0)
    check_axe(page)


# Upload this year's SEN Information Report and run the check


def upload_and_check_the_sen_information_report(
    page: Page, report: Path, tmp_path: Path
) -> None:
    not_a_pdf = tmp_path / "sen-information-report-notes.pdf"
    not_a_pdf.write_text("Notes for the report, saved as plain text.")

    open_from_nav(page, "Documents")
    expect(_heading(page)).to_have_text("Documents")
    check_axe(page)
    page.get_by_role("link", name=re.compile("^SEN Information Report")).first.click()
    expect(_heading(page)).to_contain_text("SEN Information Report")
    check_axe(page)
    page.get_by_role("link", name="Upload a new version").click()
    expect(_heading(page)).to_contain_text("Upload a new version of")
    check_axe(page)

    page.get_by_label("File", exact=True).set_input_files(str(not_a_pdf))
    page.get_by_role("button", name="Upload").click()
    expect(page).to_have_title(re.compile(r"^Error:"))  # waits for the page to load
    expect(page.get_by_role("alert")).to_contain_text(
        "sen-information-report-notes.pdf: this is plain text; Tandem accepts a PDF, "
        "a Word document (.docx) or a web page (HTML) here."
    )
    check_axe(page)

    page.get_by_label("File", exact=True).set_input_files(str(report))
    page.get_by_label("What changed").fill("Annual update")
    page.get_by_role("button", name="Upload").click()
    expect(_heading(page)).to_contain_text("version 2")
    expect(_status(page)).to_have_text("Version 2 has been added.")
    check_axe(page)

    page.get_by_role("button", name="Run the check").click()
    expect(_status(page)).to_have_text(
        "Check saved: evidence found for 24 of 24 items."
    )
    expect(page.locator("dd", has_text="senco@larkspur-primary")).to_contain_text(
        "Rhiannon Talbot"
    )
    expect(
        page.get_by_text("This version has not been put to the governors.")
    ).to_be_visible()
    check_axe(page)
    screenshot(page, "compliance-check", at=page.locator("#check-heading"))


# Small helpers


def _heading(page: Page) -> Locator:
    return page.get_by_role("heading", level=1)


def _status(page: Page) -> Locator:
    """The notice a page shows after a form was sent."""

    return page.locator(".notices").get_by_role("status")


def _row(within: Locator, header: str) -> Locator:
    """The first table row whose row header is exactly `header`."""

    return (
        within.locator("tr")
        .filter(has=within.page.get_by_role("rowheader", name=header, exact=True))
        .first
    )


def _fill_date(page: Page, label: str, day: dt.date) -> None:
    page.get_by_label(label, exact=True).fill(day.isoformat())


def _weekday_on_or_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def _weekday_on_or_before(day: dt.date, weekday: int) -> dt.date:
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)
