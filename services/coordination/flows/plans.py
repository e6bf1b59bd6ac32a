"""Individual plans: create, read with need to know and consent, revise as new versions,
compare, activate with consent, close with a reason; consents recorded and withdrawn."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from services.coordination.domain import access
from services.coordination.domain import consent as consent_rules
from services.coordination.domain import plans as rules
from services.coordination.domain.consent import Audience, ConsentFacts, ConsentGiver
from services.coordination.domain.plans import Comparison, PlanContent
from services.coordination.flows import ACCESS_LOG, Work
from services.coordination.models import Consent, CoordinatorAssignment, Plan, PlanVersion
from services.coordination.schemas import (
    ConsentCreate,
    ConsentWithdrawal,
    DecisionsFromIntake,
    PlanCreate,
    PlanUpdate,
)
from shared.access_log import AccessAction
from shared.concurrency import check_version
from shared.errors import Conflict, Forbidden, RuleViolation, ServiceUnavailable
from shared.schemas.common import Page
from shared.schemas.coordination import PlanActivated, PlanClosed, PlanRevised, PlanStatus
from shared.schemas.roles import Role


@dataclass
class PlanView:
    """A plan as its reader may see it, with what the read needs around it."""

    plan: Plan
    content: PlanContent
    coordinator: CoordinatorAssignment | None
    consents: Sequence[Consent]
    consent_facts: list[ConsentFacts]
    may_edit: bool
    decisions: DecisionsFromIntake | None = None
    """Intake's decisions of the person; None until asked for (`read`, `open_for_reading`)."""


def facts_of(consent: Consent) -> ConsentFacts:
    return ConsentFacts(
        id=consent.id,
        given_on=consent.given_on,
        valid_until=consent.valid_until,
        withdrawn_on=consent.withdrawn_on,
        audiences=frozenset(Audience(a) for a in consent.audiences),
        member_ids=frozenset(uuid.UUID(m) for m in consent.member_ids),
    )


async def relation(work: Work, person_id: uuid.UUID) -> access.PlanRelation:
    coordinator = await work.assignments.coordinator_sub(person_id)
    return await relation_given(work, person_id, coordinator)


async def relation_given(
    work: Work, person_id: uuid.UUID, coordinator_sub: str | None
) -> access.PlanRelation:
    """The relation when the person's koordinator now is known (None: has none)."""
    return access.PlanRelation(
        is_coordinator=coordinator_sub is not None and coordinator_sub == work.user.sub,
        serves_through_unit=await work.services.serves(person_id, work.user.units, work.today),
    )


async def check_may_edit(
    work: Work, person_id: uuid.UUID, resource: str, resource_id: uuid.UUID
) -> None:
    """Only the person's koordinator changes the plan and what belongs to it; a refusal is in
    the access log."""
    rel = await relation(work, person_id)
    async with work.refusals_logged(person_id, resource, resource_id):
        access.check_may_edit(rel)


async def _load_for_edit(work: Work, plan_id: uuid.UUID, if_match: int) -> Plan:
    plan = await work.plans.get(plan_id, for_update=True)
    await check_may_edit(work, plan.person_id, "plan", plan.id)
    check_version(if_match, plan.version)
    rules.check_editable(PlanStatus(plan.status))
    return plan


async def write_version(
    work: Work,
    plan: Plan,
    content: PlanContent,
    note: str | None,
    *,
    status: PlanStatus | None = None,
    publish: bool = True,
) -> Plan:
    """Store the next version: the plan's row moves on, the version row keeps it as it was."""
    plan.content = content.model_dump(mode="json")
    plan.next_evaluation_on = content.next_evaluation_on
    if status is not None:
        plan.status = status.value
    await work.flush()
    await work.plans.add_version(
        PlanVersion(
            plan_id=plan.id,
            number=plan.version,
            status=plan.status,
            content=plan.content,
            changed_by_name=work.user.name,
            note=note,
        )
    )
    await work.log(plan.person_id, AccessAction.update, "plan", plan.id, reason=note)
    if publish and status is None:
        await work.publish(
            PlanRevised(
                person_id=plan.person_id, plan_version=plan.version, status=PlanStatus(plan.status)
            ),
            subject=plan.id,
        )
    return plan


