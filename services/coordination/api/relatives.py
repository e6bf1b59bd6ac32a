"""Pårørendesamtaler in the Ottestad model's three phases."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from services.coordination.api.deps import RELATIVE_TALKER, WorkDep
from services.coordination.flows import relatives as flow
from services.coordination.schemas import (
    ConversationCreate,
    ConversationHeld,
    ConversationRead,
    PersonRelations,
)
from shared.concurrency import IfMatchVersion, set_etag
from shared.errors import problem_responses

router = APIRouter(tags=["relatives"], dependencies=[RELATIVE_TALKER])


@router.post(
    "/persons/{person_id}/relative-conversations",
    status_code=201,
    response_model=ConversationRead,
    responses=problem_responses(403, 404, 503),
    operation_id="plan_relative_conversation",
)
async def plan_relative_conversation(
    person_id: uuid.UUID, body: ConversationCreate, work: WorkDep, response: Response
) -> ConversationRead:
    """Plan a conversation with a relative registered in intake (innledning first)."""
    conversation = await flow.plan(work, person_id, body)
    set_etag(response, conversation.version)
    return ConversationRead.model_validate(conversation)


@router.get(
    "/persons/{person_id}/relative-conversations",
    response_model=list[ConversationRead],
    responses=problem_responses(403, 404),
    operation_id="list_relative_conversations",
)
async def list_relative_conversations(
    person_id: uuid.UUID, work: WorkDep
) -> list[ConversationRead]:
    """The person's pårørendesamtaler; a refusal (no need to know) is in the access log."""
    async with work.refusals_logged(person_id, "relative_conversation"):
        rows = await flow.for_person(work, person_id)
    return [ConversationRead.model_validate(c) for c in rows]


@router.put(
    "/relative-conversations/{conversation_id}/held",
    response_model=ConversationRead,
    responses=problem_responses(404, 409, 412, 428),
    operation_id="record_relative_conversation",
)
async def record_relative_conversation(
    conversation_id: uuid.UUID,
    body: ConversationHeld,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> ConversationRead:
    """Record that it was held and what was agreed."""
    conversation = await flow.held(work, conversation_id, body, if_match)
    set_etag(response, conversation.version)
    return ConversationRead.model_validate(conversation)


@router.get(
    "/persons/{person_id}/relations",
    response_model=PersonRelations,
    responses=problem_responses(403, 404, 503),
    operation_id="get_person_relations",
)
async def get_person_relations(person_id: uuid.UUID, work: WorkDep) -> PersonRelations:
    """The person's guardian or fullmakt (for a consent) and relatives (for a conversation),
    as intake registers them; 503 when intake does not answer. A refusal (no need to know)
    is in the access log."""
    async with work.refusals_logged(person_id, "person_relations"):
        return await flow.relations(work, person_id)
