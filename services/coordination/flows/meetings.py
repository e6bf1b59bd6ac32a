"""Ansvarsgruppe meetings and plan evaluations: both feed the plan's next version."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from services.coordination.domain import evaluations as evaluation_rules
from services.coordination.domain import meetings as rules
from services.coordination.domain import plans as plan_rules
from services.coordination.domain.meetings import MeetingDecision, MeetingStatus
from services.coordination.domain.plans import PlanContent
from services.coordination.flows import Work
from services.coordination.flows import plans as plan_flow
from services.coordination.models import Evaluation, Meeting
from services.coordination.schemas import EvaluationCreate, MeetingCreate, MeetingMinutes
from shared.access_log import AccessAction
from shared.concurrency import check_version
from shared.schemas.coordination import MeetingHeld, PlanStatus


async def plan_meeting(work: Work, plan_id: uuid.UUID, body: MeetingCreate) -> Meeting:
    plan = await work.plans.get(plan_id)
    await plan_flow.check_may_edit(work, plan.person_id, "meeting", plan.id)
    plan_rules.check_editable(PlanStatus(plan.status))
    meeting = Meeting(
        plan_id=plan.id,
        person_id=plan.person_id,
        meeting_on=body.meeting_on,
        place=body.place,
        agenda=body.agenda,
        attendees=[a.model_dump() for a in body.attendees],
        decisions=[],
        status=MeetingStatus.planned.value,
    )
    await work.plans.add_row(meeting)
    await work.log(plan.person_id, AccessAction.create, "meeting", meeting.id)
    return meeting


async def meetings(work: Work, plan_id: uuid.UUID) -> Sequence[Meeting]:
    view = await plan_flow.readable(work, plan_id)
    return await work.plans.meetings(view.plan.id)


async def record_minutes(
    work: Work, meeting_id: uuid.UUID, body: MeetingMinutes, if_match: int
) -> Meeting:
    """The minutes and the meeting's decisions; each decision becomes a measure of the plan
    (a new plan version) with its owner and deadline."""
    meeting = await work.plans.meeting(meeting_id)
    check_version(if_match, meeting.version)
    plan = await work.plans.get(meeting.plan_id, for_update=True)
    await plan_flow.check_may_edit(work, plan.person_id, "meeting", plan.id)
    plan_rules.check_editable(PlanStatus(plan.status))
    rules.check_minutes(MeetingStatus(meeting.status), body.minutes, meeting.meeting_on, work.today)
    content, decisions = rules.decisions_as_measures(
        PlanContent.model_validate(plan.content), meeting.id, body.decisions, meeting.meeting_on
    )
    first_time = meeting.status == MeetingStatus.planned.value
    meeting.minutes = body.minutes
    if body.attendees is not None:
        meeting.attendees = [a.model_dump() for a in body.attendees]
    meeting.decisions = [d.model_dump(mode="json") for d in decisions]
    meeting.status = MeetingStatus.held.value
    await work.flush()
    if decisions:
        await plan_flow.write_version(
            work, plan, content, f"Vedtak i ansvarsgruppemøte {meeting.meeting_on:%d.%m.%Y}"
        )
    await work.log(plan.person_id, AccessAction.update, "meeting", meeting.id, reason="referat")
    if first_time:
        await work.publish(
            MeetingHeld(
                person_id=plan.person_id,
                plan_id=plan.id,
                held_on=meeting.meeting_on,
                decisions=len(decisions),
            ),
            subject=meeting.id,
        )
    return meeting


async def approve_minutes(work: Work, meeting_id: uuid.UUID, if_match: int) -> Meeting:
    """The koordinator approves the minutes; then they are final."""
    meeting = await work.plans.meeting(meeting_id)
    check_version(if_match, meeting.version)
    await plan_flow.check_may_edit(work, meeting.person_id, "meeting", meeting.id)
    rules.check_approval(MeetingStatus(meeting.status))
    meeting.status = MeetingStatus.approved.value
    meeting.approved_on = work.today
    meeting.approved_by_name = work.user.name
    await work.flush()
    await work.log(meeting.person_id, AccessAction.update, "meeting", meeting.id, reason="godkjent")
    return meeting


def decisions_of(meeting: Meeting) -> list[MeetingDecision]:
    return [MeetingDecision.model_validate(d) for d in meeting.decisions]


async def evaluate(
    work: Work, plan_id: uuid.UUID, body: EvaluationCreate, if_match: int
) -> Evaluation:
    """Results per goal feed the plan's next version, with the next evaluation date."""
    plan = await work.plans.get(plan_id, for_update=True)
    await plan_flow.check_may_edit(work, plan.person_id, "evaluation", plan.id)
    check_version(if_match, plan.version)
    content = evaluation_rules.evaluate(
        PlanContent.model_validate(plan.content),
        PlanStatus(plan.status),
        body.results,
        body.evaluated_on,
        body.next_evaluation_on,
        work.today,
    )
    await plan_flow.write_version(work, plan, content, f"Evaluert {body.evaluated_on:%d.%m.%Y}")
    evaluation = Evaluation(
        plan_id=plan.id,
        person_id=plan.person_id,
        evaluated_on=body.evaluated_on,
        results=[r.model_dump(mode="json") for r in body.results],
        next_evaluation_on=body.next_evaluation_on,
        plan_version=plan.version,
        recorded_by_name=work.user.name,
    )
    await work.plans.add_row(evaluation)
    return evaluation


async def evaluations(work: Work, plan_id: uuid.UUID) -> Sequence[Evaluation]:
    view = await plan_flow.readable(work, plan_id)
    return await work.plans.evaluations(view.plan.id)
