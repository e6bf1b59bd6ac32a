"""Model → response schema: how coordination's rows are shown through the API."""

from __future__ import annotations

from datetime import date

from services.coordination.domain import access
from services.coordination.domain import consent as consent_rules
from services.coordination.domain.assignments import CHILD_AGE_LIMIT, age_on
from services.coordination.domain.evaluations import GoalEvaluation
from services.coordination.domain.meetings import MeetingDecision, MeetingStatus
from services.coordination.domain.plans import (
    PlanContent,
    is_evaluation_overdue,
    overdue_measures,
)
from services.coordination.domain.requests import waiting_days
from services.coordination.flows.plans import PlanView, facts_of
from services.coordination.models import (
    Consent,
    CoordinationRequest,
    CoordinatorAssignment,
    Evaluation,
    Meeting,
    Plan,
    PlanVersion,
)
from services.coordination.schemas import (
    Attendee,
    ConsentRead,
    CoordinatorAssignmentRead,
    CoordinatorRef,
    EvaluationRead,
    MeetingRead,
    PersonRef,
    PlanListItem,
    PlanRead,
    PlanVersionDetail,
    PlanVersionRead,
    RequestRead,
)
from shared.schemas.coordination import (
    CoordinatorKind,
    PlanStatus,
    RequestOutcome,
    RequestSource,
    RequestStatus,
)


def request_read(request: CoordinationRequest, today: date) -> RequestRead:
    return RequestRead(
        id=request.id,
        person_id=request.person_id,
        person_name=request.person_name,
        received_on=request.received_on,
        waiting_days=waiting_days(request.received_on, today),
        source=RequestSource(request.source),
        wants_plan=request.wants_plan,
        wants_coordinator=request.wants_coordinator,
        submitted_by=request.submitted_by,
        description=request.description,
        units=request.units,
        status=RequestStatus(request.status),
        outcome=RequestOutcome(request.outcome) if request.outcome else None,
        grants_plan=request.grants_plan,
        grants_coordinator=request.grants_coordinator,
        reasons=request.reasons,
        assessed_on=request.assessed_on,
        assessed_by_name=request.assessed_by_name,
        is_child=bool(request.birth_date and age_on(request.birth_date, today) < CHILD_AGE_LIMIT),
        version=request.version,
    )


def assignment_read(assignment: CoordinatorAssignment) -> CoordinatorAssignmentRead:
    return CoordinatorAssignmentRead.model_validate(assignment, from_attributes=True)


def consent_read(consent: Consent, today: date) -> ConsentRead:
    return ConsentRead(
        id=consent.id,
        given_by_kind=consent_rules.ConsentGiver(consent.given_by_kind),
        given_by_name=consent.given_by_name,
        representative_scope=consent.representative_scope,
        scope_confirmed_by=consent.scope_confirmed_by,
        given_on=consent.given_on,
        valid_until=consent.valid_until,
        audiences=[consent_rules.Audience(a) for a in consent.audiences],
        member_ids=consent.member_ids,
        note=consent.note,
        recorded_by_name=consent.recorded_by_name,
        withdrawn_on=consent.withdrawn_on,
        withdrawn_reason=consent.withdrawn_reason,
        in_force=consent_rules.is_in_force(facts_of(consent), today),
    )


def person_ref(plan: Plan) -> PersonRef:
    return PersonRef(id=plan.person_id, name=plan.person_name, birth_date=plan.birth_date)


def plan_read(view: PlanView, today: date) -> PlanRead:
    """`view` from `read` or `open_for_reading` (with intake's decisions asked for)."""
    plan, content, decisions = view.plan, view.content, view.decisions
    assert decisions is not None, "the plan's view was read without intake's decisions"
    status = PlanStatus(plan.status)
    coordinator = view.coordinator
    return PlanRead(
        id=plan.id,
        person=person_ref(plan),
        status=status,
        version=plan.version,
        goals=content.goals,
        measures=content.measures,
        team=content.team,
        next_evaluation_on=content.next_evaluation_on,
        activated_on=plan.activated_on,
        closed_on=plan.closed_on,
        closed_reason=plan.closed_reason,
        coordinator=CoordinatorRef(
            sub=coordinator.coordinator_sub,
            name=coordinator.coordinator_name,
            kind=CoordinatorKind(coordinator.kind),
            since=coordinator.from_date,
        )
        if coordinator
        else None,
        consents=[consent_read(c, today) for c in view.consents],
        has_consent=bool(consent_rules.in_force(view.consent_facts, today)),
        members_who_may_see=sorted(
            access.visible_member_ids(content.team, view.consent_facts, today), key=str
        ),
        evaluation_overdue=is_evaluation_overdue(status, plan.next_evaluation_on, today),
        overdue_measure_ids=[m.id for m in overdue_measures(content, today)],
        may_edit=view.may_edit,
        decisions=decisions,
        service_names={d.service_type: d.service_name for d in decisions.items if d.service_name},
        updated_at=plan.updated_at,
    )


def plan_list_item(plan: Plan) -> PlanListItem:
    return PlanListItem(
        id=plan.id,
        person=person_ref(plan),
        status=PlanStatus(plan.status),
        version=plan.version,
        next_evaluation_on=plan.next_evaluation_on,
        activated_on=plan.activated_on,
        closed_on=plan.closed_on,
    )


def version_read(version: PlanVersion) -> PlanVersionRead:
    return PlanVersionRead(
        number=version.number,
        status=PlanStatus(version.status),
        created_at=version.created_at,
        changed_by_name=version.changed_by_name,
        note=version.note,
    )


def version_detail(version: PlanVersion) -> PlanVersionDetail:
    return PlanVersionDetail(
        **version_read(version).model_dump(), content=PlanContent.model_validate(version.content)
    )


def meeting_read(meeting: Meeting) -> MeetingRead:
    return MeetingRead(
        id=meeting.id,
        plan_id=meeting.plan_id,
        person_id=meeting.person_id,
        meeting_on=meeting.meeting_on,
        place=meeting.place,
        agenda=meeting.agenda,
        attendees=[Attendee.model_validate(a) for a in meeting.attendees],
        minutes=meeting.minutes,
        decisions=[MeetingDecision.model_validate(d) for d in meeting.decisions],
        status=MeetingStatus(meeting.status),
        approved_on=meeting.approved_on,
        approved_by_name=meeting.approved_by_name,
        version=meeting.version,
    )


def evaluation_read(evaluation: Evaluation) -> EvaluationRead:
    return EvaluationRead(
        id=evaluation.id,
        plan_id=evaluation.plan_id,
        evaluated_on=evaluation.evaluated_on,
        results=[GoalEvaluation.model_validate(r) for r in evaluation.results],
        next_evaluation_on=evaluation.next_evaluation_on,
        plan_version=evaluation.plan_version,
        recorded_by_name=evaluation.recorded_by_name,
    )
