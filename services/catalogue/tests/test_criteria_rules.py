"""The criteria language and versioning rules, without a database."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.catalogue.domain.criteria import (
    CriteriaError,
    check_new_version_date,
    evaluate,
    periods,
    validate_conditions,
    version_in_force,
)


def test_known_conditions_validate() -> None:
    validate_conditions(
        [
            {"metric": "age", "op": "<", "value": 67},
            {
                "any": [
                    {"metric": "needs_24h_care", "op": "==", "value": True},
                    {"metric": "need_level", "op": "in", "value": ["extensive"]},
                ]
            },
        ]
    )


@pytest.mark.parametrize(
    ("conditions", "path"),
    [
        ([{"metric": "shoe_size", "op": ">", "value": 40}], "conditions.0.metric"),
        ([{"metric": "age", "op": "~", "value": 1}], "conditions.0.op"),
        ([{"metric": "adl_mean", "op": ">=", "value": 7}], "conditions.0.value"),
        ([{"metric": "needs_24h_care", "op": ">", "value": True}], "conditions.0.op"),
        ([{"metric": "need_level", "op": "==", "value": "huge"}], "conditions.0.value"),
        ([{"metric": "age", "op": "<", "value": 67, "extra": 1}], "conditions.0"),
        ([{"any": []}], "conditions.0"),
    ],
)
def test_invalid_condition_names_its_path(conditions: list[object], path: str) -> None:
    with pytest.raises(CriteriaError) as caught:
        validate_conditions(conditions)
    assert caught.value.path == path


def test_bpa_right_is_met_only_under_67_with_32_hours_over_two_years() -> None:
    bpa = [
        {"metric": "age", "op": "<", "value": 67},
        {"metric": "expected_duration_months", "op": ">", "value": 24},
        {"metric": "assessed_hours_per_week", "op": ">=", "value": 32},
    ]
    assert (
        evaluate(bpa, {"age": 45, "expected_duration_months": 36, "assessed_hours_per_week": 35})[0]
        is True
    )
    assert (
        evaluate(bpa, {"age": 70, "expected_duration_months": 36, "assessed_hours_per_week": 35})[0]
        is False
    )
    assert evaluate(bpa, {"age": 45, "expected_duration_months": 36})[0] is None


def test_any_holds_when_one_branch_holds() -> None:
    conditions = [
        {
            "any": [
                {"metric": "has_dementia", "op": "==", "value": True},
                {"metric": "adl_mean", "op": ">=", "value": 4},
            ]
        }
    ]
    assert evaluate(conditions, {"has_dementia": False, "adl_mean": 4.2})[0] is True
    assert evaluate(conditions, {"has_dementia": False, "adl_mean": 2})[0] is False


def test_each_version_ends_the_day_before_the_next_starts() -> None:
    result = periods([(2, date(2025, 1, 1)), (1, date(2021, 1, 1))])
    assert [(p.version, p.effective_from, p.effective_to) for p in result] == [
        (1, date(2021, 1, 1), date(2024, 12, 31)),
        (2, date(2025, 1, 1), None),
    ]


def test_version_in_force_on_a_date() -> None:
    versions = [(1, date(2021, 1, 1)), (2, date(2025, 1, 1))]
    assert version_in_force(versions, date(2020, 12, 31)) is None
    assert version_in_force(versions, date(2024, 12, 31)) == 1
    assert version_in_force(versions, date(2025, 1, 1)) == 2


def test_a_new_version_cannot_start_before_the_latest() -> None:
    with pytest.raises(CriteriaError):
        check_new_version_date(date(2025, 1, 1), date(2025, 1, 1))
    check_new_version_date(date(2025, 1, 1), date(2025, 1, 2))


@given(
    st.lists(
        st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 1, 1)),
        min_size=1,
        max_size=6,
        unique=True,
    ),
    st.dates(min_value=date(1999, 1, 1), max_value=date(2041, 1, 1)),
)
def test_exactly_one_version_is_in_force_after_the_first_starts(
    starts: list[date], day: date
) -> None:
    versions = list(enumerate(sorted(starts), start=1))
    in_force = [
        p
        for p in periods(versions)
        if p.effective_from <= day and (p.effective_to is None or day <= p.effective_to)
    ]
    assert len(in_force) == (0 if day < min(starts) else 1)
