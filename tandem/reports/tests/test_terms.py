import pytest

from tandem.reports.terms import TermKey, academic_year_label, parse_academic_year


@pytest.mark.parametrize(
    ("label", "start"), [("2026/27", 2026), ("2026-27", 2026), ("1999/00", 1999)]
)
def test_parse_academic_year(label: str, start: int) -> None:
    assert parse_academic_year(label) == start
    assert academic_year_label(start) == label.replace("-", "/")


@pytest.mark.parametrize("label", ["2026/28", "2026", "26/27", "2026/2027"])
def test_parse_academic_year_rejects(label: str) -> None:
    with pytest.raises(ValueError, match="academic year"):
        parse_academic_year(label)


@pytest.mark.parametrize(
    ("text", "previous", "year_before", "following"),
    [
        ("2026-27:autumn", "2025-26:summer", "2025-26:autumn", "2026-27:spring"),
        ("2026-27:spring", "2026-27:autumn", "2025-26:spring", "2026-27:summer"),
        ("2025-26:summer", "2025-26:spring", "2024-25:summer", "2026-27:autumn"),
    ],
)
def test_neighbours(text: str, previous: str, year_before: str, following: str) -> None:
    term = TermKey.parse(text)

    assert str(term) == text
    assert str(term.previous) == previous
    assert str(term.year_before) == year_before
    assert str(term.next) == following


def test_ordering_and_labels() -> None:
    keys = [
        TermKey.of("2025/26", "summer"),
        TermKey.of("2024/25", "summer"),
        TermKey.of("2025/26", "Autumn"),
    ]

    assert [key.label for key in sorted(keys)] == [
        "Summer 2024/25",
        "Autumn 2025/26",
        "Summer 2025/26",
    ]


@pytest.mark.parametrize("text", ["2026-27", "2026-27:winter", "2026:autumn"])
def test_parse_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="is not"):
        TermKey.parse(text)