async def create(work: Work, body: PlanCreate) -> Plan:
    """A draft plan for a person the caller coordinates; one open plan per person."""
    coordinator = await work.assignments.current_coordinator(body.person_id, for_update=True)
    async with work.refusals_logged(body.person_id, "plan"):
        if coordinator is None or coordinator.coordinator_sub != work.user.sub:
            raise Forbidden("Only the person's koordinator starts the plan; assign one first")
    if await work.plans.open_for_person(body.person_id) is not None:
        raise Conflict("The person already has a plan that is not closed")
    if body.request_id is not None:
        request = await work.requests.get(body.request_id)
        if request.person_id != body.person_id:
            raise RuleViolation("body.request_id", "The request is about another person")
    name, birth_date = coordinator.person_name, None
    try:
        person = await work.intake.person(body.person_id)
        name = f"{person.summary.given_name} {person.summary.family_name}"
        birth_date = person.summary.birth_date
    except ServiceUnavailable:
        pass  # the plan can start on what this service knows; intake fills in later
    plan = Plan(
        person_id=body.person_id,
        person_name=name,
        birth_date=birth_date,
        status=PlanStatus.draft.value,
        content=PlanContent().model_dump(mode="json"),
        request_id=body.request_id,
    )
    await work.plans.add(plan)
    await work.plans.add_version(
        PlanVersion(
            plan_id=plan.id,
            number=plan.version,
            status=plan.status,
            content=plan.content,
            changed_by_name=work.user.name,
            note="Planen er opprettet",
        )
    )
    await work.log(plan.person_id, AccessAction.create, "plan", plan.id)
    return plan


async def read(work: Work, plan_id: uuid.UUID) -> PlanView:
    """The plan with intake's decisions (`readable`), in the request's transaction: for the
    answer to a write, whose idempotency record is stored after it."""
    view = await readable(work, plan_id)
    view.decisions = await _decisions(work, view.plan.person_id)
    return view


async def open_for_reading(work: Work, plan_id: uuid.UUID) -> PlanView:
    """The plan with intake's decisions, for a read: the transaction (with its access log row)
    is committed and the connection freed before intake is asked, so a slow intake does not
    hold coordination's pool."""
    view = await readable(work, plan_id)
    await work.commit_before_waiting()
    view.decisions = await _decisions(work, view.plan.person_id)
    return view


async def readable(work: Work, plan_id: uuid.UUID) -> PlanView:
    """The plan, if the caller has need to know within the consent; the read is logged.
    Intake's decisions are not asked for (`read`, `open_for_reading`); intake down → marked
    unavailable there."""
    plan = await work.plans.get(plan_id)
    content = PlanContent.model_validate(plan.content)
    consents = await work.plans.consents(plan.id)
    facts = [facts_of(c) for c in consents]
    coordinator = await work.assignments.current_coordinator(plan.person_id)
    coordinator_sub = coordinator.coordinator_sub if coordinator else None
    rel = await relation_given(work, plan.person_id, coordinator_sub)
    async with work.refusals_logged(plan.person_id, "plan", plan.id):
        reason = access.why_may_read(work.user, rel, content.team, facts, work.today)
    await work.log(plan.person_id, AccessAction.read, "plan", plan.id, reason=reason)
    return PlanView(
        plan=plan,
        content=content,
        coordinator=coordinator,
        consents=consents,
        consent_facts=facts,
        may_edit=rel.is_coordinator and plan.status != PlanStatus.closed.value,
    )


async def _decisions(work: Work, person_id: uuid.UUID) -> DecisionsFromIntake:
    try:
        items = await work.intake.decisions(person_id)
    except ServiceUnavailable as exc:
        return DecisionsFromIntake(available=False, detail=exc.detail)
    return DecisionsFromIntake(available=True, items=items)


