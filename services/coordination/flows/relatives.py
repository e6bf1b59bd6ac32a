"""Pårørendesamtaler: plan one with a relative from intake's register, record what was agreed."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from services.coordination.domain import relatives as rules
from services.coordination.domain.consent import ConsentGiver
from services.coordination.domain.relatives import ConversationStatus, Phase
from services.coordination.flows import Work, need_to_know
from services.coordination.models import RelativeConversation
from services.coordination.schemas import (
    ConversationCreate,
    ConversationHeld,
    PersonRelations,
    RelativeOption,
    RepresentativeOption,
)
from shared.access_log import AccessAction
from shared.concurrency import check_version
from shared.errors import RuleViolation
from shared.schemas.roles import Role


async def plan(work: Work, person_id: uuid.UUID, body: ConversationCreate) -> RelativeConversation:
    """The relative and what they may be told are read from intake, as registered today."""
    await work.check_known(person_id)
    person = await work.intake.person(person_id)
    relative = next((r for r in person.relatives if r.id == body.relative_id), None)
    if relative is None:
        raise RuleViolation("body.relative_id", "Intake has no such relative for the person")
    held = {
        Phase(c.phase)
        for c in await work.conversations.for_person(person_id)
        if c.status == ConversationStatus.held.value and c.relative_id == body.relative_id
    }
    rules.check_phase(body.phase, held)
    conversation = RelativeConversation(
        person_id=person_id,
        relative_id=relative.id,
        relative_name=relative.name,
        relation=relative.relation,
        information_scope=relative.information_scope,
        phase=body.phase.value,
        planned_on=body.planned_on,
        status=ConversationStatus.planned.value,
        led_by_name=work.user.name,
    )
    await work.conversations.add(conversation)
    await work.log(person_id, AccessAction.create, "relative_conversation", conversation.id)
    return conversation


async def held(
    work: Work, conversation_id: uuid.UUID, body: ConversationHeld, if_match: int
) -> RelativeConversation:
    """By the koordinator, or a clinician while a unit of theirs serves the person (or their
    emergency access lasts); a refusal is in the person's access log."""
    conversation = await work.conversations.get(conversation_id)
    async with work.refusals_logged(
        conversation.person_id, "relative_conversation", conversation.id
    ):
        reason = await _check_need_to_know(work, conversation.person_id)
    check_version(if_match, conversation.version)
    rules.check_held(ConversationStatus(conversation.status), body.held_on, body.agreed, work.today)
    conversation.held_on = body.held_on
    conversation.agreed = body.agreed.strip()
    conversation.status = ConversationStatus.held.value
    await work.flush()
    await work.log(
        conversation.person_id,
        AccessAction.update,
        "relative_conversation",
        conversation.id,
        reason=reason,
    )
    return conversation


async def for_person(work: Work, person_id: uuid.UUID) -> Sequence[RelativeConversation]:
    """Helsepersonell see them for persons their unit serves (tjenstlig behov)."""
    reason = await _check_need_to_know(work, person_id)
    rows = await work.conversations.for_person(person_id)
    await work.log(person_id, AccessAction.read, "relative_conversation", reason=reason)
    return rows


async def relations(work: Work, person_id: uuid.UUID) -> PersonRelations:
    """The person's guardian or fullmakt and relatives, read from intake with the caller's
    token (intake checks its own access; intake down → 503, nothing is written)."""
    reason = await _check_need_to_know(work, person_id)
    person = await work.intake.person(person_id)
    await work.log(person_id, AccessAction.read, "person_relations", reason=reason)
    return PersonRelations(
        person_id=person_id,
        representatives=[
            RepresentativeOption(
                id=r.id,
                kind=ConsentGiver(r.kind),
                name=r.name,
                contact=r.contact,
                scope=r.scope,
                valid_from=r.valid_from,
                valid_to=r.valid_to,
                valid_today=(r.valid_from is None or r.valid_from <= work.today)
                and (r.valid_to is None or r.valid_to >= work.today),
            )
            for r in person.representatives
        ],
        relatives=[
            RelativeOption.model_validate(r, from_attributes=True) for r in person.relatives
        ],
    )


async def _check_need_to_know(work: Work, person_id: uuid.UUID) -> str | None:
    """The coordinating unit reads across the municipality; others where their unit serves
    the person or while their emergency access lasts (its reason returned, for the log)."""
    await work.check_known(person_id)
    if work.user.has_any(Role.coordinator):
        return None
    return await need_to_know.check_serves(work, person_id)
