"""Functional scores: every variable on its scale, and the derived need level."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.intake.domain.functional import (
    VARIABLES,
    Group,
    NeedLevel,
    ScoreError,
    check_scores,
    derive,
)


def all_scored(value: int, **overrides: int) -> dict[str, int]:
    scores = {v.code: (min(value, 4) if v.group == Group.sensory else value) for v in VARIABLES}
    return {**scores, **overrides}


def test_an_independent_person_has_a_limited_need() -> None:
    derived = derive(all_scored(1))

    assert derived.need_level == NeedLevel.limited
    assert derived.adl_mean == 1


def test_full_need_everywhere_is_extensive() -> None:
    assert derive(all_scored(5)).need_level == NeedLevel.extensive


def test_moderate_scores_give_moderate_to_large() -> None:
    assert derive(all_scored(3)).need_level == NeedLevel.moderate_to_large


def test_not_relevant_scores_are_left_out_of_the_means() -> None:
    scores = all_scored(9, spise=4, personlig_hygiene=2)

    derived = derive(scores)

    assert derived.adl_mean == 3
    assert derived.iadl_mean is None


def test_sensory_variables_do_not_count_towards_the_need_level() -> None:
    assert derive(all_scored(1, syn=4, horsel=4)).need_level == NeedLevel.limited


def test_every_variable_must_be_scored() -> None:
    scores = all_scored(2)
    del scores["toalett"]

    with pytest.raises(ScoreError) as caught:
        check_scores(scores)
    assert caught.value.code == "toalett"


@pytest.mark.parametrize(("code", "score"), [("spise", 6), ("spise", 0), ("syn", 5)])
def test_a_score_off_the_scale_is_refused(code: str, score: int) -> None:
    with pytest.raises(ScoreError) as caught:
        check_scores(all_scored(2, **{code: score}))
    assert caught.value.code == code


@given(st.lists(st.sampled_from([1, 2, 3, 4, 5, 9]), min_size=15, max_size=15))
def test_the_need_level_never_falls_when_a_score_rises(values: list[int]) -> None:
    codes = [v.code for v in VARIABLES if v.group != Group.sensory]
    scores = dict(zip(codes, values, strict=True)) | {"syn": 1, "horsel": 1}
    order = [None, NeedLevel.limited, NeedLevel.moderate_to_large, NeedLevel.extensive]
    before = derive(scores).need_level
    for code in codes:
        if scores[code] < 5:
            raised = {**scores, code: scores[code] + 1}
            assert order.index(derive(raised).need_level) >= order.index(before)
