"""The legal basis (pbrl chapter 4, § 4-6 a) that guards activating a technology."""

from datetime import date, timedelta

import pytest

from services.welfaretech.domain.legal import (
    Condition,
    DecisionClosed,
    DecisionFacts,
    LegalBasisMissing,
    LegalDecisionStatus,
    check_decision,
    check_end,
    check_may_activate,
    check_renewal,
    covered_until,
    decision_in_force_until,
    decision_status,
)
from services.welfaretech.reference import legal_basis_rules
from shared.errors import RuleViolation
from shared.schemas.welfaretech import ConsentCapacity

DAY = date(2026, 3, 18)
GPS = "location_technology"
DECISION = DecisionFacts(date(2026, 3, 1), date(2026, 9, 1), frozenset({GPS}), True)
ALL_CONDITIONS = {c.value: "Dokumentert." for c in Condition}
RULE = legal_basis_rules().on(DAY)


def decide(conditions: dict[str, str], resists_not: bool, until: date, **kw: date) -> None:
    check_decision(
        RULE, conditions, resists_not, kw.get("decided", DAY), kw.get("start", DAY), until, DAY
    )


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
        decide(conditions, True, date(2026, 6, 1))

    assert caught.value.errors[0]["field"] == f"body.conditions.{missing.value}"


def test_never_when_the_person_resists() -> None:
    with pytest.raises(RuleViolation, match="resists"):
        decide(ALL_CONDITIONS, False, date(2026, 6, 1))


def test_the_decision_is_limited_in_time() -> None:
    with pytest.raises(RuleViolation, match="limited in time"):
        decide(ALL_CONDITIONS, True, DAY)
    decide(ALL_CONDITIONS, True, date(2026, 6, 1))


def test_the_legal_basis_is_reference_data_with_its_source() -> None:
    assert RULE.cites == "pasient- og brukerrettighetsloven § 4-6 a"
    assert RULE.source.startswith("https://lovdata.no/")
    assert set(RULE.conditions) == {c.value for c in Condition}
    with pytest.raises(RuleViolation):
        legal_basis_rules().on(date(2013, 12, 31))


def test_the_time_limit_is_at_most_the_rules_months() -> None:
    latest = RULE.latest_until(DAY)

    decide(ALL_CONDITIONS, True, latest)
    with pytest.raises(RuleViolation, match=f"{RULE.max_months} months") as caught:
        decide(ALL_CONDITIONS, True, latest + timedelta(days=1))

    assert caught.value.errors[0]["field"] == "body.valid_until"
    assert RULE.latest_until(date(2026, 1, 31)) == date(2027, 1, 30)


def test_a_decision_is_made_by_today_and_knows_its_conditions() -> None:
    with pytest.raises(RuleViolation, match="when it is made"):
        decide(ALL_CONDITIONS, True, date(2026, 6, 1), decided=DAY + timedelta(days=1))
    with pytest.raises(RuleViolation, match="Unknown"):
        decide({**ALL_CONDITIONS, "convenient": "x"}, True, date(2026, 6, 1))


def test_a_renewal_carries_the_run_on_and_an_end_stops_it() -> None:
    renewal = DecisionFacts(date(2026, 9, 2), date(2027, 3, 1), frozenset({GPS}), True)
    ended = DecisionFacts(date(2026, 3, 1), date(2026, 9, 1), frozenset({GPS}), True, DAY)

    assert covered_until([DECISION, renewal], GPS, date(2026, 5, 1)) == date(2027, 3, 1)
    assert covered_until([DECISION], GPS, date(2026, 5, 1)) == date(2026, 9, 1)
    assert covered_until([ended], GPS, DAY - timedelta(days=1)) == DAY - timedelta(days=1)
    assert covered_until([ended], GPS, DAY) is None


def test_only_the_decision_in_effect_is_renewed_past_its_end_or_ended() -> None:
    with pytest.raises(DecisionClosed):
        check_renewal(is_closed=True, old_until=DAY, new_until=DAY + timedelta(days=9))
    with pytest.raises(RuleViolation, match="past the end"):
        check_renewal(is_closed=False, old_until=DAY, new_until=DAY)
    with pytest.raises(RuleViolation, match="ahead"):
        check_end(is_closed=False, decided_on=DAY, ended_on=DAY + timedelta(1), today=DAY)
    with pytest.raises(DecisionClosed):
        check_end(is_closed=True, decided_on=DAY, ended_on=DAY, today=DAY)


@pytest.mark.parametrize(
    ("today", "renewed", "status"),
    [
        (date(2026, 2, 1), False, LegalDecisionStatus.not_yet_in_force),
        (date(2026, 5, 1), False, LegalDecisionStatus.in_force),
        (date(2026, 8, 20), False, LegalDecisionStatus.lapses_soon),
        (date(2026, 9, 2), False, LegalDecisionStatus.lapsed),
        (date(2026, 8, 20), True, LegalDecisionStatus.renewed),
    ],
)
def test_where_a_decision_stands(today: date, renewed: bool, status: LegalDecisionStatus) -> None:
    assert decision_status(DECISION, is_renewed=renewed, today=today, notice_days=30) == status


def test_a_running_loan_knows_until_when_its_decision_holds() -> None:
    def until(capacity: ConsentCapacity, on: date) -> tuple[bool, date | None]:
        return decision_in_force_until(
            capacity=capacity, is_alarm_or_location=True, kind=GPS, decisions=[DECISION], on=on
        )

    assert until(ConsentCapacity.no, date(2026, 5, 1)) == (True, date(2026, 9, 1))
    assert until(ConsentCapacity.no, date(2026, 9, 2)) == (True, None)
    assert until(ConsentCapacity.yes, date(2026, 9, 2)) == (False, None)
