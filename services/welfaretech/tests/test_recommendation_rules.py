"""The recommendation rules as a table: recorded needs (and abilities, home) → technologies."""

import pytest

from services.welfaretech.domain.recommendations import RULES, Abilities, Environment, propose
from shared.schemas.welfaretech import Need, TechnologyKind

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
    assert len(door.reasons) == 1
    assert "nattlige tilsynsbesøk" in door.may_replace


def test_every_rule_names_its_source_and_what_it_may_replace() -> None:
    assert all(rule.source and rule.may_replace and rule.reason for rule in RULES)


def test_no_needs_no_proposals() -> None:
    assert propose([], ABLE, HOME) == []
