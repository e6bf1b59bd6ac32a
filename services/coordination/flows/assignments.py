"""Koordinator and primærkontakt: assign with history, hand over in one step, caseload."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, timedelta

from services.coordination.domain import access
from services.coordination.domain import assignments as rules
from services.coordination.domain.plans import is_evaluation_overdue
from services.coordination.flows import Work, need_to_know
from services.coordination.models import CoordinatorAssignment, PrimaryContact
from services.coordination.schemas import CaseloadItem, PrimaryContactCreate
from shared.access_log import AccessAction
from shared.errors import NotFound
from shared.schemas.coordination import (
    CoordinatorAssigned,
    CoordinatorKind,
    PlanStatus,
    PrimaryContactAssigned,
)
from shared.schemas.roles import Role


async def assign_coordinator(
    work: Work,
    person_id: uuid.UUID,
    *,
    sub: str,
    name: str,
    kind: CoordinatorKind,
    from_date: date,
    person_name: str | None = None,
    birth_date: date | None = None,
    request_id: uuid.UUID | None = None,
    handed_over: bool = False,
) -> CoordinatorAssignment:
    """End the current assignment (if any) the day before and start the new one."""
    current = await work.assignments.current_coordinator(person_id, for_update=True)
    rules.check_start(
        current.from_date if current else None,
        current.coordinator_sub if current else None,
        sub,
        from_date,
    )
    if not handed_over:  # a hand-over keeps the kind the koordinerende enhet chose
        if kind == CoordinatorKind.child_coordinator and birth_date is None:
            birth_date = await _birth_date(work, person_id)
        rules.check_kind(kind, birth_date, from_date)
    if current is not None:
        current.to_date = max(current.from_date, from_date - timedelta(days=1))
        current.ended_reason = "hand-over" if handed_over else "reassigned"
        person_name = person_name or current.person_name
    assignment = CoordinatorAssignment(
        person_id=person_id,
        person_name=person_name,
        coordinator_sub=sub,
        coordinator_name=name,
        kind=kind.value,
        from_date=from_date,
        request_id=request_id,
    )
    await work.assignments.add(assignment)
    await work.log(person_id, AccessAction.create, "coordinator_assignment", assignment.id)
    await work.publish(
        CoordinatorAssigned(
            person_id=person_id, kind=kind, from_date=from_date, handed_over=handed_over
        ),
        subject=assignment.id,
    )
    return assignment


async def _birth_date(work: Work, person_id: uuid.UUID) -> date:
    return (await work.intake.person(person_id)).summary.birth_date


async def assign_for_person(
    work: Work, person_id: uuid.UUID, sub: str, name: str, kind: CoordinatorKind, from_date: date
) -> CoordinatorAssignment:
    """From the API: the person is read from intake for their name and age."""
    try:
        person = await work.intake.person(person_id)
    except NotFound as exc:
        raise NotFound("Intake has no such person") from exc
    return await assign_coordinator(
        work,
        person_id,
        sub=sub,
        name=name,
        kind=kind,
        from_date=from_date,
        person_name=f"{person.summary.given_name} {person.summary.family_name}",
        birth_date=person.summary.birth_date,
    )


async def _check_may_read(work: Work, person_id: uuid.UUID) -> str | None:
    """Case roles (koordinator, leder, saksbehandler) read who coordinates whom across the
    municipality; helsepersonell only for persons their unit serves (tjenstlig behov) or
    while their emergency access lasts (its reason returned, for the log)."""
    await work.check_known(person_id)
    if work.user.has_any(Role.coordinator, Role.manager, Role.caseworker):
        return None
    return await need_to_know.check_serves(work, person_id)


async def coordinators(work: Work, person_id: uuid.UUID) -> Sequence[CoordinatorAssignment]:
    reason = await _check_may_read(work, person_id)
    rows = await work.assignments.coordinators(person_id)
    await work.log(person_id, AccessAction.read, "coordinator_assignment", reason=reason)
    return rows


async def assign_primary_contact(
    work: Work, person_id: uuid.UUID, body: PrimaryContactCreate
) -> PrimaryContact:
    access.check_unit_leader(work.user, body.unit)
    await work.check_known(person_id)
    current = await work.assignments.current_primary_contact(person_id, body.unit)
    rules.check_start(
        current.from_date if current else None,
        (current.employee_sub or current.employee_name) if current else None,
        body.employee_sub or body.employee_name,
        body.from_date,
    )
    if current is not None:
        current.to_date = max(current.from_date, body.from_date - timedelta(days=1))
    contact = PrimaryContact(person_id=person_id, **body.model_dump())
    await work.assignments.add(contact)
    await work.log(person_id, AccessAction.create, "primary_contact", contact.id)
    await work.publish(
        PrimaryContactAssigned(person_id=person_id, unit=body.unit, from_date=body.from_date),
        subject=contact.id,
    )
    return contact


async def primary_contacts(work: Work, person_id: uuid.UUID) -> Sequence[PrimaryContact]:
    reason = await _check_may_read(work, person_id)
    rows = await work.assignments.primary_contacts(person_id)
    await work.log(person_id, AccessAction.read, "primary_contact", reason=reason)
    return rows


async def hand_over(
    work: Work, from_sub: str, to_sub: str, to_name: str, on: date
) -> list[CoordinatorAssignment]:
    """Every person the koordinator follows moves to the successor in one transaction."""
    current = await work.assignments.caseload(from_sub, for_update=True)
    rules.check_hand_over(from_sub, to_sub, len(current))
    moved = []
    for assignment in current:
        moved.append(
            await assign_coordinator(
                work,
                assignment.person_id,
                sub=to_sub,
                name=to_name,
                kind=CoordinatorKind(assignment.kind),
                from_date=max(on, assignment.from_date),
                person_name=assignment.person_name,
                handed_over=True,
            )
        )
    return moved


async def caseload(work: Work, coordinator_sub: str) -> list[CaseloadItem]:
    """The persons a koordinator follows, with their plan and what is overdue."""
    assignments = await work.assignments.caseload(coordinator_sub)
    person_ids = [a.person_id for a in assignments]
    plans = {plan.person_id: plan for plan in await work.plans.for_caseload(person_ids, work.today)}
    items = []
    for assignment in assignments:
        plan = plans.get(assignment.person_id)
        status = PlanStatus(plan.status) if plan else None
        items.append(
            CaseloadItem(
                person_id=assignment.person_id,
                person_name=assignment.person_name,
                kind=CoordinatorKind(assignment.kind),
                since=assignment.from_date,
                plan_id=plan.id if plan else None,
                plan_status=status,
                next_evaluation_on=plan.next_evaluation_on if plan else None,
                evaluation_overdue=bool(
                    plan
                    and status
                    and is_evaluation_overdue(status, plan.next_evaluation_on, work.today)
                ),
                overdue_measures=plan.overdue_measures if plan else 0,
            )
        )
    await work.log(person_ids, AccessAction.search, "caseload", reason=coordinator_sub)
    return items
