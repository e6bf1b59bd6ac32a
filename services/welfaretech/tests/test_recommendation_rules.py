"""The recommendation rules as a table: recorded needs (and abilities, home) → technologies."""

import json
from pathlib import Path

import pytest

from services.welfaretech.domain.recommendations import (
    KEY_RULE,
    RULES,
    Abilities,
    Environment,
    explain,
    propose,
)
from shared.schemas.welfaretech import (
    Need,
    RecommendationReason,
    ReplaceableCare,
    TechnologyKind,
)

K = TechnologyKind
HOME = Environment(has_mobile_coverage=True, has_broadband=True, has_stove=True, has_key_box=True)
ABLE = Abilities()


@pytest.mark.parametrize(
    ("needs", "abilities", "environment", "expected"),
    [
        ([Need.fall_risk], ABLE, HOME, [K.safety_alarm, K.fall_sensor]),
        (
            [Need.fall_risk],
            Abilities(can_use_button=False),
            HOME,
            [K.fall_sensor],
        ),
        ([Need.wandering], ABLE, HOME, [K.location_technology, K.door_sensor, K.bed_sensor]),
        (
            [Need.wandering],
            ABLE,
            Environment(has_mobile_coverage=False, has_key_box=True),
            [K.door_sensor, K.bed_sensor],
        ),
        ([Need.cognitive_failure], ABLE, HOME, [K.door_sensor, K.stove_guard]),
        ([Need.medication_management], ABLE, HOME, [K.medication_dispenser]),
        ([Need.medication_management], Abilities(understands_device=False), HOME, []),
        (
            [Need.night_safety],
            ABLE,
            HOME,
            [K.safety_alarm, K.digital_supervision, K.bed_sensor],
        ),
        ([Need.loneliness], ABLE, HOME, [K.video_communication]),
        ([Need.loneliness], ABLE, Environment(has_broadband=False, has_key_box=True), []),
        ([Need.chronic_disease_follow_up], ABLE, HOME, [K.remote_monitoring]),
        ([Need.fire_risk], ABLE, HOME, [K.stove_guard]),
        ([Need.fire_risk], ABLE, Environment(has_stove=False, has_key_box=True), []),
        (
            [Need.fall_risk],
            ABLE,
            Environment(has_key_box=False),
            [K.safety_alarm, K.fall_sensor, K.electronic_door_lock],
        ),
    ],
)
def test_needs_give_the_expected_technologies(
    needs: list[Need],
    abilities: Abilities,
    environment: Environment,
    expected: list[TechnologyKind],
) -> None:
    assert [p.kind for p in propose(needs, abilities, environment)] == expected


def test_a_kind_proposed_by_two_rules_carries_both_reasons_and_what_it_may_replace() -> None:
    proposals = propose([Need.wandering, Need.night_safety], ABLE, HOME)

    bed = next(p for p in proposals if p.kind == K.bed_sensor)
    assert bed.rule_ids == ("night-bed",)
    door = next(
        p
        for p in propose([Need.wandering, Need.cognitive_failure], ABLE, HOME)
        if p.kind == K.door_sensor
    )
    assert door.reasons == (RecommendationReason.wandering_door,)
    assert ReplaceableCare.night_visits in door.may_replace
    alarm = next(p for p in propose([Need.fall_risk], ABLE, HOME) if p.kind == K.fall_sensor)
    assert alarm.reasons == (RecommendationReason.fall_sensor,)
    assert alarm.may_replace == (ReplaceableCare.visits_after_falls, ReplaceableCare.night_visits)


def test_every_rule_names_its_source_and_what_it_may_replace() -> None:
    assert all(rule.source and rule.may_replace for rule in RULES)
    assert {rule.id for rule in (*RULES, KEY_RULE)} == set(RecommendationReason)


def test_stored_rule_ids_explain_themselves_as_codes() -> None:
    reasons, may_replace = explain(["fall-alarm", "alarm-key", "a-rule-since-removed"])

    assert reasons == (RecommendationReason.fall_alarm, RecommendationReason.alarm_key)
    assert may_replace == (
        ReplaceableCare.planned_supervision_visits,
        ReplaceableCare.home_care_phone_calls,
        ReplaceableCare.key_collection,
    )


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_every_code_has_a_text_in_each_language_of_the_spa(language: str) -> None:
    path = Path(__file__).parents[3] / "frontend/src/locales" / language / "welfaretech.json"
    texts = json.loads(path.read_text(encoding="utf-8"))

    assert set(texts["rule"]) == {r.value for r in RecommendationReason}
    assert set(texts["replaces"]) == {c.value for c in ReplaceableCare}


def test_no_needs_no_proposals() -> None:
    assert propose([], ABLE, HOME) == []
