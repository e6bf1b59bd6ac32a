"""Pure rules: the risk matrix, the handling state machine and working-day deadlines."""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.quality.domain import access, risk
from services.quality.domain import deviations as rules
from services.quality.domain.access import View
from services.quality.domain.deadlines import acknowledge_by, working_days
from services.quality.domain.guidance import guidance
from shared.errors import Conflict, Forbidden, RuleViolation
from shared.principal import Principal
from shared.schemas.quality import (
    CauseCategory,
    DeviationCategory,
    DeviationStatus,
    RiskLevel,
)
from shared.schemas.roles import Role

CALENDAR = working_days()
NOW = datetime(2026, 3, 10, 12, tzinfo=UTC)


def test_the_risk_score_is_consequence_times_probability() -> None:
    assert risk.score(4, 3) == 12
    assert risk.level_of(12) is RiskLevel.high


def test_the_matrix_is_green_below_five_yellow_below_ten_and_red_from_ten() -> None:
    assert risk.level_of(4) is RiskLevel.low
    assert risk.level_of(5) is RiskLevel.medium
    assert risk.level_of(9) is RiskLevel.medium
    assert risk.level_of(10) is RiskLevel.high
    assert risk.matrix()[4][4] is RiskLevel.high
    assert risk.matrix()[0][0] is RiskLevel.low


@given(st.integers(1, 5), st.integers(1, 5))
def test_the_matrix_is_symmetric_and_never_falls_with_a_higher_grade(c: int, p: int) -> None:
    order = [RiskLevel.low, RiskLevel.medium, RiskLevel.high]
    assert risk.score(c, p) == risk.score(p, c)
    if c < 5:
        assert order.index(risk.level_of(risk.score(c + 1, p))) >= order.index(
            risk.level_of(risk.score(c, p))
        )


@pytest.mark.parametrize(("consequence", "probability"), [(0, 3), (6, 1), (3, 0)])
def test_grades_outside_one_to_five_are_refused(consequence: int, probability: int) -> None:
    with pytest.raises(RuleViolation):
        risk.score(consequence, probability)


def test_serious_or_high_risk_deviations_go_to_the_committee() -> None:
    assert risk.goes_to_committee(2, is_serious=True)
    assert risk.goes_to_committee(10, is_serious=False)
    assert not risk.goes_to_committee(9, is_serious=False)


def test_a_deviation_cannot_skip_from_reported_to_closed() -> None:
    with pytest.raises(Conflict):
        rules.move(DeviationStatus.reported, rules.Step.close)
    with pytest.raises(Conflict):
        rules.move(DeviationStatus.reported, rules.Step.investigate)
    with pytest.raises(Conflict):
        rules.move(DeviationStatus.acknowledged, rules.Step.close)


def test_the_handling_steps_in_order_and_reopening_goes_back_to_investigated() -> None:
    status = DeviationStatus.reported
    for step, expected in [
        (rules.Step.acknowledge, DeviationStatus.acknowledged),
        (rules.Step.investigate, DeviationStatus.investigated),
        (rules.Step.investigate, DeviationStatus.investigated),
        (rules.Step.close, DeviationStatus.closed),
        (rules.Step.reopen, DeviationStatus.investigated),
    ]:
        status = rules.move(status, step)
        assert status is expected


def test_closing_needs_a_learning_summary_and_a_direct_cause() -> None:
    causes = [rules.Cause(CauseCategory.routines, False, "Ingen rutine")]
    with pytest.raises(RuleViolation, match="learnt"):
        rules.check_closing("  ", "Takk", causes)
    with pytest.raises(RuleViolation, match="direct cause"):
        rules.check_closing("Lært", "Takk", [rules.Cause(CauseCategory.staffing, True, "x")])
    rules.check_closing("Lært", "Takk", causes)


def test_reopening_needs_a_reason() -> None:
    with pytest.raises(RuleViolation):
        rules.check_reopening(" ")


def _report(**overrides: object) -> rules.Report:
    fields: dict[str, object] = {
        "occurred_at": NOW - timedelta(hours=2),
        "discovered_at": NOW - timedelta(hours=1),
        "category": DeviationCategory.medication,
        "collaboration_party": None,
        "is_anonymous": False,
        "names_a_person": False,
    }
    return rules.Report(**{**fields, **overrides})  # type: ignore[arg-type]


