"""The SENCO's details, the local offer link, dates, other schools and claims."""

from datetime import date

import pytest

from tandem.compliance.checker.blocks import Block
from tandem.compliance.checker.details import (
    find_claims,
    find_dates,
    find_local_offer_url,
    find_other_schools,
    find_senco,
)

from .builders import check


def blocks(*texts: str) -> list[Block]:
    return [Block(text, f"paragraph {n}") for n, text in enumerate(texts, start=1)]


@pytest.mark.parametrize(
    ("texts", "name", "email", "phone"),
    [
        (["Our SENCO is Mrs Jane Harlow. Email senco@oak.example.sch.uk."],
         "Mrs Jane Harlow", "senco@oak.example.sch.uk", None),
        (["SENDCo: Mr A. Patel", "Telephone: 01632 960123"],
         "Mr A. Patel", None, "01632 960123"),
        (["Contact Ms Okafor, our SENCo, on (01632) 960 789."],
         "Ms Okafor", None, "(01632) 960 789"),
        (["The school's SENCO is Laura Penhale, who can be contacted at lp@w.example."],
         "Laura Penhale", "lp@w.example", None),
        (["Dr Owen Marsh is our Special Educational Needs Co-ordinator."],
         "Dr Owen Marsh", None, None),
        (["Mrs Smith, our headteacher, is also the SENCO. Call +44 1632 960555."],
         "Mrs Smith", None, "+44 1632 960555"),
        (["Please contact the SENCO through the office.", "Email inclusion@x.example."],
         None, "inclusion@x.example", None),
        (["Our SENCO started on 01/09/2025 and works 3 days."], None, None, None),
        (["SENCO: Mrs Zoë McDonald-O'Neill, 020 7946 0123."],
         "Mrs Zoë McDonald-O'Neill", None, "020 7946 0123"),
        (["SENCO: Mr J Smith (07700 900123)"], "Mr J Smith", None, "07700 900123"),
    ],
    ids=["email", "next-block", "bracketed-phone", "untitled", "long-title", "+44",
         "no-name", "date-not-phone", "hard-name", "initial-mobile"],
)  # fmt: skip
def test_find_senco(texts: list[str], name: str, email: str, phone: str) -> None:
    senco = find_senco(blocks(*texts))

    assert (senco.name, senco.email, senco.phone) == (name, email, phone)


def test_senco_far_from_contacts_is_named_but_item_4_not_found() -> None:
    result = check(
        b"Our SENCO is Mrs Jane Harlow.\n\nTrips\n\nWe go on trips.\n\n"
        b"Clubs\n\nWe run clubs.\n\nOffice: 01632 960000."
    )

    assert result.senco_name == "Mrs Jane Harlow"
    assert result.items["4"].found is False


@pytest.mark.parametrize(
    ("texts", "url"),
    [
        (["See the local offer at https://www.n.example.gov.uk/send/offer."],
         "https://www.n.example.gov.uk/send/offer"),
        (["Visit https://school.example/", "www.n.example.gov.uk/localoffer"],
         "www.n.example.gov.uk/localoffer"),
        (["Our website is https://school.example/ and nothing else."], None),
    ],
    ids=["beside-words", "in-address", "none"],
)  # fmt: skip
def test_find_local_offer_url(texts: list[str], url: str | None) -> None:
    assert find_local_offer_url(blocks(*texts)) == url


@pytest.mark.parametrize(
    ("texts", "report_date", "next_review"),
    [
        (["Date of this report: 15/09/2025."], date(2025, 9, 15), None),
        (["Last reviewed: September 2024. Next review: September 2025."],
         date(2024, 9, 1), date(2025, 9, 1)),
        (["Updated 3rd October 2025", "Approved by governors on 2025-10-20"],
         date(2025, 10, 20), None),
        (["SEN Information Report 2024/25"], date(2024, 9, 1), None),
        (["SEN Information Report 2024-2025"], date(2024, 9, 1), None),
        (["Pupils joined on 01/09/2025."], None, None),
        (["Updated: 31/02/2025."], None, None),
        (["Reviewed: 01/01/2027."], None, None),
        (["Reviewed: Autumn term 2025. Next review: Summer 2026."],
         date(2025, 9, 1), date(2026, 4, 1)),
        (["Approved in spring 2025."], date(2025, 1, 1), None),
    ],
    ids=["dd/mm/yyyy", "month-year", "latest-wins", "academic-year", "long-year",
         "unlabelled", "impossible", "future", "terms", "spring"],
)  # fmt: skip
def test_find_dates(texts: list[str], report_date: date, next_review: date) -> None:
    found = find_dates(blocks(*texts), on=date(2025, 12, 1))

    assert (found.report_date, found.next_review) == (report_date, next_review)


