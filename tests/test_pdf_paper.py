"""Every PDF export prints on the school's paper colour (the demo's is #fff8e1), and
every Word export carries it as its page colour.

The SENCO crawls the demo school from the dashboard and opens one PDF of each kind
its pages link to (the termly report, duties map, team register, year planner,
meeting record, action log, sign-off statement), plus the evidence pack's contents
page; every page's margin must be the paper colour, not white.
"""

import io
import re
from datetime import date

import docx
import pypdfium2
import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from docx.oxml.ns import qn

from tandem.compliance import evidence_pack
from tandem.schools import demo
from tandem.testing import crawl

NOT_A_PAGE = re.compile(r"\.(csv|xlsx|png|svg|css|js|docx|ics)$|/file/$")
PAPER = (0xFF, 0xF8, 0xE1)  # the demo school's #fff8e1
KINDS = {
    "report.pdf",
    "map.pdf",
    "register.pdf",
    "planner.pdf",
    "record.pdf",
    "statement.pdf",
}


def page_corners(data: bytes) -> list[tuple[int, int, int]]:
    """The colour of each page's top-left corner, in the margin."""

    document = pypdfium2.PdfDocument(data)
    try:
        return [
            page.render(scale=0.25).to_pil().convert("RGB").getpixel((2, 2))
            for page in document
        ]
    finally:
        document.close()


def one_pdf_of_each_kind(client) -> dict[str, bytes]:  # noqa: ANN001
    found = {}

    def fetch(path: str) -> bool:
        kind = path.rsplit("/", 1)[-1]
        return (
            kind not in found if kind.endswith(".pdf") else not NOT_A_PAGE.search(path)
        )

    for path, response in crawl(client, fetch=fetch):
        kind = path.rsplit("/", 1)[-1]
        if kind.endswith(".pdf"):
            assert response.status_code == 200, path
            found[kind] = b"".join(response)

    return found


@pytest.mark.slow
@pytest.mark.django_db
def test_every_pdf_export_prints_on_the_school_s_paper(client) -> None:  # noqa: ANN001
    seeded = demo.seed_demo()
    assert seeded.school.paper_colour == "#fff8e1"
    client.force_login(get_user_model().objects.get(username="demo-senco"))

    pdfs = one_pdf_of_each_kind(client)
    # The action log is linked with ?year=, which the crawl does not follow.
    log = reverse("meetings:action-log-pdf", kwargs={"urn": seeded.school.urn})
    pdfs["log.pdf"] = b"".join(client.get(log))
    pack = evidence_pack.build(seeded.school, today=date(2026, 12, 3)).pdf

    assert KINDS <= set(pdfs), f"not every kind of PDF was reached: {sorted(pdfs)}"
    for kind, data in pdfs.items():
        assert set(page_corners(data)) == {PAPER}, kind
    assert page_corners(pack)[0] == PAPER  # the contents page


@pytest.mark.django_db
def test_a_white_school_prints_white(client) -> None:  # noqa: ANN001
    """The control: the same check sees white, so the test above can fail."""

    seeded = demo.seed_demo()
    seeded.school.paper_colour = "#ffffff"
    seeded.school.save(update_fields=["paper_colour"])
    client.force_login(get_user_model().objects.get(username="demo-senco"))

    response = client.get(f"/schools/{seeded.school.urn}/team/register.pdf")

    assert set(page_corners(b"".join(response))) == {(255, 255, 255)}


DOCX_KINDS = {"report.docx", "map.docx", "register.docx", "record.docx"}


@pytest.mark.slow
@pytest.mark.django_db
def test_every_word_export_has_the_school_s_page_colour(client) -> None:  # noqa: ANN001
    demo.seed_demo()
    client.force_login(get_user_model().objects.get(username="demo-senco"))
    found = {}

    def fetch(path: str) -> bool:
        kind = path.rsplit("/", 1)[-1]
        if kind.endswith(".docx"):
            return kind not in found
        return not re.search(r"\.(pdf|ics|csv|xlsx|png|svg|css|js)$|/file/$", path)

    for path, response in crawl(client, fetch=fetch):
        kind = path.rsplit("/", 1)[-1]
        if kind.endswith(".docx"):
            found[kind] = docx.Document(io.BytesIO(b"".join(response)))

    assert set(found) == DOCX_KINDS
    colours = {
        kind: document.element.find(qn("w:background")).get(qn("w:color"))
        for kind, document in found.items()
    }
    assert colours == dict.fromkeys(DOCX_KINDS, "FFF8E1")
