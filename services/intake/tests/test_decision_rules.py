"""Decision rules: what must be in place before a decision is made, states, BPA right."""

from datetime import date

import pytest

from services.intake.domain.decisions import (
    BpaHours,
    BpaRight,
    Draft,
    LowerLevel,
    RightsBasis,
    ServiceRules,
    TriedStatus,
    bpa_right,
    check_bpa_hours,
    check_draft,
    check_editable,
    move,
    rights_for,
)
from shared.errors import Conflict, Forbidden, RuleViolation
from shared.schemas.intake import BpaReason, DecisionStatus, Outcome

HOME_NURSING = ServiceRules(False, False, None, "hours_per_week")
NURSING_HOME = ServiceRules(True, True, None, "place")
SHORT_STAY = ServiceRules(False, False, "rehabilitation", "place")


def draft(**overrides: object) -> Draft:
    values: dict[str, object] = {
        "outcome": Outcome.granted,
        "scope_amount": 3.5,
        "starts_on": date(2026, 4, 1),
        "ends_on": None,
        "review_on": date(2026, 10, 1),
        "contact_name": "Aisha Rahman",
        "facts": "Bor alene, ADL 3,2.",
        "considerations": "Behov for hjelp morgen og kveld.",
        "lower_levels": [],
    }
    values.update(overrides)
    return Draft(**values)  # type: ignore[arg-type]


def field_of(error: pytest.ExceptionInfo[RuleViolation]) -> str:
    return error.value.errors[0]["field"]


def test_a_complete_grant_passes() -> None:
    check_draft(draft(), HOME_NURSING)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"review_on": None}, "body.review_on"),
        ({"review_on": date(2026, 3, 1)}, "body.review_on"),
        ({"contact_name": " "}, "body.contact"),
        ({"scope_amount": None}, "body.scope_amount"),
        ({"starts_on": None}, "body.starts_on"),
        ({"facts": ""}, "body.facts"),
    ],
)
def test_a_grant_missing_what_the_law_asks_is_refused(
    overrides: dict[str, object], field: str
) -> None:
    with pytest.raises(RuleViolation) as caught:
        check_draft(draft(**overrides), HOME_NURSING)
    assert field_of(caught) == field


def test_a_refusal_needs_no_scope_or_review_date() -> None:
    check_draft(
        draft(outcome=Outcome.refused, scope_amount=None, review_on=None, contact_name=None),
        HOME_NURSING,
    )


def test_a_high_level_service_without_lower_levels_documented_is_refused() -> None:
    with pytest.raises(RuleViolation) as caught:
        check_draft(draft(scope_amount=None), NURSING_HOME)
    assert field_of(caught) == "body.lower_levels"


def test_a_high_level_service_with_lower_levels_documented_passes() -> None:
    tried = [
        LowerLevel(
            "hjemmesykepleie", TriedStatus.tried, "Faller om natten tross fire besøk i døgnet"
        )
    ]
    check_draft(draft(scope_amount=None, lower_levels=tried), NURSING_HOME)


def test_a_short_stay_states_its_planned_end() -> None:
    with pytest.raises(RuleViolation) as caught:
        check_draft(draft(scope_amount=None), SHORT_STAY)
    assert field_of(caught) == "body.ends_on"


@pytest.mark.parametrize(
    ("age", "hours", "months", "right"),
    [
        (45, 35, 36, BpaRight.applies),
        (45, 28, 36, BpaRight.applies_unless_much_more_expensive),
        (45, 20, 36, BpaRight.does_not_apply),
        (67, 40, 36, BpaRight.does_not_apply),
        (45, 40, 24, BpaRight.does_not_apply),
        (45, None, 36, BpaRight.unknown),
    ],
)
def test_the_bpa_right_follows_pbrl_2_1_d(
    age: int, hours: float | None, months: int, right: BpaRight
) -> None:
    assert bpa_right(age, hours, months).right == right


def test_bpa_hours_needing_two_helpers_do_not_count() -> None:
    """pbrl § 2-1 d (Helsedirektoratet's rundskriv): needs for more than one helper at a time
    are outside the right. 30 hours of which 8 need two helpers: 22 count, below 25, no right."""
    found = bpa_right(45, BpaHours(30, two_helpers=8), 36)

    assert found.hours is not None and found.hours.counted == 22
    assert found.right == BpaRight.does_not_apply
    assert found.code == BpaReason.under_25_hours