@pytest.mark.parametrize(
    ("line", "stale"),
    [
        ("Reviewed: 01/12/2024.", False),
        ("Reviewed: 30/11/2024.", True),
        ("Reviewed: 01/12/2025.", False),
        ("No date here.", True),
    ],
    ids=["exactly-12-months", "a-day-more", "today", "undated"],
)
def test_stale_is_more_than_12_months_or_undated(line: str, stale: bool) -> None:
    assert check(line.encode(), on=date(2025, 12, 1)).stale is stale


def test_29_february_report_is_stale_from_1_march_next_year() -> None:
    data = b"Reviewed: 29/02/2024."

    assert check(data, on=date(2025, 2, 28)).stale is False
    assert check(data, on=date(2025, 3, 1)).stale is True


@pytest.mark.parametrize(
    ("text", "own", "others"),
    [
        ("Pupils at Ashbrook Primary School are happy.", "Oakfield Primary School",
         ["Ashbrook Primary School"]),
        ("At Oakfield Primary we value everyone. Oakfield School is inclusive.",
         "Oakfield Primary School", []),
        ("Visit St Mary's C of E Primary School.", "St Mary's C of E Primary School",
         []),
        ("We run Forest School, and the Virtual School helps looked-after children.",
         "Oakfield Primary School", []),
        ("The Royal College of Speech and Language Therapists sets standards.",
         "Oakfield Primary School", []),
        ("Kestrel Learning Academy Trust runs us. Pupils move to Thornfield High "
         "School or Millbrook Academy.", "Larkspur Academy",
         ["Thornfield High School", "Millbrook Academy"]),
        ("Every secondary school and special school in the area.", "Oakfield", []),
    ],
    ids=["other", "own-variants", "own-with-apostrophe", "generic", "college-of",
         "trust-and-two", "lowercase"],
)  # fmt: skip
def test_find_other_schools(text: str, own: str, others: list[str]) -> None:
    assert find_other_schools(blocks(text), school_name=own) == others


def test_find_claims_lists_named_services_with_their_passage() -> None:
    claims = find_claims(
        blocks(
            "We buy time from the Northshire Educational Psychology Service.",
            "We work with CAMHS and the Brightpath Autism Outreach Team.",
            "Support from our team is good.",
        ),
        school_name="Oakfield Primary School",
    )

    assert [(c.name, c.where) for c in claims] == [
        ("Northshire Educational Psychology Service", "paragraph 1"),
        ("Brightpath Autism Outreach Team", "paragraph 2"),
        ("CAMHS", "paragraph 2"),
    ]
    assert claims[0].evidence == (
        "We buy time from the Northshire Educational Psychology Service."
    )


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The Information, Advice and Support Service helps families.",
         ["Information, Advice and Support Service"]),
        ("We work with CAMHS, Oak Outreach Team and Elm Speech Service.",
         ["CAMHS", "Oak Outreach Team", "Elm Speech Service"]),
        ("We work in partnership with Riverside Medical Practice and others.",
         ["Riverside Medical Practice"]),
        ("We hold the Inclusion Quality Mark and the Autism Friendly Award.",
         ["Inclusion Quality Mark", "Autism Friendly Award"]),
        ("We buy time from Acorn Therapies Ltd each term.", ["Acorn Therapies Ltd"]),
        ("We work in partnership with parents and carers.", []),
    ],
    ids=["comma-in-name", "list", "partnership", "awards", "buy-time", "no-name"],
)  # fmt: skip
def test_claim_names_with_commas(text: str, names: list[str]) -> None:
    claims = find_claims(blocks(text), school_name="Oakfield Primary School")

    assert [claim.name for claim in claims] == names


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        (b"Brackenbury CE Primary welcomes everyone.", False),
        (b"At Brackenbury we welcome everyone.", False),
        (b"Ashbrook Primary School welcomes everyone.", True),
    ],
    ids=["short-form", "one-word", "other-school"],
)
def test_warns_when_the_school_is_never_named(text: bytes, warned: bool) -> None:
    result = check(text, school="Brackenbury Church of England Primary School")

    warning = "The school's own name does not appear in the report."
    assert (warning in result.warnings) is warned
