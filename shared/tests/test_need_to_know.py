"""Need to know that expires: the shared rule, around its boundaries."""

from datetime import date, timedelta

import pytest

from shared.need_to_know import (
    RELATION_WINDOW,
    CaseToAssess,
    RelationWindow,
    ServicePeriod,
    earliest_end_that_opens,
    has_relation,
    period_opens,
    units_serving,
    window_for,
)

TODAY = date(2026, 12, 1)
N = RELATION_WINDOW.days_after_end


def served(**kw: object) -> ServicePeriod:
    fields: dict[str, object] = {"unit": "hjemmetjenesten-nord", "granted": True}
    fields.update(kw)
    return ServicePeriod(**fields)  # type: ignore[arg-type]


def test_a_running_service_opens_the_person() -> None:
    assert period_opens(served(starts_on=TODAY - timedelta(days=100)), TODAY)
    assert period_opens(served(starts_on=TODAY, ends_on=TODAY + timedelta(days=5)), TODAY)


def test_a_service_not_yet_started_does_not() -> None:
    assert not period_opens(served(starts_on=TODAY + timedelta(days=1)), TODAY)


def test_a_refused_decision_never_does() -> None:
    assert not period_opens(served(granted=False, starts_on=TODAY - timedelta(days=3)), TODAY)


@pytest.mark.parametrize(
    ("days_ago", "opens"),
    [(0, True), (1, True), (N - 1, True), (N, False), (N + 1, False), (400, False)],
)
def test_an_ended_service_opens_for_less_than_the_window(days_ago: int, opens: bool) -> None:
    ended = TODAY - timedelta(days=days_ago)
    started = TODAY - timedelta(days=500)

    assert period_opens(served(starts_on=started, ended_on=ended), TODAY) is opens
    # A planned end that has passed counts the same as a recorded one.
    assert period_opens(served(starts_on=started, ends_on=ended), TODAY) is opens


def test_the_recorded_end_wins_over_the_planned_one() -> None:
    started = TODAY - timedelta(days=500)
    ended_early = served(starts_on=started, ends_on=TODAY + timedelta(days=60), ended_on=started)

    assert not period_opens(ended_early, TODAY)


def test_the_municipality_may_choose_its_own_window() -> None:
    ended = served(starts_on=TODAY - timedelta(days=500), ended_on=TODAY - timedelta(days=10))

    assert period_opens(ended, TODAY, window_for(None))
    assert not period_opens(ended, TODAY, window_for(10))
    assert period_opens(ended, TODAY, window_for(11))
    assert earliest_end_that_opens(TODAY, window_for(0)) == TODAY
    with pytest.raises(ValueError, match="from 0 to 180"):
        RelationWindow(days_after_end=-1, source="x", valid_from=TODAY)
    with pytest.raises(ValueError, match="from 0 to 180"):
        RelationWindow(days_after_end=181, source="x", valid_from=TODAY)
    assert RelationWindow(days_after_end=180, source="x", valid_from=TODAY).days_after_end == 180


def test_only_the_caller_s_units_and_open_cases_count() -> None:
    periods = [
        served(unit="sykehjem-a", starts_on=TODAY - timedelta(days=5)),
        served(unit="gammel-enhet", starts_on=date(2020, 1, 1), ended_on=date(2021, 1, 1)),
    ]
    cases = [
        CaseToAssess(unit="rehabilitering", is_open=True),
        CaseToAssess(unit="avsluttet-sak", is_open=False),
    ]

    assert units_serving(periods, TODAY) == {"sykehjem-a"}
    assert has_relation(["sykehjem-a"], TODAY, periods=periods, cases=cases)
    assert has_relation(["rehabilitering"], TODAY, periods=periods, cases=cases)
    assert not has_relation(["gammel-enhet"], TODAY, periods=periods, cases=cases)
    assert not has_relation(["avsluttet-sak"], TODAY, periods=periods, cases=cases)
    assert not has_relation([], TODAY, periods=periods, cases=cases)
    assert has_relation([], TODAY, named_now=True)
