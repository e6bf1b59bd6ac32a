"""The gain arithmetic: a ledger per measure with the numbers behind every figure."""

from decimal import Decimal

from services.welfaretech.domain.benefits import Measures, aggregate, gains, weekly_device_cost

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


def test_totals_sum_each_measure_and_average_felt_safety_naming_the_loans() -> None:
    one = gains(BASELINE, FOLLOW_UP, staff_hour_cost_nok=600, device_monthly_cost_nok=0)
    two = gains(BASELINE, BASELINE, staff_hour_cost_nok=600, device_monthly_cost_nok=0)

    totals = {t.measure: t for t in aggregate([("a", one), ("b", two)])}

    assert totals["staff_hours"].gain == Decimal("4.00")
    assert totals["felt_safety"].gain == Decimal("1.00")
    assert totals["staff_hours"].loans == ["a", "b"]
