"""The coordination rules without a database: compare, decision measures, evaluations, the
suggestion rule, consent in force and a guardian's scope, barnekoordinator age."""

import uuid
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.coordination.domain import assignments, consent, evaluations, needs, plans
from services.coordination.domain.consent import Audience, ConsentFacts, ConsentGiver
from services.coordination.domain.evaluations import GoalEvaluation, GoalResult
from services.coordination.domain.plans import Goal, LifeArea, PlanContent
from shared.errors import Conflict, RuleViolation
from shared.schemas.coordination import CoordinatorKind, PlanStatus

TODAY = date(2026, 11, 30)


def content(*texts: str) -> PlanContent:
    return PlanContent(goals=[Goal(life_area=LifeArea.health, text=t) for t in texts])


def test_comparing_a_version_with_itself_finds_nothing() -> None:
    plan = content("Gå tur")

    diff = plans.compare(1, plan, PlanStatus.draft, 1, plan, PlanStatus.draft)

    assert diff.items == [] and diff.status is None


def test_compare_names_added_removed_and_changed_fields() -> None:
    before = content("Gå tur", "Lage middag")
    walk, dinner = before.goals
    after = PlanContent(
        goals=[
            walk.model_copy(update={"text": "Gå lange turer"}),
            Goal(life_area=LifeArea.social, text="Kor"),
        ]
    )

    diff = plans.compare(1, before, PlanStatus.draft, 2, after, PlanStatus.active)

    assert diff.status is not None and diff.status.after == PlanStatus.active
    found = {(i.change, i.label) for i in diff.items}
    assert found == {("changed", "Gå lange turer"), ("added", "Kor"), ("removed", "Lage middag")}
    changed = next(i for i in diff.items if i.change == "changed")
    assert [(f.field, f.before, f.after) for f in changed.fields] == [
        ("text", "Gå tur", "Gå lange turer")
    ]


@given(st.lists(st.text(min_size=1, max_size=20).filter(str.strip), max_size=6))
def test_compare_from_empty_adds_every_goal(texts: list[str]) -> None:
    after = content(*texts)

    diff = plans.compare(1, PlanContent(), PlanStatus.draft, 2, after, PlanStatus.draft)

    assert len(diff.items) == len(texts) and all(i.change == "added" for i in diff.items)


def test_a_decision_becomes_one_measure_to_confirm_and_a_replay_adds_nothing() -> None:
    decision = uuid.uuid4()
    kwargs = {
        "decision_id": decision,
        "service_type": "bpa",
        "unit": "bpa-enheten",
        "starts_on": TODAY,
        "ends_on": None,
    }

    once = plans.add_decision_measure(PlanContent(), **kwargs)  # type: ignore[arg-type]
    assert once is not None
    twice = plans.add_decision_measure(once, **kwargs)  # type: ignore[arg-type]

    assert [m.status for m in once.measures] == [plans.MeasureStatus.to_confirm]
    assert twice is None
    ended = plans.end_decision_measures(once, decision)
    assert ended is not None and ended.measures[0].status == plans.MeasureStatus.ended
    assert plans.end_decision_measures(ended, decision) is None


def test_a_plan_moves_draft_active_closed_and_never_back() -> None:
    assert plans.move(PlanStatus.draft, PlanStatus.active) == PlanStatus.active
    with pytest.raises(Conflict):
        plans.move(PlanStatus.closed, PlanStatus.active)
    with pytest.raises(Conflict):
        plans.move(PlanStatus.active, PlanStatus.draft)


def test_activation_needs_consent_first_then_a_goal() -> None:
    with pytest.raises(RuleViolation) as no_consent:
        plans.check_may_activate(content("x"), has_consent=False, has_coordinator=True)
    with pytest.raises(RuleViolation) as no_goal:
        plans.check_may_activate(PlanContent(), has_consent=True, has_coordinator=True)

    assert no_consent.value.errors[0]["field"] == "consent"
    assert no_goal.value.errors[0]["field"] == "goals"


def test_an_evaluation_marks_each_goal_and_sets_the_next_date() -> None:
    plan = content("Gå tur", "Lage middag")
    walk, dinner = plan.goals

    evaluated = evaluations.evaluate(
        plan,
        PlanStatus.active,
        [
            GoalEvaluation(goal_id=walk.id, result=GoalResult.reached),
            GoalEvaluation(goal_id=dinner.id, result=GoalResult.partly),
        ],
        TODAY,
        TODAY + timedelta(days=180),
        TODAY,
    )

    assert [g.status for g in evaluated.goals] == [
        plans.GoalStatus.reached,
        plans.GoalStatus.partly_reached,
    ]
    assert evaluated.next_evaluation_on == TODAY + timedelta(days=180)


