"""Malformed bytes never crash the checker: a result or an UnreadableReport, nothing else."""

import zipfile
from datetime import date
from io import BytesIO

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tandem.compliance.checker import CheckResult, UnreadableReport, check_report
from tandem.fuzzing import needing_a_newer_zip_version

from .builders import make_docx, pdf_from_html

PDF = pdf_from_html("<h1>Report</h1><p>Our complaints policy is online.</p>")
DOCX = make_docx(("h1", "Complaints"), ("p", "Our complaints policy is online."))
PREFIXES = [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"<html><body><p>", b"\xff\xfe"]
# No example database: every run draws afresh and leaves nothing in the worktree.
FUZZ = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _check_never_crashes(data: bytes) -> None:
    try:
        result = check_report(
            data, "fuzz", school_name="Oak School", school_type="mainstream",
            on=date(2025, 12, 1),
        )  # fmt: skip
    except UnreadableReport as error:
        assert str(error)
        assert error.kind
    else:
        assert isinstance(result, CheckResult)
        assert set(result.to_json()["items"]) == set(result.items)


@FUZZ
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=2000))
def test_random_bytes(prefix: bytes, body: bytes) -> None:
    _check_never_crashes(prefix + body)


@FUZZ
@given(st.data())
def test_damaged_pdf(data: st.DataObject) -> None:
    cut = data.draw(st.integers(min_value=0, max_value=len(PDF)))
    noise = data.draw(st.binary(max_size=200))
    position = data.draw(st.integers(min_value=0, max_value=len(PDF)))
    _check_never_crashes(PDF[:cut] + noise + PDF[position:])


@FUZZ
@given(st.data())
def test_damaged_docx(data: st.DataObject) -> None:
    cut = data.draw(st.integers(min_value=0, max_value=len(DOCX)))
    noise = data.draw(st.binary(max_size=200))
    _check_never_crashes(DOCX[:cut] + noise + DOCX[cut + len(noise) :])


@FUZZ
@given(st.binary(max_size=3000))
def test_word_zip_with_garbage_document(body: bytes) -> None:
    buffer = BytesIO()
    with zipfile.ZipFile(BytesIO(DOCX)) as source, zipfile.ZipFile(buffer, "w") as out:
        for info in source.infolist():
            content = source.read(info.filename)
            out.writestr(info.filename, body if info.filename == "word/document.xml"
                         else content)  # fmt: skip
    _check_never_crashes(buffer.getvalue())


@FUZZ
@given(st.text(max_size=3000))
def test_any_text_or_markup(text: str) -> None:
    _check_never_crashes(text.encode("utf-8", "surrogatepass"))
    _check_never_crashes(("<html><body>" + text).encode("utf-8", "surrogatepass"))


def test_deeply_nested_html() -> None:
    _check_never_crashes(b"<div>" * 5000 + b"complaints" + b"</div>" * 5000)


def test_a_zip_needing_a_newer_zip_version_is_unreadable_not_a_crash() -> None:
    """Found by test_damaged_docx: three bytes over a central-directory entry made
    zipfile raise NotImplementedError ("zip file version 6.4")."""

    doctored = needing_a_newer_zip_version(DOCX)

    try:
        check_report(
            doctored, "fuzz", school_name="Oak School", school_type="mainstream",
            on=date(2025, 12, 1),
        )  # fmt: skip
    except UnreadableReport as error:
        assert str(error) == "The file is a damaged zip archive (a .docx is a zip)."
    else:
        raise AssertionError("a zip zipfile cannot read was checked as a report")
