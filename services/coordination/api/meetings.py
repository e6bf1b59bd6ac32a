"""Ansvarsgruppe meetings and plan evaluations."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from services.coordination.api.deps import COORDINATING_UNIT, PLAN_CONTENT_READER, WorkDep
from services.coordination.api.views import evaluation_read, meeting_read
from services.coordination.flows import meetings as flow
from services.coordination.schemas import (
    EvaluationCreate,
    EvaluationRead,
    MeetingCreate,
    MeetingMinutes,
    MeetingRead,
)
from shared.concurrency import IfMatchVersion, set_etag
from shared.errors import problem_responses

router = APIRouter(tags=["meetings"])


@router.post(
    "/plans/{plan_id}/meetings",
    status_code=201,
    response_model=MeetingRead,
    responses=problem_responses(403, 404, 409),
    operation_id="plan_meeting",
    dependencies=[COORDINATING_UNIT],
)
async def plan_meeting(
    plan_id: uuid.UUID, body: MeetingCreate, work: WorkDep, response: Response
) -> MeetingRead:
    """Call an ansvarsgruppe meeting: date, place, agenda, who is invited."""
    meeting = await flow.plan_meeting(work, plan_id, body)
    set_etag(response, meeting.version)
    return meeting_read(meeting)


@router.get(
    "/plans/{plan_id}/meetings",
    response_model=list[MeetingRead],
    responses=problem_responses(403, 404),
    operation_id="list_meetings",
    dependencies=[PLAN_CONTENT_READER],
)
async def list_meetings(plan_id: uuid.UUID, work: WorkDep) -> list[MeetingRead]:
    return [meeting_read(m) for m in await flow.meetings(work, plan_id)]


@router.put(
    "/meetings/{meeting_id}/minutes",
    response_model=MeetingRead,
    responses=problem_responses(403, 404, 409, 412, 428),
    operation_id="record_minutes",
    dependencies=[COORDINATING_UNIT],
)
async def record_minutes(
    meeting_id: uuid.UUID,
    body: MeetingMinutes,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> MeetingRead:
    """The minutes; each decision becomes a measure of the plan with owner and deadline."""
    meeting = await flow.record_minutes(work, meeting_id, body, if_match)
    set_etag(response, meeting.version)
    return meeting_read(meeting)


@router.post(
    "/meetings/{meeting_id}/approve",
    response_model=MeetingRead,
    responses=problem_responses(403, 404, 409, 412, 428),
    operation_id="approve_minutes",
    dependencies=[COORDINATING_UNIT],
)
async def approve_minutes(
    meeting_id: uuid.UUID, work: WorkDep, if_match: IfMatchVersion, response: Response
) -> MeetingRead:
    """The koordinator approves the minutes; then they are final."""
    meeting = await flow.approve_minutes(work, meeting_id, if_match)
    set_etag(response, meeting.version)
    return meeting_read(meeting)


@router.post(
    "/plans/{plan_id}/evaluations",
    status_code=201,
    response_model=EvaluationRead,
    responses=problem_responses(403, 404, 409, 412, 428),
    operation_id="evaluate_plan",
    dependencies=[COORDINATING_UNIT],
)
async def evaluate_plan(
    plan_id: uuid.UUID, body: EvaluationCreate, work: WorkDep, if_match: IfMatchVersion
) -> EvaluationRead:
    """Results per goal (reached, partly, not) and the next evaluation date; they feed the
    plan's next version (send the plan's ETag as If-Match)."""
    return evaluation_read(await flow.evaluate(work, plan_id, body, if_match))


@router.get(
    "/plans/{plan_id}/evaluations",
    response_model=list[EvaluationRead],
    responses=problem_responses(403, 404),
    operation_id="list_evaluations",
    dependencies=[PLAN_CONTENT_READER],
)
async def list_evaluations(plan_id: uuid.UUID, work: WorkDep) -> list[EvaluationRead]:
    return [evaluation_read(e) for e in await flow.evaluations(work, plan_id)]
