import datetime as dt
import itertools
import math

import pytest

from tandem.duties.catalogue import default_catalogue
from tandem.duties.venn import Label, VennLayout, layout, region_name

REGIONS = [
    frozenset(keys)
    for size in (1, 2, 3)
    for keys in itertools.combinations(("gb", "senco", "slt"), size)
]


def default_holdings() -> dict[str, frozenset[str]]:
    duties = default_catalogue().in_force_on(dt.date(2025, 12, 1))
    return {duty.code: duty.holders for duty in duties}


def corners(label: Label) -> list[tuple[float, float]]:
    return [
        (label.x + sx * label.width / 2, label.y + sy * label.height / 2)
        for sx in (-1, 1)
        for sy in (-1, 1)
    ]


def assert_in_its_region(drawing: VennLayout, label: Label) -> None:
    for circle in drawing.circles:
        distances = [
            math.hypot(x - circle.cx, y - circle.cy) for x, y in corners(label)
        ]
        if circle.key in label.holders:
            assert max(distances) < circle.r, (label.code, circle.key)
        else:
            nearest_x = min(max(circle.cx, label.left), label.left + label.width)
            nearest_y = min(max(circle.cy, label.top), label.top + label.height)
            gap = math.hypot(nearest_x - circle.cx, nearest_y - circle.cy)
            assert gap > circle.r, (label.code, circle.key)


def assert_no_overlaps(labels: tuple[Label, ...]) -> None:
    for a, b in itertools.combinations(labels, 2):
        apart_x = abs(a.x - b.x) >= (a.width + b.width) / 2
        apart_y = abs(a.y - b.y) >= (a.height + b.height) / 2
        assert apart_x or apart_y, (a.code, b.code)


class TestVennLayout:
    def test_default_map_places_every_duty_in_its_region(self) -> None:
        drawing = layout(default_holdings())

        assert sorted(label.code for label in drawing.labels) == [
            f"D{n:02d}" for n in range(1, 26)
        ]
        for label in drawing.labels:
            assert_in_its_region(drawing, label)
        assert_no_overlaps(drawing.labels)

    def test_default_map_is_drawn_at_full_size(self) -> None:
        drawing = layout(default_holdings())

        assert {label.font_size for label in drawing.labels} == {14.0}
        assert (drawing.unheld, drawing.strip) == ((), None)
        assert drawing.height == 710.0

    def test_labels_keep_their_holders(self) -> None:
        labels = {label.code: label for label in layout(default_holdings()).labels}

        assert labels["D07"].holders == {"senco"}
        assert labels["D01"].holders == {"gb", "senco", "slt"}

    @pytest.mark.parametrize("region", REGIONS, ids=sorted)
    def test_forty_duties_in_one_region_still_fit(self, region: frozenset) -> None:
        holdings = {f"S{n:02d}": region for n in range(1, 41)}

        drawing = layout(holdings)

        assert len(drawing.labels) == 40
        for label in drawing.labels:
            assert_in_its_region(drawing, label)
        assert_no_overlaps(drawing.labels)
        assert min(label.font_size for label in drawing.labels) >= 4.2

    def test_only_the_crowded_region_shrinks(self) -> None:
        holdings = default_holdings()
        holdings.update({f"S{n:02d}": frozenset({"gb", "slt"}) for n in range(1, 16)})

        sizes = {label.holders: label.font_size for label in layout(holdings).labels}

        assert sizes[frozenset({"gb", "slt"})] < 14.0
        assert sizes[frozenset({"senco"})] == 14.0

    def test_duties_nobody_holds_sit_in_the_flagged_strip(self) -> None:
        holdings = default_holdings() | {"D03": frozenset(), "D22": frozenset()}

        drawing = layout(holdings)

        assert [label.code for label in drawing.unheld] == ["D03", "D22"]
        assert "D03" not in {label.code for label in drawing.labels}
        strip = drawing.strip
        assert strip is not None
        for label in drawing.unheld:
            assert (
                strip.x < label.left
                and label.left + label.width < strip.x + strip.width
            )
            assert strip.title_y < label.top < strip.y + strip.height
            for circle in drawing.circles:
                assert label.top > circle.cy + circle.r
        assert drawing.height > strip.y + strip.height

    def test_many_unheld_duties_wrap_onto_rows(self) -> None:
        drawing = layout({f"D{n:02d}": frozenset() for n in range(1, 26)})

        rows = sorted({label.y for label in drawing.unheld})
        assert len(drawing.unheld) == 25 and len(rows) == 2
        assert_no_overlaps(drawing.unheld)

    def test_unknown_holder_is_refused(self) -> None:
        with pytest.raises(ValueError, match="Unknown holder 'pta'"):
            layout({"D01": frozenset({"gb", "pta"})})


@pytest.mark.parametrize(
    ("holders", "name"),
    [
        (frozenset(), "nobody"),
        (frozenset({"senco"}), "the SENCO"),
        (frozenset({"slt", "gb"}), "the governing body and senior leaders"),
        (
            frozenset({"slt", "senco", "gb"}),
            "the governing body, the SENCO and senior leaders",
        ),
    ],
)
def test_region_name(holders: frozenset[str], name: str) -> None:
    assert region_name(holders) == name
