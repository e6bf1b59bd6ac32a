"""The quality system's rules, pure: ROS approval, procedure versions and receipts, audits,
supervision deadlines and measures."""

from datetime import date

import pytest

from services.quality.domain import audits, measures, procedures, ros
from shared.errors import Conflict, Forbidden, RuleViolation, RuleViolations
from shared.principal import Principal
from shared.schemas.quality import ActionStatus, AuditStatus, FindingStatus, RosStatus
from shared.schemas.roles import Role

TODAY = date(2026, 12, 1)


def principal(*roles: Role, units: tuple[str, ...] = ()) -> Principal:
    return Principal(sub="x", name="X", municipality="3207", roles=list(roles), units=list(units))


def test_a_high_risk_needs_a_measure_and_a_medium_one_does_not() -> None:
    assert ros.needs_measure(10, 0) is True
    assert ros.needs_measure(25, 1) is False
    assert ros.needs_measure(9, 0) is False


def test_approval_names_each_high_risk_without_a_measure() -> None:
    hazards = [
        ros.Hazard("Fall i trapp", 12, 0),
        ros.Hazard("Feil medisin", 20, 1),
        ros.Hazard("Glemt nøkkel", 4, 0),
    ]
    with pytest.raises(RuleViolations) as caught:
        ros.check_approval(RosStatus.draft, hazards)
    assert [e["field"] for e in caught.value.errors] == ["hazards.0"]


def test_approval_needs_hazards_and_a_draft() -> None:
    with pytest.raises(RuleViolation):
        ros.check_approval(RosStatus.draft, [])
    with pytest.raises(Conflict):
        ros.check_approval(RosStatus.approved, [ros.Hazard("A", 4, 0)])
    ros.check_approval(RosStatus.draft, [ros.Hazard("A", 12, 1), ros.Hazard("B", 2, 0)])


def test_an_analysis_is_not_dated_in_the_future_and_names_a_participant() -> None:
    with pytest.raises(RuleViolation):
        ros.check_analysed_on(date(2026, 12, 2), TODAY)
    ros.check_analysed_on(TODAY, TODAY)
    with pytest.raises(RuleViolation):
        ros.check_participants(["  "])


def test_a_procedure_version_has_text_or_a_link_and_a_later_review_date() -> None:
    with pytest.raises(RuleViolation) as caught:
        procedures.check_version_content(TODAY, date(2027, 12, 1), None, "  ")
    assert caught.value.errors[0]["field"] == "body.text"
    with pytest.raises(RuleViolation) as caught:
        procedures.check_version_content(TODAY, TODAY, "Tekst", None)
    assert caught.value.errors[0]["field"] == "body.review_by"
    procedures.check_version_content(TODAY, date(2027, 12, 1), None, "https://eqs.example/1")


def test_a_revision_cannot_start_before_the_version_it_replaces() -> None:
    with pytest.raises(RuleViolation):
        procedures.check_revision(date(2026, 1, 1), date(2026, 6, 1))
    procedures.check_revision(date(2026, 6, 1), date(2026, 6, 1))


def test_a_review_is_overdue_the_day_after_the_review_date() -> None:
    assert procedures.is_review_overdue(date(2026, 11, 30), TODAY) is True
    assert procedures.is_review_overdue(TODAY, TODAY) is False


def test_an_employee_confirms_the_version_in_force_only() -> None:
    with pytest.raises(Conflict):
        procedures.check_confirmation(1, 2)
    procedures.check_confirmation(2, 2)


def test_a_unit_procedure_is_for_the_units_staff_and_a_municipal_one_for_all() -> None:
    assert procedures.expected_readers(None, []) is True
    assert procedures.expected_readers("ski-sykehjem", ["ski-sykehjem"]) is True
    assert procedures.expected_readers("ski-sykehjem", ["dagsenter-ski"]) is False


def test_an_audit_is_planned_ahead_recorded_once_and_overdue_when_left() -> None:
    with pytest.raises(RuleViolation):
        audits.check_planned_on(date(2026, 11, 30), TODAY)
    with pytest.raises(Conflict):
        audits.check_recording(AuditStatus.completed, TODAY, TODAY)
    with pytest.raises(RuleViolation):
        audits.check_recording(AuditStatus.planned, date(2026, 12, 2), TODAY)
    assert audits.is_audit_overdue(AuditStatus.planned, date(2026, 11, 30), TODAY)
    assert not audits.is_audit_overdue(AuditStatus.completed, date(2026, 11, 30), TODAY)


def test_a_finding_has_a_deadline_after_it_came_and_is_overdue_while_open() -> None:
    with pytest.raises(RuleViolation):
        audits.check_finding_dates(TODAY, date(2026, 11, 1), TODAY)
    with pytest.raises(RuleViolation):
        audits.check_finding_dates(date(2026, 12, 2), date(2027, 1, 1), TODAY)
    assert audits.is_finding_overdue(FindingStatus.open, date(2026, 11, 30), TODAY)
    assert not audits.is_finding_overdue(FindingStatus.closed, date(2026, 11, 30), TODAY)


def test_a_finding_closes_only_when_its_measures_are_done() -> None:
    with pytest.raises(Conflict):
        audits.check_closing(FindingStatus.open, [], "Fulgt opp")
    with pytest.raises(Conflict):
        audits.check_closing(
            FindingStatus.open, [ActionStatus.done, ActionStatus.in_progress], "Fulgt opp"
        )
    with pytest.raises(RuleViolation):
        audits.check_closing(FindingStatus.open, [ActionStatus.done], " ")
    audits.check_closing(FindingStatus.open, [ActionStatus.done, ActionStatus.cancelled], "OK")


def test_measures_follow_the_corrective_action_rules() -> None:
    assert measures.is_overdue(ActionStatus.planned, date(2026, 11, 30), TODAY)
    assert not measures.is_overdue(ActionStatus.done, date(2026, 11, 30), TODAY)
    with pytest.raises(RuleViolation) as caught:
        measures.check_due(date(2026, 11, 30), TODAY, is_new=True, field="body.x")
    assert caught.value.errors[0]["field"] == "body.x"
    measures.check_due(date(2026, 11, 30), TODAY, is_new=False)
    assert measures.done_on_after(ActionStatus.done, None, TODAY) == TODAY
    assert measures.done_on_after(ActionStatus.done, date(2026, 1, 1), TODAY) == date(2026, 1, 1)
    assert measures.done_on_after(ActionStatus.in_progress, date(2026, 1, 1), TODAY) is None


def test_the_quality_lead_works_with_all_a_leader_with_their_units() -> None:
    lead = principal(Role.quality_lead)
    leader = principal(Role.manager, units=("ski-sykehjem",))
    nurse = principal(Role.clinician, units=("ski-sykehjem",))
    assert measures.works_with(lead, None) and measures.works_with(lead, "dagsenter-ski")
    assert measures.works_with(leader, "ski-sykehjem")
    assert not measures.works_with(leader, "dagsenter-ski")
    assert not measures.works_with(leader, None)
    assert not measures.works_with(nurse, "ski-sykehjem")
    with pytest.raises(Forbidden):
        measures.check_works_with(leader, None)
    assert measures.units_worked_with(lead) is None
    assert measures.units_worked_with(leader) == ["ski-sykehjem"]
    assert measures.units_worked_with(nurse) == []
