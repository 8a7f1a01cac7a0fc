"""Property tests: whatever bytes arrive, the parser answers or raises its own error."""

from collections import Counter

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tandem.reports.imports import ImportResult, SenImportError, parse_sen_file

from .builders import csv_bytes, pupil_rows, xlsx_bytes

FUZZ = settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def parses_or_refuses(data: bytes, filename: str = "fuzz.csv") -> ImportResult | None:
    try:
        return parse_sen_file(data, filename)
    except SenImportError as error:
        assert error.problems
        assert all(problem.file == filename for problem in error.problems)
        return None


@FUZZ
@given(st.binary(max_size=2048))
@example(b"\xef\xbb\xbf\x00")
@example(b'"')
@example(b"SEN Status\n" + b'"' * 10)
@example(b"\xff\xfe\x00")
@example(b'sep="\nSEN Status,NC Year\nK,1\n')
def test_any_bytes(data):
    parses_or_refuses(data)


@FUZZ
@given(st.binary(max_size=512))
def test_bytes_that_claim_to_be_a_workbook(data):
    parses_or_refuses(b"PK\x03\x04" + data, "fuzz.xlsx")


WORKBOOK = xlsx_bytes(pupil_rows(), title="Register")


@settings(max_examples=60, deadline=None, database=None)
@given(st.data())
def test_damaged_workbooks(data):
    damaged = bytearray(WORKBOOK)
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(damaged) - 1))
        damaged[position] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(4, len(damaged)))

    parses_or_refuses(bytes(damaged[:cut]), "damaged.xlsx")


CELL = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12
)


@FUZZ
@given(st.lists(st.tuples(CELL, CELL, CELL, CELL), max_size=20))
def test_junk_under_real_headings(rows):
    data = csv_bytes([("NC Year", "SEN Status", "Primary Need", "Surname"), *rows])

    result = parses_or_refuses(data)

    if result is not None and result.pupils is not None:
        assert result.sen_support + result.ehc_plan <= result.pupils


STATUSES = {
    "SEN Support": "K",
    "K": "K",
    "EHC Plan": "E",
    "Education, Health and Care Plan": "E",
    "No Special Educational Need": "N",
    "N": "N",
    "": "N",
}
YEARS = {"N1": "N1", "Reception": "R", "Y1": "Y1", "Year 6": "Y6", "11": "Y11"}
NEEDS = {"ASD": "ASD", "Speech, Language and Communication Needs": "SLCN", "DS": "DS"}
NAME = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=12, max_size=16)

PUPIL = st.tuples(
    NAME,
    st.sampled_from(sorted(YEARS)),
    st.sampled_from(sorted(STATUSES)),
    st.sampled_from(sorted(NEEDS)),
)


@settings(max_examples=100, deadline=None, database=None)
@given(
    st.lists(PUPIL, min_size=1, max_size=60),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["utf-8-sig", "cp1252", "utf-8"]),
)
def test_counts_match_and_no_name_escapes(pupils, separator, encoding):
    rows = [("Surname", "NC Year", "SEN Status", "Primary Need")]
    rows += pupils
    data = csv_bytes(rows, separator=separator, encoding=encoding)

    result = parse_sen_file(data, "register.csv")

    provisions = Counter(STATUSES[status] for _, _, status, _ in pupils)
    by_year = Counter((YEARS[year], STATUSES[status]) for _, year, status, _ in pupils)
    by_need = Counter(
        (NEEDS[need], STATUSES[status])
        for _, _, status, need in pupils
        if STATUSES[status] != "N"
    )
    assert result.sen_support == provisions["K"]
    assert result.ehc_plan == provisions["E"]
    assert result.pupils == (len(pupils) if provisions["N"] else None)
    for year, counts in result.by_year.items():
        assert counts == {p: by_year[(year, p)] for p in "KEN"}
    for need, counts in result.by_need.items():
        assert counts == {p: by_need[(need, p)] for p in "KE"}
    assert sum(sum(c.values()) for c in result.by_year.values()) == len(pupils)
    everything = repr(result) + repr(result.as_json())
    for name, *_ in pupils:
        assert name not in everything
