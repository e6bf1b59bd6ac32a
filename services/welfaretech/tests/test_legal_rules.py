"""The legal basis (pbrl chapter 4, § 4-6 a) that guards activating a technology."""

from datetime import date

import pytest

from services.welfaretech.domain.legal import (
    Condition,
    DecisionFacts,
    LegalBasisMissing,
    check_decision,
    check_may_activate,
    decision_in_force_until,
)
from shared.errors import RuleViolation
from shared.schemas.welfaretech import ConsentCapacity

DAY = date(2026, 3, 18)
GPS = "location_technology"
DECISION = DecisionFacts(date(2026, 3, 1), date(2026, 9, 1), frozenset({GPS}), True)
ALL_CONDITIONS = {c.value: "Dokumentert." for c in Condition}


def activate(capacity: ConsentCapacity, **kw: object) -> None:
    args: dict[str, object] = {
        "capacity": capacity,
        "consent_given": None,
        "is_alarm_or_location": True,
        "kind": GPS,
        "decisions": [],
        "on": DAY,
    }
    check_may_activate(**{**args, **kw})  # type: ignore[arg-type]


def test_with_capacity_consent_is_the_basis() -> None:
    activate(ConsentCapacity.yes, consent_given=True)
    with pytest.raises(LegalBasisMissing):
        activate(ConsentCapacity.yes, consent_given=False)


def test_unclear_capacity_must_be_assessed_first() -> None:
    with pytest.raises(LegalBasisMissing, match="4-3"):
        activate(ConsentCapacity.unclear, decisions=[DECISION])


def test_without_capacity_location_technology_needs_a_decision_in_force() -> None:
    with pytest.raises(LegalBasisMissing, match="4-6 a"):
        activate(ConsentCapacity.no)
    activate(ConsentCapacity.no, decisions=[DECISION])


@pytest.mark.parametrize("on", [date(2026, 2, 28), date(2026, 9, 2)])
def test_a_decision_outside_its_time_limit_is_no_basis(on: date) -> None:
    with pytest.raises(LegalBasisMissing):
        activate(ConsentCapacity.no, decisions=[DECISION], on=on)


def test_a_decision_for_another_kind_is_no_basis() -> None:
    with pytest.raises(LegalBasisMissing):
        activate(ConsentCapacity.no, decisions=[DECISION], kind="door_sensor")


def test_without_capacity_other_technology_needs_no_decision() -> None:
    activate(ConsentCapacity.no, is_alarm_or_location=False, kind="medication_dispenser")


@pytest.mark.parametrize("missing", list(Condition))
def test_each_condition_must_be_documented(missing: Condition) -> None:
    conditions = {**ALL_CONDITIONS, missing.value: " "}

    with pytest.raises(RuleViolation) as caught:
        check_decision(conditions, True, DAY, DAY, date(2026, 6, 1))

    assert caught.value.errors[0]["field"] == f"body.conditions.{missing.value}"


def test_never_when_the_person_resists() -> None:
    with pytest.raises(RuleViolation, match="resists"):
        check_decision(ALL_CONDITIONS, False, DAY, DAY, date(2026, 6, 1))


def test_the_decision_is_limited_in_time() -> None:
    with pytest.raises(RuleViolation, match="limited in time"):
        check_decision(ALL_CONDITIONS, True, DAY, DAY, DAY)
    check_decision(ALL_CONDITIONS, True, DAY, DAY, date(2026, 6, 1))


def test_a_running_loan_knows_until_when_its_decision_holds() -> None:
    def until(capacity: ConsentCapacity, on: date) -> tuple[bool, date | None]:
        return decision_in_force_until(
            capacity=capacity, is_alarm_or_location=True, kind=GPS, decisions=[DECISION], on=on
        )

    assert until(ConsentCapacity.no, date(2026, 5, 1)) == (True, date(2026, 9, 1))
    assert until(ConsentCapacity.no, date(2026, 9, 2)) == (True, None)
    assert until(ConsentCapacity.yes, date(2026, 9, 2)) == (False, None)
