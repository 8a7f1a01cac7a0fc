"""Malformed files sent to a termly report's SEN import, on the page and by
`tandem import-sen-data`.

The page never saves on upload: a file is refused with every problem listed (each naming
the file, and the row and column where there is one) or its counts wait in the session
for the SENCO to confirm. The command refuses with exit status 2 and saves nothing, or
saves the counts the file holds, whole.
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils.html import escape
from hypothesis import event, given
from hypothesis import strategies as st

from tandem.fuzzing import (
    FORMATS,
    UPLOAD_FUZZ,
    VALID,
    Upload,
    is_a_sentence,
    malformed_files,
    stored,
)
from tandem.reports import services
from tandem.reports.imports import SenImportError, parse_sen_file
from tandem.reports.management.commands.import_sen_data import COLUMN_HINT
from tandem.reports.models import TermlyReport
from tandem.reports.tests.builders import make_report
from tandem.testing import make_world

pytestmark = pytest.mark.django_db
HEADINGS = ["Surname", "NC Year", "SEN Status", "Primary Need", "Y3", "K", ""]
MAPPING = st.fixed_dictionaries(
    {
        "choose_columns": st.just("1"),
        "map_year": st.sampled_from(HEADINGS),
        "map_provision": st.sampled_from(HEADINGS),
        "map_need": st.sampled_from(HEADINGS),
        "remember": st.sampled_from(["on", ""]),
    }
)


@pytest.fixture
def world():  # noqa: ANN201
    return make_world()


@pytest.fixture
def report(world, settings, tmp_path):  # noqa: ANN001, ANN201
    settings.MEDIA_ROOT = tmp_path / "uploads"
    return make_report(world.school, by=world.user("senco"))


@pytest.fixture
def senco_client(client, world):  # noqa: ANN001, ANN201
    client.force_login(world.user("senco"))
    return client


def pending_key(report: TermlyReport) -> str:
    return f"reports.pending_import.{report.pk}"


def post_import(client, report, upload: Upload, **fields: str):  # noqa: ANN001, ANN201
    session = client.session
    session.pop(pending_key(report), None)  # what an earlier example left waiting
    session.save()
    address = reverse(
        "reports:report-import", kwargs={"urn": report.school.urn, "pk": report.pk}
    )
    file = SimpleUploadedFile(upload.name, upload.data)

    return client.post(address, {"file": file, **fields})


def assert_refused_naming_the_file(response, upload: Upload) -> None:  # noqa: ANN001
    problems = response.context["problems"]
    assert problems
    page = response.content.decode()
    assert "Nothing has been saved." in page
    for problem in problems:
        assert problem.file == upload.name
        assert is_a_sentence(problem.message)
        assert str(problem).startswith(upload.name)
        if problem.row is not None:
            assert f"{upload.name}, row {problem.row}" in str(problem)
        assert escape(str(problem)) in page


@pytest.mark.parametrize("claims", FORMATS)
@UPLOAD_FUZZ
@given(data=st.data())
def test_a_malformed_file_is_refused_or_waits_unsaved(
    senco_client, report, claims, data
):
    upload = data.draw(malformed_files(claims))

    response = import_is_refused_or_waits_unsaved(senco_client, report, upload)

    event(f"{claims}: {response.status_code}")


@pytest.mark.parametrize(
    "upload",
    [
        Upload(b"", "export.csv", "csv"),
        Upload(b'NC Year,SEN Status\r\n"Y3,K\r\n', "export.csv", "csv"),
        Upload(VALID["xlsx"]()[:1500], "export.xlsx", "xlsx"),
    ],
)
def test_files_that_cannot_be_read_are_refused(senco_client, report, upload):
    response = import_is_refused_or_waits_unsaved(senco_client, report, upload)

    assert response.status_code == 200


def import_is_refused_or_waits_unsaved(client, report, upload: Upload):  # noqa: ANN001, ANN201
    """Post the file; assert it was refused naming it, or waits for confirmation."""

    before = stored("reports")

    response = post_import(client, report, upload)

    pending = client.session.get(pending_key(report))
    if response.status_code == 302:
        assert response["Location"].endswith(f"/reports/{report.pk}/import/preview/")
        assert pending["rows_read"] >= 1
    else:
        assert response.status_code == 200
        assert_refused_naming_the_file(response, upload)
        assert pending is None
    assert stored("reports") == before

    return response


@pytest.mark.parametrize("claims", ["csv", "xlsx"])
@UPLOAD_FUZZ
@given(data=st.data(), columns=MAPPING)
def test_columns_chosen_for_a_malformed_file_save_only_a_mapping(
    senco_client, report, claims, data, columns
):
    upload = data.draw(malformed_files(claims))
    before = stored("reports")

    response = post_import(senco_client, report, upload, **columns)

    changes = stored("reports").changes_since(before)
    if response.status_code == 302:
        assert senco_client.session.get(pending_key(report)) is not None
        assert changes in ({}, {"audit.AuditEntry": 1}, {
            "reports.ColumnMapping": 1, "audit.AuditEntry": 1,
        })  # fmt: skip
        assert not changes or columns["remember"] == "on"
        return
    assert response.status_code == 200
    if response.context["problems"]:
        assert_refused_naming_the_file(response, upload)
    else:  # the choices themselves were refused, each with a sentence
        errors = response.context["form"].errors
        assert errors
        assert all(is_a_sentence(m) for ms in errors.values() for m in ms)
    assert changes == {}


def test_a_sound_file_is_saved_once_confirmed(senco_client, report):
    upload = Upload(VALID["xlsx"](), "export.xlsx", "xlsx")
    before = stored("reports")

    response = post_import(senco_client, report, upload)
    assert response.status_code == 302
    assert stored("reports") == before
    senco_client.post(response["Location"])

    report.refresh_from_db()
    changes = stored("reports").changes_since(before)
    assert changes["audit.AuditEntry"] == 1
    assert changes["reports.SendCount"] > 0
    numbers = services.numbers_of(report)
    assert (numbers.roll, numbers.sen_support, numbers.ehc_plans) == (4, 2, 1)


# The command line ---------------------------------------------------------------------


def run_import(path: str, urn: str) -> tuple[int, str]:
    err = io.StringIO()
    try:
        call_command(
            "import_sen_data", path, "--school", urn, "--term", "2025-26:spring",
            stdout=io.StringIO(), stderr=err,
        )  # fmt: skip
    except CommandError as error:
        assert str(error) == "Nothing was imported; correct the file and try again."
        return error.returncode, err.getvalue()

    return 0, err.getvalue()


@pytest.mark.parametrize("claims", FORMATS)
@UPLOAD_FUZZ
@given(data=st.data())
def test_the_command_refuses_a_malformed_file_or_saves_it_whole(
    world, tmp_path, claims, data
):
    upload = data.draw(malformed_files(claims))
    path = tmp_path / upload.name
    path.write_bytes(upload.data)
    before = stored("reports")

    status, err = run_import(str(path), world.school.urn)

    event(f"{claims}: exit {status}")
    if status:
        assert status == 2
        with pytest.raises(SenImportError) as caught:
            parse_sen_file(upload.data, upload.name, urn=world.school.urn)
        assert err.strip().removesuffix(COLUMN_HINT).strip() == str(caught.value)
        assert all(p.file == upload.name for p in caught.value.problems)
        assert stored("reports") == before
        return
    report = TermlyReport.objects.get(academic_year="2025/26", term="spring")
    result = parse_sen_file(upload.data, upload.name, urn=world.school.urn)
    numbers = services.numbers_of(report)
    assert (numbers.sen_support, numbers.ehc_plans) == (
        result.sen_support,
        result.ehc_plan,
    )


def test_the_command_saves_a_sound_file(world, tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(VALID["csv"]())
    before = stored("reports")

    assert run_import(str(path), world.school.urn) == (0, "")

    changes = stored("reports").changes_since(before)
    assert changes["reports.TermlyReport"] == 1
    assert changes["reports.SendCount"] > 0
    report = TermlyReport.objects.get(academic_year="2025/26", term="spring")
    numbers = services.numbers_of(report)
    assert (numbers.roll, numbers.sen_support, numbers.ehc_plans) == (4, 2, 1)