@pytest.mark.parametrize(
    ("status", "next_in", "twice", "error"),
    [
        (PlanStatus.draft, 90, False, Conflict),
        (PlanStatus.active, 0, False, RuleViolation),
        (PlanStatus.active, 400, False, RuleViolation),
        (PlanStatus.active, 90, True, RuleViolation),
    ],
)
def test_an_evaluation_is_refused_when_the_rules_say_so(
    status: PlanStatus, next_in: int, twice: bool, error: type[Exception]
) -> None:
    plan = content("Gå tur")
    result = GoalEvaluation(goal_id=plan.goals[0].id, result=GoalResult.not_reached)

    with pytest.raises(error):
        evaluations.evaluate(
            plan,
            status,
            [result, result] if twice else [result],
            TODAY,
            TODAY + timedelta(days=next_in),
            TODAY,
        )


def service(unit: str, days: int | None, ended: bool = False) -> needs.ServiceFacts:
    return needs.ServiceFacts(
        decision_id=uuid.uuid4(),
        unit=unit,
        starts_on=TODAY,
        ends_on=TODAY + timedelta(days=days) if days is not None else None,
        ended_on=TODAY if ended else None,
    )


def test_long_term_services_from_two_units_suggest_coordination() -> None:
    both = [service("hjemmetjenesten", None), service("dagsenter", 120)]

    assert needs.suggests_coordination(both, TODAY, has_coordinator=False, has_request=False)
    assert not needs.suggests_coordination(both, TODAY, has_coordinator=True, has_request=False)
    assert not needs.suggests_coordination(both, TODAY, has_coordinator=False, has_request=True)


def test_short_or_ended_services_and_one_unit_do_not_suggest_coordination() -> None:
    short = [service("hjemmetjenesten", None), service("korttid", 14)]
    ended = [service("hjemmetjenesten", None), service("dagsenter", None, ended=True)]
    one_unit = [service("hjemmetjenesten", None), service("hjemmetjenesten", None)]

    for services in (short, ended, one_unit):
        assert not needs.suggests_coordination(
            services, TODAY, has_coordinator=False, has_request=False
        )


def facts(**overrides: object) -> ConsentFacts:
    values: dict[str, object] = {
        "id": uuid.uuid4(),
        "given_on": TODAY - timedelta(days=10),
        "valid_until": None,
        "withdrawn_on": None,
        "audiences": frozenset({Audience.serving_units}),
        **overrides,
    }
    return ConsentFacts(**values)  # type: ignore[arg-type]


def test_a_consent_is_in_force_until_it_expires_or_is_withdrawn() -> None:
    assert consent.is_in_force(facts(), TODAY)
    assert not consent.is_in_force(facts(valid_until=TODAY - timedelta(days=1)), TODAY)
    assert not consent.is_in_force(facts(withdrawn_on=TODAY), TODAY)
    assert consent.covers([facts()], Audience.serving_units, TODAY)
    assert not consent.covers([facts()], Audience.allocation_office, TODAY)


def representative(scope: str, **overrides: object) -> consent.Representative:
    values: dict[str, object] = {
        "id": uuid.uuid4(),
        "kind": ConsentGiver.guardian,
        "name": "Per",
        "scope": scope,
        "valid_from": None,
        "valid_to": None,
        **overrides,
    }
    return consent.Representative(**values)  # type: ignore[arg-type]


def test_a_representative_consents_as_registered_while_valid_and_with_the_mandate_confirmed() -> (
    None
):
    consent.check_representative(
        ConsentGiver.guardian, representative("Helse og omsorg"), TODAY, scope_confirmed=True
    )
    consent.check_representative(ConsentGiver.person, None, TODAY, scope_confirmed=False)
    for bad, confirmed in (
        (representative("Helse og omsorg"), False),
        (representative("Helse", valid_to=TODAY - timedelta(days=1)), True),
        (representative("Helse", valid_from=TODAY + timedelta(days=1)), True),
        (representative("Helse", kind=ConsentGiver.power_of_attorney), True),
        (None, True),
    ):
        with pytest.raises(RuleViolation):
            consent.check_representative(
                ConsentGiver.guardian, bad, TODAY, scope_confirmed=confirmed
            )


def test_no_kind_of_representative_covers_health_matters_by_its_kind_alone() -> None:
    """Intake types the kind, not the mandate: every kind needs the mandate confirmed."""
    assert set(consent.AUTHORITY_RULES) == {
        ConsentGiver.guardian,
        ConsentGiver.power_of_attorney,
    }
    for rule in consent.AUTHORITY_RULES.values():
        assert rule.source.startswith("vergemålsloven")
        with pytest.raises(RuleViolation, match="Økonomi"):
            consent.check_representative(
                rule.kind, representative("Økonomi", kind=rule.kind), TODAY, scope_confirmed=False
            )


def test_a_barnekoordinator_is_for_someone_under_18() -> None:
    assignments.check_kind(CoordinatorKind.child_coordinator, date(2010, 12, 1), TODAY)
    with pytest.raises(RuleViolation):
        assignments.check_kind(CoordinatorKind.child_coordinator, date(2008, 11, 30), TODAY)
    assignments.check_kind(CoordinatorKind.coordinator, date(1940, 1, 1), TODAY)
