"""Governor-facing exports carry no pupil-level data.

Each governor-facing role (SEN governor, governor, clerk, trust officer) crawls the demo
school from its dashboard and opens every export its pages link to (PDF, Word, calendar,
stored files), plus the inspection evidence pack. The demo's EHC applications carry a
school reference each (one pupil's application); governors see them only as counts by
stage, so no reference may appear in any of those files. Pupil names never reach Tandem
at all (the importer drops them), so the references are the pupil-level data to look for.
"""

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model

from tandem.compliance import evidence_pack
from tandem.lib.docx import docx_text
from tandem.lib.pdf import pdf_text
from tandem.reports.models import EhcApplication
from tandem.schools import demo
from tandem.testing import crawl

EXPORT = re.compile(r"\.(pdf|docx|ics)$|/file/$")
NOT_FETCHED = re.compile(r"\.(csv|xlsx|png|svg|css|js)$")
GOVERNOR_FACING = ["demo-governor", "demo-board", "demo-clerk", "demo-officer"]


@pytest.mark.slow
@pytest.mark.django_db
def test_no_governor_facing_export_names_an_ehc_application(client) -> None:  # noqa: ANN001
    seeded = demo.seed_demo()
    references = set(EhcApplication.objects.values_list("reference", flat=True))
    assert len(references) >= 3, "the demo needs EHC references to look for"

    opened = {}
    for user in get_user_model().objects.filter(username__in=GOVERNOR_FACING):
        client.force_login(user)
        opened |= _exports_linked_for(client)
    opened["evidence pack"] = _text(
        "pack.pdf", evidence_pack.build(seeded.school, today=date(2026, 12, 3)).pdf
    )

    kinds = {path.rsplit(".", 1)[-1] for path in opened if "." in path}
    assert {"pdf", "docx", "ics"} <= kinds, f"too few kinds of export reached: {kinds}"
    assert any("report.pdf" in path for path in opened)
    assert _leaks(opened, references) == {}


@pytest.mark.slow
@pytest.mark.django_db
def test_the_senco_s_exports_do_name_them(client) -> None:  # noqa: ANN001
    """The control: the same crawl as the SENCO finds the references in the full report,
    so the governors' test above would see a leak."""

    demo.seed_demo()
    references = set(EhcApplication.objects.values_list("reference", flat=True))
    client.force_login(get_user_model().objects.get(username="demo-senco"))

    leaks = _leaks(_exports_linked_for(client), references)

    assert any(path.endswith("report.docx") for path in leaks), sorted(leaks)


def _leaks(opened: dict[str, str], references: set[str]) -> dict[str, list[str]]:
    found = {
        path: sorted(ref for ref in references if ref in text)
        for path, text in opened.items()
    }

    return {path: refs for path, refs in found.items() if refs}


def _exports_linked_for(client) -> dict[str, str]:  # noqa: ANN001
    """The text of every export linked from the pages this client can reach."""

    exports = {}
    for path, response in crawl(client, fetch=lambda p: not NOT_FETCHED.search(p)):
        if EXPORT.search(path):
            assert response.status_code == 200, path
            exports[path] = _text(path, b"".join(response))

    return exports


def _text(path: str, data: bytes) -> str:
    if data.startswith(b"%PDF"):
        return "\n".join(pdf_text(data))
    if data.startswith(b"PK"):
        return docx_text(data)

    return data.decode("utf-8", errors="replace")
