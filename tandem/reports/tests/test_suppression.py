import pytest

from tandem.reports.suppression import NOT_SHOWN, Line, protect, show


@pytest.mark.parametrize(
    ("value", "threshold", "text", "visible"),
    [
        (0, 5, "0", True),
        (1, 5, "fewer than 5", False),
        (4, 5, "fewer than 5", False),
        (5, 5, "5", True),
        (1234, 5, "1,234", True),
        (9, 10, "fewer than 10", False),
        (2, 1, "2", True),
    ],
)
def test_show(value: int, threshold: int, text: str, visible: bool) -> None:
    shown = show(value, threshold)

    assert shown.text == text
    assert shown.visible is visible
    assert shown.value == value


def test_senco_sees_every_number() -> None:
    assert show(3, 5, suppress=False).text == "3"
    shown = protect({"a": 3, "b": 9, "t": 12}, [Line(("a", "b"), "t")], suppress=False)

    assert [cell.text for cell in shown.values()] == ["3", "9", "12"]


def test_one_hidden_cell_in_a_line_hides_the_next_smallest() -> None:
    # Year 1: K 3, E 9, total 12. Without more hiding, 12 - 9 reveals the 3.
    values = {"k": 3, "e": 9, "total": 12}

    shown = protect(values, [Line(("k", "e"), "total")])

    assert shown["k"].text == "fewer than 5"
    assert shown["e"].text == NOT_SHOWN
    assert shown["e"].withheld is True
    assert shown["total"].text == "12"


def test_smallest_non_zero_is_withheld_not_a_zero() -> None:
    values = {"a": 2, "b": 0, "c": 30, "d": 8, "t": 40}

    shown = protect(values, [Line(("a", "b", "c", "d"), "t")])

    assert [shown[key].text for key in "abcdt"] == [
        "fewer than 5",
        "0",
        "30",
        NOT_SHOWN,
        "40",
    ]


def test_two_hidden_cells_need_nothing_more() -> None:
    values = {"a": 2, "b": 3, "c": 30, "t": 35}

    shown = protect(values, [Line(("a", "b", "c"), "t")])

    assert [shown[key].text for key in "abct"] == [
        "fewer than 5",
        "fewer than 5",
        "30",
        "35",
    ]


def test_a_row_gives_up_its_total_before_its_parts() -> None:
    values = {"k": 9, "e": 3, "t": 12}

    shown = protect(values, [Line(("k", "e"), "t", prefer_total=True)])

    assert [shown[key].text for key in "ket"] == ["9", "fewer than 5", NOT_SHOWN]


def test_two_way_table_with_shared_totals() -> None:
    # Year groups (rows) by provision (columns), with the K and E totals shared.
    values = {
        ("Y1", "K"): 8,
        ("Y1", "E"): 2,
        ("Y1", "all"): 10,
        ("Y2", "K"): 12,
        ("Y2", "E"): 6,
        ("Y2", "all"): 18,
        ("all", "K"): 20,
        ("all", "E"): 8,
        ("all", "all"): 28,
    }
    lines = [
        Line((("Y1", "K"), ("Y1", "E")), ("Y1", "all")),
        Line((("Y2", "K"), ("Y2", "E")), ("Y2", "all")),
        Line((("all", "K"), ("all", "E")), ("all", "all")),
        Line((("Y1", "K"), ("Y2", "K")), ("all", "K")),
        Line((("Y1", "E"), ("Y2", "E")), ("all", "E")),
        Line((("Y1", "all"), ("Y2", "all")), ("all", "all")),
    ]

    shown = protect(values, lines)

    hidden = {key for key, cell in shown.items() if not cell.visible}
    assert hidden == {("Y1", "E"), ("Y1", "K"), ("Y2", "E"), ("Y2", "K")}
    for line in lines:
        members = [*line.parts, line.total]
        assert sum(not shown[key].visible for key in members) != 1, line
    assert shown[("Y2", "K")].text == NOT_SHOWN
    assert shown[("all", "E")].text == "8"


def test_a_small_total_is_suppressed_with_its_cells() -> None:
    values = {"k": 3, "e": 0, "t": 3}

    shown = protect(values, [Line(("k", "e"), "t")])

    assert [shown[key].text for key in "ket"] == ["fewer than 5", "0", "fewer than 5"]


def test_threshold_is_the_schools() -> None:
    values = {"k": 7, "e": 20, "t": 27}

    shown = protect(values, [Line(("k", "e"), "t")], threshold=10)

    assert [shown[key].text for key in "ket"] == ["fewer than 10", NOT_SHOWN, "27"]