async def page(
    work: Work,
    *,
    person_id: uuid.UUID | None,
    status: PlanStatus | None,
    mine: bool,
    limit: int,
    cursor: str | None,
) -> Page[Plan]:
    """Plans as a list shows them (no content): the caller's caseload, or all for the
    coordinating unit and leaders."""
    person_ids = [person_id] if person_id else None
    if mine:
        caseload = await work.assignments.caseload_persons(work.user.sub)
        person_ids = [p for p in caseload if person_ids is None or p in person_ids]
    result = await work.plans.page(person_ids=person_ids, status=status, limit=limit, cursor=cursor)
    await work.log([p.person_id for p in result.items], AccessAction.search, "plan")
    return result


async def update(work: Work, plan_id: uuid.UUID, body: PlanUpdate, if_match: int) -> Plan:
    plan = await _load_for_edit(work, plan_id, if_match)
    content = PlanContent.model_validate(body.model_dump(exclude={"note"}))
    content.check()
    return await write_version(work, plan, content, body.note or "Planen er endret")


async def versions(work: Work, plan_id: uuid.UUID) -> Sequence[PlanVersion]:
    view = await readable(work, plan_id)
    return await work.plans.versions(view.plan.id)


async def version(work: Work, plan_id: uuid.UUID, number: int) -> PlanVersion:
    view = await readable(work, plan_id)
    return await work.plans.version(view.plan.id, number, "path.number")


async def compare(work: Work, plan_id: uuid.UUID, first: int, second: int) -> Comparison:
    view = await readable(work, plan_id)
    before = await work.plans.version(view.plan.id, first, "query.from")
    after = await work.plans.version(view.plan.id, second, "query.to")
    return rules.compare(
        before.number,
        PlanContent.model_validate(before.content),
        PlanStatus(before.status),
        after.number,
        PlanContent.model_validate(after.content),
        PlanStatus(after.status),
    )


async def activate(work: Work, plan_id: uuid.UUID, if_match: int) -> Plan:
    plan = await _load_for_edit(work, plan_id, if_match)
    target = rules.move(PlanStatus(plan.status), PlanStatus.active)
    content = PlanContent.model_validate(plan.content)
    facts = [facts_of(c) for c in await work.plans.consents(plan.id)]
    rules.check_may_activate(
        content,
        has_consent=bool(consent_rules.in_force(facts, work.today)),
        has_coordinator=True,
    )
    plan.activated_on = work.today
    await write_version(work, plan, content, "Planen er tatt i bruk", status=target)
    await work.publish(
        PlanActivated(person_id=plan.person_id, plan_version=plan.version, activated_on=work.today),
        subject=plan.id,
    )
    return plan


async def close(work: Work, plan_id: uuid.UUID, reason: str, if_match: int) -> Plan:
    plan = await _load_for_edit(work, plan_id, if_match)
    target = rules.move(PlanStatus(plan.status), PlanStatus.closed)
    plan.closed_reason = rules.check_close_reason(reason)
    plan.closed_on = work.today
    content = PlanContent.model_validate(plan.content)
    await write_version(work, plan, content, f"Planen er avsluttet: {reason}", status=target)
    await work.publish(
        PlanClosed(person_id=plan.person_id, plan_version=plan.version, closed_on=work.today),
        subject=plan.id,
    )
    return plan


