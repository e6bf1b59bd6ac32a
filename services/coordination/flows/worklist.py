"""Worklists (a koordinator's caseload, a unit's services) and the overview for the
koordinerende enhet and leaders."""

from __future__ import annotations

import uuid
from datetime import timedelta

from services.coordination.flows import Work
from services.coordination.schemas import (
    CaseloadCount,
    CoordinatorAssignmentRead,
    Overview,
    PersonUnits,
    WorklistItem,
)
from shared.access_log import AccessAction
from shared.schemas.coordination import PlanStatus, RequestStatus
from shared.schemas.roles import Role

LIMIT = 500
MEASURE_DUE_SOON_DAYS = 7
"""A measure owned by name shows on its owner's worklist this many days before its deadline."""
NAMES_FROM_INTAKE = 500
"""At most this many names a list asks intake for (five lookups of a hundred); the rest show
without."""


async def _names_then_commit(work: Work, person_ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The names this service holds, then, done with the database (the request's reads and
    its access-log rows committed, its connection freed), intake's for up to
    `NAMES_FROM_INTAKE` more in one lookup per hundred (with the caller's token, so intake
    checks its own access and logs the read). A person intake does not show the caller, or
    intake down, leaves the name out, never the list. Call it last: the database is closed
    to the request afterwards."""
    names = await work.worklist.names(person_ids)
    missing = [p for p in dict.fromkeys(person_ids) if p not in names][:NAMES_FROM_INTAKE]
    await work.commit_before_waiting()
    if not missing or work.intake_api is None:
        return names
    found = await work.intake.names(missing)
    return names | {person_id: name for person_id, name in found.items() if name}


async def worklist(work: Work) -> list[WorklistItem]:
    """What is missing or overdue for the caller: their caseload as koordinator, the services
    of their units without a primærkontakt, the overdue measures their units own (a leader),
    and the measures they own by name, past or near their deadline (hol § 7-2: the koordinator
    follows up; a meeting's decision names an owner). Each kind is selected in the database,
    bounded."""
    caseload: list[uuid.UUID] = []
    if work.user.has_any(Role.coordinator):
        caseload = await work.assignments.caseload_persons(work.user.sub)
    units = list(work.user.units)
    items: list[WorklistItem] = [
        WorklistItem(
            kind="missing_primary_contact",
            person_id=service.person_id,
            person_name=None,
            due_on=service.starts_on,
            unit=service.unit,
            text=service.service_type,
            service_type=service.service_type,
        )
        for service in await work.worklist.without_primary_contact(units, caseload, LIMIT)
    ]
    for plan in await work.worklist.evaluation_overdue(work.today, caseload, LIMIT):
        items.append(
            WorklistItem(
                kind="evaluation_overdue",
                person_id=plan.person_id,
                person_name=plan.person_name,
                due_on=plan.next_evaluation_on,
                plan_id=plan.id,
                text="Evaluering av individuell plan",
            )
        )
    leads = units if work.user.has_any(Role.manager) else []
    for measure in await work.worklist.measures_due(
        work.today,
        person_ids=caseload,
        units=leads,
        owner_sub=work.user.sub,
        soon=work.today + timedelta(days=MEASURE_DUE_SOON_DAYS),
        limit=LIMIT,
    ):
        items.append(
            WorklistItem(
                kind="measure_overdue" if measure.due_on < work.today else "measure_due_soon",
                person_id=measure.person_id,
                person_name=measure.person_name,
                due_on=measure.due_on,
                unit=measure.unit,
                plan_id=measure.plan_id,
                measure_id=measure.measure_id,
                text=measure.what,
            )
        )
    for meeting in await work.worklist.meetings_without_minutes(work.today, caseload, LIMIT):
        items.append(
            WorklistItem(
                kind="meeting_without_minutes",
                person_id=meeting.person_id,
                person_name=None,
                due_on=meeting.meeting_on,
                plan_id=meeting.plan_id,
                meeting_id=meeting.id,
                text="Ansvarsgruppemøte uten referat",
            )
        )
    await work.log(sorted({i.person_id for i in items}), AccessAction.search, "worklist")
    names = await _names_then_commit(work, [i.person_id for i in items if i.person_name is None])
    for item in items:
        item.person_name = item.person_name or names.get(item.person_id)
    items.sort(key=lambda i: (i.due_on is None, i.due_on, i.kind))
    return items


async def overview(work: Work) -> Overview:
    """Stange's «antall aktive IP», persons with long-term services from two or more units
    and no koordinator, those granted one and still without, caseloads and hand-overs."""
    without = dict(await work.worklist.long_term_without_coordinator(work.today, LIMIT))
    granted = {r.person_id: r.units for r in await work.worklist.granted_without_coordinator(LIMIT)}
    granted_plan = {r.person_id: r.units for r in await work.worklist.granted_without_plan(LIMIT)}
    inbox = await work.requests.inbox(RequestStatus.received, LIMIT, None)
    hand_overs = await work.assignments.hand_overs(20)
    active_plans = await work.worklist.count_plans(PlanStatus.active)
    draft_plans = await work.worklist.count_plans(PlanStatus.draft)
    evaluations_overdue = await work.worklist.count_evaluations_overdue(work.today)
    caseloads = await work.worklist.caseloads()
    await work.log([*without, *granted, *granted_plan], AccessAction.search, "overview")
    names = await _names_then_commit(work, [*without, *granted, *granted_plan])
    return Overview(
        active_plans=active_plans,
        draft_plans=draft_plans,
        requests_waiting=len(inbox.items),
        evaluations_overdue=evaluations_overdue,
        without_coordinator=[
            PersonUnits(person_id=p, person_name=names.get(p), units=u) for p, u in without.items()
        ],
        granted_without_coordinator=[
            PersonUnits(person_id=p, person_name=names.get(p), units=u) for p, u in granted.items()
        ],
        granted_without_plan=[
            PersonUnits(person_id=p, person_name=names.get(p), units=u)
            for p, u in granted_plan.items()
        ],
        caseloads=[
            CaseloadCount(coordinator_sub=sub, coordinator_name=name, persons=count)
            for sub, name, count in caseloads
        ],
        recent_hand_overs=[
            CoordinatorAssignmentRead.model_validate(a, from_attributes=True) for a in hand_overs
        ],
    )
