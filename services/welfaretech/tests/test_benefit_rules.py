"""The gain arithmetic: a ledger per measure with the numbers behind every figure."""

import random
from decimal import ROUND_HALF_UP, Decimal

from services.welfaretech.domain.benefits import (
    Measures,
    Sums,
    gains,
    totals,
    weekly_device_cost,
)

BASELINE = Measures(Decimal(14), Decimal(7), Decimal(420), 2, 1, 2)
FOLLOW_UP = Measures(Decimal(7), Decimal(0), Decimal(180), 0, 0, 4)


def ledger() -> dict[str, object]:
    computed = gains(BASELINE, FOLLOW_UP, staff_hour_cost_nok=600, device_monthly_cost_nok=260)
    return {line.measure: line for line in computed.lines}


def test_staff_hours_freed_are_the_minutes_saved_in_hours() -> None:
    line = ledger()["staff_hours"]

    assert line.baseline == Decimal("7.00")  # type: ignore[attr-defined]
    assert line.gain == Decimal("4.00")  # type: ignore[attr-defined]
    assert line.gain_per_year == Decimal("208.00")  # type: ignore[attr-defined]


def test_visits_avoided_per_week_and_year() -> None:
    lines = ledger()

    assert lines["planned_visits"].gain == Decimal("7.00")  # type: ignore[attr-defined]
    assert lines["night_visits"].gain_per_year == Decimal("364.00")  # type: ignore[attr-defined]


def test_falls_count_per_four_weeks_thirteen_periods_a_year() -> None:
    line = ledger()["falls"]

    assert (line.gain, line.gain_per_year) == (Decimal("2.00"), Decimal("26.00"))  # type: ignore[attr-defined]


def test_the_net_cost_subtracts_the_device_and_shows_its_formula() -> None:
    line = ledger()["net_cost"]

    assert weekly_device_cost(260) == Decimal("60.00")
    assert line.gain == Decimal("2340.00")  # type: ignore[attr-defined]
    assert "600 NOK" in line.formula and "60.00 NOK/week" in line.formula  # type: ignore[attr-defined]


def test_felt_safety_is_a_quality_gain_without_a_yearly_figure() -> None:
    line = ledger()["felt_safety"]

    assert (line.gain, line.gain_per_year) == (Decimal(2), None)  # type: ignore[attr-defined]


def test_a_worse_follow_up_is_a_negative_gain() -> None:
    computed = gains(FOLLOW_UP, BASELINE, staff_hour_cost_nok=600, device_monthly_cost_nok=0)

    assert computed.staff_hours_freed_per_week == Decimal("-4.00")


def test_totals_from_sums_equal_the_sums_of_the_loans_ledgers() -> None:
    """What PostgreSQL adds (`Sums`) and the domain rounds gives, figure by figure, the sum
    of the loans' own ledger lines (felt safety: their mean), odd minutes and costs included."""
    rng = random.Random(12)
    loans = []
    for _ in range(40):
        before = Measures(
            Decimal(rng.randint(0, 2000)) / 100,
            Decimal(rng.randint(0, 700)) / 100,
            Decimal(rng.randint(0, 100000)) / 100,
            rng.randint(0, 6),
            rng.randint(0, 3),
            rng.randint(1, 5),
        )
        after = Measures(
            Decimal(rng.randint(0, 2000)) / 100,
            Decimal(rng.randint(0, 700)) / 100,
            Decimal(rng.randint(0, 100000)) / 100,
            rng.randint(0, 6),
            rng.randint(0, 3),
            rng.randint(1, 5),
        )
        costs = {"staff_hour_cost_nok": rng.randint(400, 900), "device_monthly_cost_nok": 259}
        loans.append((gains(before, after, **costs), Sums.of_loan(before, after, **costs)))

    figures = {t.measure: t for t in totals(sum((s for _, s in loans), Sums.zero()))}

    for line in loans[0][0].lines:
        figure = figures[line.measure]
        added = sum((ledger.line(line.measure).gain for ledger, _ in loans), Decimal(0))
        if line.measure == "felt_safety":
            assert figure.gain == (added / len(loans)).quantize(Decimal("0.01"), ROUND_HALF_UP)
            assert figure.gain_per_year is None
        else:
            assert figure.gain == added, line.measure
            yearly = sum(ledger.line(line.measure).gain_per_year or 0 for ledger, _ in loans)
            assert figure.gain_per_year == yearly, line.measure
            baselines = sum(ledger.line(line.measure).baseline for ledger, _ in loans)
            assert figure.baseline == baselines, line.measure
        assert (figure.unit, figure.kind, figure.loans) == (line.unit, line.kind, 40)
    assert [t.measure for t in figures.values()] == [line.measure for line in loans[0][0].lines]


def test_no_measured_loans_give_zero_figures() -> None:
    figures = {t.measure: t for t in totals(Sums.zero())}

    assert figures["staff_hours"].gain == Decimal("0.00")
    assert figures["felt_safety"].gain == Decimal("0.00")
