from decimal import Decimal

import pytest

from tandem.reports.costing import Costing, ProvisionTotals
from tandem.reports.money import Exact, format_pence, format_pounds

# domain.md section 8, first example: £14.50/h, 1 TA, 30 min, 3 a week, 38 weeks,
# group 4.
TA_GROUP = Costing(
    hourly_rate=1450, session_minutes=30, sessions_per_week=3, group_size=4
)
# Second worked example: £13.37/h, 20 min, 2 a week, 38 weeks, one pupil.
ONE_TO_ONE = Costing(hourly_rate=1337, session_minutes=20, sessions_per_week=2)


def test_first_worked_example() -> None:
    assert TA_GROUP.session.pence == 725
    assert TA_GROUP.annual.pence == 82650
    assert format_pounds(TA_GROUP.annual.pence) == "£826.50"
    assert TA_GROUP.per_pupil_annual.decimal == Decimal("20662.5")
    assert format_pounds(TA_GROUP.per_pupil_annual.pence) == "£206.63"


def test_second_worked_example_rounds_once() -> None:
    assert format_pence(ONE_TO_ONE.session.decimal) == "445.67p"
    assert format_pounds(ONE_TO_ONE.session.pence) == "£4.46"
    assert format_pence(ONE_TO_ONE.annual.decimal) == "33,870.67p"
    assert format_pounds(ONE_TO_ONE.annual.pence) == "£338.71"
    # Rounding the session first would give 446p x 76 = £338.96: the known wrong answer.
    assert ONE_TO_ONE.session.pence * 76 == 33896
    assert ONE_TO_ONE.annual.pence != 33896


@pytest.mark.parametrize(
    ("costing", "session", "annual", "per_pupil_session", "per_pupil_annual"),
    [
        (TA_GROUP, 725, 82650, 181, 20663),
        (ONE_TO_ONE, 446, 33871, 446, 33871),
        # Two adults, external speech therapist at £40 a session, £120 of resources.
        (
            Costing(
                1450,
                60,
                1,
                weeks=10,
                adults=2,
                group_size=3,
                external_per_session=4000,
                resources=12000,
            ),
            6900,
            81000,
            2300,
            27000,
        ),
        # A third of a penny per pupil-session: 1p/h for 20 minutes.
        (Costing(1, 20, 1, weeks=1), 0, 0, 0, 0),
        # Exactly half a penny rounds up: 3p/h for 10 minutes = 0.5p.
        (Costing(3, 10, 1, weeks=1), 1, 1, 1, 1),
        (Costing(0, 30, 3), 0, 0, 0, 0),
    ],
)
def test_costing_table(
    costing: Costing,
    session: int,
    annual: int,
    per_pupil_session: int,
    per_pupil_annual: int,
) -> None:
    assert costing.session.pence == session
    assert costing.annual.pence == annual
    assert costing.per_pupil_session.pence == per_pupil_session
    assert costing.per_pupil_annual.pence == per_pupil_annual


def test_totals_sum_unrounded_values() -> None:
    # Three lines of 1p/h x 10 min = 1/6p each (0p rounded); together 0.5p -> 1p.
    line = Costing(1, 10, 1, weeks=1)
    totals = ProvisionTotals.of([line, line, line])

    assert [line.annual.pence] * 3 == [0, 0, 0]
    assert totals.annual.decimal == Decimal("0.5")
    assert totals.annual.pence == 1
    assert totals.interventions == 3
    assert totals.pupil_places == 3


def test_twelfths_add_up_to_exactly_half_a_penny() -> None:
    # 1/12p six times: repeated decimal division would give 0.4999...; exact gives 1p.
    twelfth = Exact(1, 12)
    total = twelfth + twelfth + twelfth + twelfth + twelfth + twelfth

    assert total.decimal == Decimal("0.5")
    assert total.pence == 1


def test_totals_of_worked_examples_against_budget() -> None:
    totals = ProvisionTotals.of([TA_GROUP, ONE_TO_ONE])

    assert totals.annual.pence == 82650 + 33871  # 116,520.67p -> 116,521p
    assert totals.against(100000) == (-16521, "£165.21 over the SEN budget")
    assert totals.against(200000) == (83479, "£834.79 of the SEN budget left")


def test_per_pupil_threshold() -> None:
    heavy = Costing(
        hourly_rate=2000, session_minutes=300, sessions_per_week=5, weeks=38
    )

    assert heavy.per_pupil_annual.pence == 1900000
    assert heavy.above_notional_threshold is True
    assert TA_GROUP.above_notional_threshold is False


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("group_size", 0, ValueError),
        ("hourly_rate", -1, ValueError),
        ("session_minutes", Decimal("30"), TypeError),
        ("sessions_per_week", 1.5, TypeError),
    ],
)
def test_costing_rejects_bad_inputs(field: str, value: object, error: type) -> None:
    inputs = {"hourly_rate": 1450, "session_minutes": 30, "sessions_per_week": 3}
    inputs[field] = value

    with pytest.raises(error):
        Costing(**inputs)  # type: ignore[arg-type]
