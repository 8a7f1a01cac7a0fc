"""The dated national benchmarks file."""

from decimal import Decimal

from tandem.reports.imports.national import (
    load_national_figures,
    national_figures_for,
)


def test_every_year_is_dated_sourced_and_decimal():
    figures = load_national_figures()

    assert [f.academic_year for f in figures] == ["2023/24", "2024/25", "2025/26"]
    for year in figures:
        assert year.sources and all(s.startswith("https://") for s in year.sources)
        assert year.published.startswith(year.census[-4:])
        assert isinstance(year.ehc_plan_percent, Decimal)


def test_figures_of_domain_section_seven():
    year = national_figures_for("2024/25")

    assert year.ehc_plan_percent == Decimal("5.3")
    assert year.sen_support_percent == Decimal("14.2")
    assert year.all_sen_percent == Decimal("19.5")
    assert (year.ehc_plan_pupils, year.sen_support_pupils) == (482640, 1284284)
    assert year.confirmed


def test_latest_figures_at_or_before_a_year():
    assert national_figures_for("2023/24").all_sen_percent == Decimal("18.4")
    assert national_figures_for("2023/24").ehc_plan_pupils == 434354
    assert national_figures_for("2030/31").academic_year == "2025/26"
    assert not national_figures_for("2030/31").confirmed
    assert national_figures_for("2019/20") is None


def test_parts_add_up_to_all_sen():
    for year in load_national_figures():
        if year.confirmed:
            assert year.ehc_plan_percent + year.sen_support_percent == (
                year.all_sen_percent
            )