async def record_consent(work: Work, plan_id: uuid.UUID, body: ConsentCreate) -> Consent:
    """Consent as data; a guardian or fullmakt is checked against intake's register."""
    plan = await work.plans.get(plan_id, for_update=True)
    await check_may_edit(work, plan.person_id, "consent", plan.id)
    rules.check_editable(PlanStatus(plan.status))
    content = PlanContent.model_validate(plan.content)
    consent_rules.check_new_consent(
        body.given_on,
        body.valid_until,
        set(body.member_ids),
        {m.id for m in content.team},
        work.today,
    )
    name, scope, confirmed_by = body.given_by_name, None, None
    if body.given_by_kind == ConsentGiver.person:
        name = name or plan.person_name or "Personen selv"
    else:
        representative = await _representative(work, plan.person_id, body.representative_id)
        consent_rules.check_representative(
            body.given_by_kind, representative, work.today, scope_confirmed=body.scope_confirmed
        )
        assert representative is not None
        name, scope, confirmed_by = representative.name, representative.scope, work.user.name
    consent = Consent(
        plan_id=plan.id,
        person_id=plan.person_id,
        given_by_kind=body.given_by_kind.value,
        given_by_name=name,
        representative_id=body.representative_id,
        representative_scope=scope,
        scope_confirmed_by=confirmed_by,
        given_on=body.given_on,
        valid_until=body.valid_until,
        audiences=[a.value for a in body.audiences],
        member_ids=[str(m) for m in body.member_ids],
        note=body.note,
        recorded_by_name=work.user.name,
    )
    await work.plans.add_row(consent)
    await work.log(plan.person_id, AccessAction.create, "consent", consent.id)
    return consent


async def _representative(
    work: Work, person_id: uuid.UUID, representative_id: uuid.UUID | None
) -> consent_rules.Representative | None:
    if representative_id is None:
        return None
    person = await work.intake.person(person_id)
    for item in person.representatives:
        if item.id == representative_id:
            return consent_rules.Representative(
                id=item.id,
                kind=ConsentGiver(item.kind),
                name=item.name,
                scope=item.scope,
                valid_from=item.valid_from,
                valid_to=item.valid_to,
            )
    raise RuleViolation("body.representative_id", "Intake has no such representative")


async def withdraw_consent(
    work: Work, plan_id: uuid.UUID, consent_id: uuid.UUID, body: ConsentWithdrawal
) -> Consent:
    """From the day it is withdrawn, the sharing it covered is closed (read time decides)."""
    plan = await work.plans.get(plan_id)
    await check_may_edit(work, plan.person_id, "consent", plan.id)
    consent = await work.plans.consent(plan.id, consent_id)
    consent_rules.check_withdrawal(consent.withdrawn_on, body.withdrawn_on, consent.given_on)
    if body.withdrawn_on > work.today:
        raise RuleViolation("body.withdrawn_on", "A withdrawal is recorded when it happens")
    consent.withdrawn_on = body.withdrawn_on
    consent.withdrawn_reason = body.reason
    await work.flush()
    await work.log(plan.person_id, AccessAction.update, "consent", consent.id, reason="trukket")
    return consent


async def _check_may_read_access_log(work: Work, person_id: uuid.UUID) -> None:
    """Leaders, and the person's koordinator (the shared rule; a refusal is logged)."""
    await work.check_known(person_id)
    handles = not work.user.has_any(Role.manager) and access.handles_open_case(
        access.PlanRelation(
            is_coordinator=await work.assignments.is_coordinator(person_id, work.user.sub),
            serves_through_unit=False,
        )
    )
    await ACCESS_LOG.check_may_read_log(
        work.session, work.user, person_id, handles_open_case=handles
    )


async def access_log(work: Work, person_id: uuid.UUID, limit: int, cursor: str | None) -> Page[Any]:
    """Who has looked at, changed or been refused the person's coordination data, newest
    first, a page at a time: for leaders and the person's koordinator. Reading it is logged."""
    await _check_may_read_access_log(work, person_id)
    return await ACCESS_LOG.read_person_log(work.session, work.user, person_id, limit, cursor)


async def access_log_export(work: Work, person_id: uuid.UUID, file_format: str) -> list[Any]:
    """The person's whole coordination log, oldest first, for their innsyn request (pbrl
    § 5-1, pasientjournalloven § 18); the export is itself logged (and is its last line)."""
    await _check_may_read_access_log(work, person_id)
    return await ACCESS_LOG.export_person_log(work.session, work.user, person_id, file_format)