def test_bpa_night_hours_count_only_when_the_need_is_continuous() -> None:
    """pbrl § 2-1 d: night services are outside the right unless the need is continuous."""
    intermittent = bpa_right(45, BpaHours(40, night=10), 36)
    continuous = bpa_right(45, BpaHours(40, night=10, night_continuous=True), 36)

    assert intermittent.hours is not None and intermittent.hours.counted == 30
    assert intermittent.right == BpaRight.applies_unless_much_more_expensive
    assert continuous.hours is not None and continuous.hours.counted == 40
    assert continuous.right == BpaRight.applies


def test_bpa_both_exclusions_together_and_never_below_zero() -> None:
    assert BpaHours(40, two_helpers=6, night=4).counted == 30
    assert BpaHours(5, two_helpers=8).counted == 0


def test_the_parts_left_out_of_bpa_hours_cannot_exceed_the_assessed_hours() -> None:
    check_bpa_hours(BpaHours(30, two_helpers=20, night=10))
    with pytest.raises(RuleViolation) as caught:
        check_bpa_hours(BpaHours(30, two_helpers=20, night=11))
    assert field_of(caught) == "body.two_helper_hours_per_week"
    with pytest.raises(RuleViolation) as caught:
        check_bpa_hours(BpaHours(None, two_helpers=2))
    assert field_of(caught) == "body.assessed_hours_per_week"


def test_the_rights_record_shows_the_hours_counted_and_left_out() -> None:
    rights = rights_for(
        RightsBasis(
            is_bpa=True,
            is_long_term_place=False,
            requires_lower_level_review=True,
            age=40,
            hours_per_week=30,
            expected_duration_months=60,
            two_helper_hours_per_week=8,
        )
    )

    assert rights.bpa is not None
    assert rights.bpa.hours_assessed == 30
    assert rights.bpa.hours_counted == 22
    assert rights.bpa.hours_two_helpers == 8
    assert rights.bpa.hours_night_excluded is None
    assert rights.bpa.right == BpaRight.does_not_apply


def test_four_eyes_needs_a_second_caseworker() -> None:
    with pytest.raises(Conflict):
        move(DecisionStatus.draft, DecisionStatus.made, four_eyes=True, actor="a", drafted_by="a")
    ready = move(
        DecisionStatus.draft,
        DecisionStatus.ready_for_approval,
        four_eyes=True,
        actor="a",
        drafted_by="a",
    )
    with pytest.raises(Forbidden):
        move(ready, DecisionStatus.made, four_eyes=True, actor="a", drafted_by="a")
    assert (
        move(ready, DecisionStatus.made, four_eyes=True, actor="b", drafted_by="a")
        == DecisionStatus.made
    )


def test_a_decision_sent_for_approval_is_approved_by_another_caseworker_always() -> None:
    """Even where the municipality does not require four eyes, whoever sent a decision for
    approval (or drafted it) cannot approve it themselves."""
    ready = DecisionStatus.ready_for_approval

    with pytest.raises(Forbidden):
        move(ready, DecisionStatus.made, four_eyes=False, actor="a", drafted_by="a")
    with pytest.raises(Forbidden):
        move(
            ready, DecisionStatus.made, four_eyes=False, actor="b", drafted_by="a", submitted_by="b"
        )
    assert (
        move(
            ready, DecisionStatus.made, four_eyes=False, actor="c", drafted_by="a", submitted_by="b"
        )
        == DecisionStatus.made
    )


def test_without_four_eyes_the_drafter_makes_the_decision() -> None:
    assert (
        move(DecisionStatus.draft, DecisionStatus.made, four_eyes=False, actor="a", drafted_by="a")
        == DecisionStatus.made
    )


def test_a_made_decision_is_immutable() -> None:
    check_editable(DecisionStatus.draft)
    for status in (DecisionStatus.made, DecisionStatus.sent, DecisionStatus.in_force):
        with pytest.raises(Conflict):
            check_editable(status)


def test_a_made_decision_never_goes_back_to_draft() -> None:
    with pytest.raises(Conflict):
        move(DecisionStatus.made, DecisionStatus.draft, four_eyes=False, actor="a", drafted_by="a")
