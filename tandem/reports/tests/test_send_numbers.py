from tandem.reports.send_numbers import NOT_RECORDED, SendNumbers, send_view

NUMBERS = SendNumbers(
    roll=412,
    sen_support=57,
    ehc_plans=9,
    by_year={
        "R": {"K": 3, "E": 0},
        "Y1": {"K": 10, "E": 2},
        "Y2": {"K": 14, "E": 3},
        "Y3": {"K": 30, "E": 4},
    },
    by_need={
        "SLCN": {"K": 20, "E": 3},
        "ASD": {"K": 9, "E": 5},
        "SEMH": {"K": 25, "E": 0},
    },
)


def test_senco_sees_every_number_with_percentages() -> None:
    view = send_view(NUMBERS, threshold=5, suppress=False)

    assert [(h.label, h.count.text, h.percent) for h in view.headlines] == [
        ("SEN support", "57", "13.8%"),
        ("EHC plans", "9", "2.2%"),
        ("All SEN", "66", "16.0%"),
    ]
    assert [
        (r.label, r.sen_support.text, r.ehc_plans.text, r.total.text)
        for r in view.years
    ] == [
        ("Reception", "3", "0", "3"),
        ("Year 1", "10", "2", "12"),
        ("Year 2", "14", "3", "17"),
        ("Year 3", "30", "4", "34"),
    ]
    assert view.any_hidden is False


def test_needs_not_recorded_become_a_row() -> None:
    view = send_view(NUMBERS, threshold=5, suppress=False)

    assert [(r.code, r.sen_support.value, r.ehc_plans.value) for r in view.needs] == [
        ("SLCN", 20, 3),
        ("ASD", 9, 5),
        ("SEMH", 25, 0),
        (NOT_RECORDED, 3, 1),
    ]
    assert view.needs[-1].label == "Primary need not recorded"


def test_governor_view_hides_small_numbers_and_what_would_reveal_them() -> None:
    view = send_view(NUMBERS, threshold=5, suppress=True)

    assert [(h.count.text, h.percent) for h in view.headlines] == [
        ("57", "13.8%"),
        ("9", "2.2%"),
        ("66", "16.0%"),
    ]
    years = {
        r.code: (r.sen_support.text, r.ehc_plans.text, r.total.text) for r in view.years
    }
    assert years == {
        "R": ("fewer than 5", "0", "fewer than 5"),
        # Reception's 3 would follow from 57 minus the others, so Year 1's 10 goes too.
        "Y1": ("not shown", "fewer than 5", "not shown"),
        # A row gives up its total before its parts, so these SEN support figures stay.
        "Y2": ("14", "fewer than 5", "not shown"),
        "Y3": ("30", "fewer than 5", "not shown"),
    }
    assert view.any_hidden is True
    # No row, column or headline sum may have exactly one hidden entry.
    for row in view.years:
        hidden = [not c.visible for c in (row.sen_support, row.ehc_plans, row.total)]
        assert sum(hidden) != 1, row
    for attr in ("sen_support", "ehc_plans", "total"):
        column = [not getattr(r, attr).visible for r in view.years]
        assert sum(column) != 1, attr


def test_small_headline_hides_its_percentage() -> None:
    numbers = SendNumbers(roll=90, sen_support=12, ehc_plans=2, by_year={}, by_need={})

    view = send_view(numbers, threshold=5, suppress=True)

    assert [(h.count.text, h.percent) for h in view.headlines] == [
        ("12", "13.3%"),
        ("fewer than 5", "not shown"),
        ("not shown", "not shown"),
    ]


def test_without_a_roll_percentages_are_na() -> None:
    numbers = SendNumbers(
        roll=None, sen_support=12, ehc_plans=6, by_year={}, by_need={}
    )

    view = send_view(numbers, threshold=5, suppress=True)

    assert [h.percent for h in view.headlines] == ["n/a", "n/a", "n/a"]