def test_a_samhandlingsavvik_names_the_other_party() -> None:
    with pytest.raises(RuleViolation, match="other party"):
        rules.check_report(_report(category=DeviationCategory.collaboration), NOW)
    rules.check_report(
        _report(category=DeviationCategory.collaboration, collaboration_party="St. Olavs"), NOW
    )


def test_an_anonymous_report_cannot_name_a_person() -> None:
    with pytest.raises(RuleViolation) as caught:
        rules.check_report(_report(is_anonymous=True, names_a_person=True), NOW)
    assert caught.value.errors[0]["field"] == "body.person_id"


def test_a_deviation_is_not_found_before_it_happened_nor_in_the_future() -> None:
    with pytest.raises(RuleViolation):
        rules.check_report(_report(discovered_at=NOW - timedelta(hours=3)), NOW)
    with pytest.raises(RuleViolation):
        rules.check_report(_report(discovered_at=NOW + timedelta(hours=1)), NOW)
    rules.check_report(_report(discovered_at=NOW + timedelta(minutes=2)), NOW)


def test_five_working_days_skip_the_weekend() -> None:
    assert acknowledge_by(date(2026, 3, 12), 5, CALENDAR) == date(2026, 3, 19)


def test_the_acknowledgement_deadline_skips_easter() -> None:
    # Easter 2026: Maundy Thursday 2 April to Easter Monday 6 April.
    assert acknowledge_by(date(2026, 3, 31), 5, CALENDAR) == date(2026, 4, 10)


def test_the_acknowledgement_deadline_skips_christmas_day_and_boxing_day() -> None:
    # 24 December is a working day by law; 25 and 26 December are public holidays.
    assert acknowledge_by(date(2026, 12, 23), 3, CALENDAR) == date(2026, 12, 29)


@given(st.dates(date(2024, 1, 1), date(2030, 12, 31)), st.integers(1, 15))
def test_the_deadline_is_a_working_day_and_at_least_as_many_days_later(
    day: date, count: int
) -> None:
    deadline = acknowledge_by(day, count, CALENDAR)
    assert CALENDAR.is_working_day(deadline)
    assert (deadline - day).days >= count


def test_acknowledgement_is_late_only_while_still_reported() -> None:
    deadline = date(2026, 3, 19)
    assert rules.is_acknowledgement_late(DeviationStatus.reported, deadline, date(2026, 3, 20))
    assert not rules.is_acknowledgement_late(DeviationStatus.reported, deadline, deadline)
    assert not rules.is_acknowledgement_late(
        DeviationStatus.acknowledged, deadline, date(2026, 3, 20)
    )


def test_the_receipt_code_is_stored_only_as_a_hash_that_ignores_dashes_and_case() -> None:
    stored = rules.receipt_hash("ABCD-EFGH-JKLM")
    assert stored == rules.receipt_hash("abcdefghjklm")
    assert "ABCD" not in stored


def _who(*roles: Role, units: list[str] | None = None, sub: str = "x") -> Principal:
    return Principal(sub=sub, municipality="3207", roles=list(roles), units=units or [])


def test_the_leader_handles_their_units_and_the_quality_lead_all() -> None:
    assert access.is_handler(_who(Role.manager, units=["a"]), "a")
    assert not access.is_handler(_who(Role.manager, units=["a"]), "b")
    assert access.is_handler(_who(Role.quality_lead), "b")
    with pytest.raises(Forbidden):
        access.check_may_handle(_who(Role.clinician, units=["a"]), "a")


def test_a_colleague_sees_the_deviation_redacted_and_others_not_at_all() -> None:
    assert access.view_of(_who(Role.clinician, units=["a"], sub="me"), "a", "me") is View.full
    assert access.view_of(_who(Role.clinician, units=["a"]), "a", "me") is View.redacted
    assert access.view_of(_who(Role.clinician, units=["b"]), "a", "me") is None
    assert access.view_of(_who(Role.manager, units=["b"]), "a", None) is None


def test_the_guidance_defines_every_level_and_gives_examples_for_every_category() -> None:
    data = guidance()
    assert [level.level for level in data.consequence] == [1, 2, 3, 4, 5]
    assert [level.level for level in data.probability] == [1, 2, 3, 4, 5]
    assert set(data.examples) == set(DeviationCategory)
    assert data.sources
    assert data.serious_event_checklist[0].deadline == "straks"
