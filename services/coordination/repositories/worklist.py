"""The coordination worklists and overview: what is missing, overdue or unwritten."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    ARRAY,
    Date,
    Integer,
    Row,
    String,
    Uuid,
    and_,
    any_,
    bindparam,
    func,
    or_,
    select,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession

from services.coordination.domain.needs import LONG_TERM_DAYS
from services.coordination.domain.plans import OPEN_MEASURES, ResponsibleKind
from services.coordination.models import (
    CoordinationRequest,
    CoordinatorAssignment,
    Meeting,
    PersonService,
    Plan,
    PlanMeasure,
    PrimaryContact,
)
from shared.schemas.coordination import PlanStatus


@dataclass(frozen=True)
class OverdueMeasure:
    plan_id: uuid.UUID
    person_id: uuid.UUID
    person_name: str | None
    measure_id: uuid.UUID
    what: str
    unit: str | None
    due_on: date


class WorklistRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def without_primary_contact(
        self, units: list[str], person_ids: list[uuid.UUID], limit: int
    ) -> Sequence[Row[Any]]:
        """Running decided services in one of `units`, or for one of `person_ids`, where the
        person has no primærkontakt in the service's unit; earliest first (`person_id`,
        `service_type`, `unit`, `starts_on`)."""
        if not units and not person_ids:
            return []
        found = await self.session.execute(
            WITHOUT_PRIMARY_CONTACT, {"units": units, "person_ids": person_ids, "limit": limit}
        )
        return found.all()

    async def measures_due(
        self,
        today: date,
        *,
        person_ids: list[uuid.UUID],
        units: list[str],
        owner_sub: str | None,
        soon: date,
        limit: int,
    ) -> list[OverdueMeasure]:
        """Open measures of active plans: past their due date for the persons in `person_ids`
        (a koordinator's caseload) or owned by one of `units` (a leader's); past or due before
        `soon` for the employee `owner_sub` who owns them by name. Earliest due first; read from
        the plans' measures as rows (`plan_measures`), never by loading or unfolding every
        plan's content."""
        if not units and not person_ids and owner_sub is None:
            return []
        rows = await self.session.execute(
            MEASURES_DUE,
            {
                "today": today,
                "soon": soon,
                "person_ids": person_ids,
                "units": units,
                "owner_sub": owner_sub,
                "limit": limit,
            },
        )
        return [
            OverdueMeasure(
                plan_id=row.plan_id,
                person_id=row.person_id,
                person_name=row.person_name,
                measure_id=row.measure_id,
                what=row.what,
                unit=(
                    row.responsible if row.responsible_kind == ResponsibleKind.unit.value else None
                ),
                due_on=row.due_on,
            )
            for row in rows
        ]

    async def count_evaluations_overdue(self, today: date) -> int:
        return int(
            await self.session.scalar(
                select(func.count())
                .select_from(Plan)
                .where(Plan.status == PlanStatus.active.value, Plan.next_evaluation_on < today)
            )
            or 0
        )

    async def long_term_without_coordinator(
        self, today: date, limit: int
    ) -> list[tuple[uuid.UUID, list[str]]]:
        """Persons with long-term running services (`domain/needs.py`) from two or more units
        and no koordinator now, with those units; grouped in the database."""
        long_term = and_(
            or_(PersonService.ended_on.is_(None), PersonService.ended_on > today),
            or_(
                PersonService.ends_on.is_(None),
                and_(
                    PersonService.ends_on >= today,
                    PersonService.ends_on - func.coalesce(PersonService.starts_on, today)
                    >= LONG_TERM_DAYS,
                ),
            ),
        )
        coordinator = (
            select(CoordinatorAssignment.id)
            .where(
                CoordinatorAssignment.person_id == PersonService.person_id,
                CoordinatorAssignment.to_date.is_(None),
            )
            .exists()
        )
        statement = (
            select(
                PersonService.person_id,
                func.array_agg(PersonService.unit.distinct()),
            )
            .where(PersonService.unit.is_not(None), long_term, ~coordinator)
            .group_by(PersonService.person_id)
            .having(func.count(PersonService.unit.distinct()) >= 2)
            .order_by(PersonService.person_id)
            .limit(limit)
        )
        return [
            (person_id, sorted(units)) for person_id, units in await self.session.execute(statement)
        ]

    async def evaluation_overdue(
        self, today: date, person_ids: list[uuid.UUID], limit: int
    ) -> Sequence[Row[Any]]:
        """Active plans of `person_ids` past their evaluation date, earliest first (`id`,
        `person_id`, `person_name`, `next_evaluation_on`: not the plans' content)."""
        found = await self.session.execute(
            EVALUATION_OVERDUE, {"today": today, "person_ids": person_ids, "limit": limit}
        )
        return found.all()

    async def meetings_without_minutes(
        self, today: date, person_ids: list[uuid.UUID], limit: int
    ) -> Sequence[Row[Any]]:
        """Planned meetings of `person_ids` that have taken place without minutes, earliest
        first (`id`, `plan_id`, `person_id`, `meeting_on`)."""
        found = await self.session.execute(
            MEETINGS_WITHOUT_MINUTES, {"today": today, "person_ids": person_ids, "limit": limit}
        )
        return found.all()

    async def caseloads(self) -> list[tuple[str, str, int]]:
        rows = await self.session.execute(
            select(
                CoordinatorAssignment.coordinator_sub,
                func.max(CoordinatorAssignment.coordinator_name),
                func.count(),
            )
            .where(CoordinatorAssignment.to_date.is_(None))
            .group_by(CoordinatorAssignment.coordinator_sub)
            .order_by(CoordinatorAssignment.coordinator_sub)
        )
        return [(sub, name, count) for sub, name, count in rows]

    async def count_plans(self, status: PlanStatus) -> int:
        return int(
            await self.session.scalar(
                select(func.count()).select_from(Plan).where(Plan.status == status.value)
            )
            or 0
        )

    async def granted_without_coordinator(self, limit: int) -> Sequence[CoordinationRequest]:
        """Requests granted a koordinator whose person has none now, oldest first."""
        current = (
            select(CoordinatorAssignment.id)
            .where(
                CoordinatorAssignment.person_id == CoordinationRequest.person_id,
                CoordinatorAssignment.to_date.is_(None),
            )
            .exists()
        )
        return (
            await self.session.scalars(
                select(CoordinationRequest)
                .where(CoordinationRequest.grants_coordinator.is_(True), ~current)
                .order_by(CoordinationRequest.received_on, CoordinationRequest.id)
                .limit(limit)
            )
        ).all()

    async def granted_without_plan(self, limit: int) -> Sequence[CoordinationRequest]:
        """Requests granted an individual plan whose person has no draft or active plan now,
        oldest first."""
        plan = (
            select(Plan.id)
            .where(
                Plan.person_id == CoordinationRequest.person_id,
                Plan.status != PlanStatus.closed.value,
            )
            .exists()
        )
        return (
            await self.session.scalars(
                select(CoordinationRequest)
                .where(CoordinationRequest.grants_plan.is_(True), ~plan)
                .order_by(CoordinationRequest.received_on, CoordinationRequest.id)
                .limit(limit)
            )
        ).all()

    async def names(self, person_ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
        """The names this service already holds for the persons (from plans, assignments and
        requests), so lists read without a call to intake per row."""
        if not person_ids:
            return {}
        rows = await self.session.execute(NAMES_HELD, {"ids": list(dict.fromkeys(person_ids))})
        return {person_id: name for person_id, name in rows}


def _ids(name: str) -> Any:
    """A list of ids bound as one array parameter."""
    return bindparam(name, type_=ARRAY(Uuid()))


_HAS_PRIMARY_CONTACT = (
    select(PrimaryContact.id)
    .where(
        PrimaryContact.person_id == PersonService.person_id,
        PrimaryContact.unit == PersonService.unit,
        PrimaryContact.to_date.is_(None),
    )
    .exists()
)
WITHOUT_PRIMARY_CONTACT = (
    select(
        PersonService.person_id,
        PersonService.service_type,
        PersonService.unit,
        PersonService.starts_on,
    )
    .where(
        PersonService.ended_on.is_(None),
        PersonService.unit.is_not(None),
        ~_HAS_PRIMARY_CONTACT,
        or_(
            PersonService.unit == any_(bindparam("units", type_=ARRAY(String()))),
            PersonService.person_id == any_(_ids("person_ids")),
        ),
    )
    .order_by(PersonService.starts_on, PersonService.id)
    .limit(bindparam("limit", type_=Integer()))
)
"""The worklist's statements are built once, their lists bound as arrays (docs/style.md),
and read the columns the worklist shows: not the plans' content nor the meetings' texts."""
_DUE = PlanMeasure.due_on
MEASURES_DUE = (
    select(
        PlanMeasure.plan_id,
        PlanMeasure.person_id,
        Plan.person_name,
        PlanMeasure.measure_id,
        PlanMeasure.what,
        PlanMeasure.responsible_kind,
        PlanMeasure.responsible,
        _DUE,
    )
    .join(Plan, Plan.id == PlanMeasure.plan_id)
    .where(
        PlanMeasure.plan_status == PlanStatus.active.value,
        PlanMeasure.status.in_([s.value for s in OPEN_MEASURES]),
        _DUE.is_not(None),
        or_(
            and_(
                bindparam("today", type_=Date()) > _DUE,
                or_(
                    PlanMeasure.person_id == any_(_ids("person_ids")),
                    and_(
                        PlanMeasure.responsible_kind == ResponsibleKind.unit.value,
                        PlanMeasure.responsible == any_(bindparam("units", type_=ARRAY(String()))),
                    ),
                ),
            ),
            and_(
                PlanMeasure.owner_sub == bindparam("owner_sub", type_=String()),
                bindparam("soon", type_=Date()) > _DUE,
            ),
        ),
    )
    .order_by(_DUE, PlanMeasure.plan_id, PlanMeasure.measure_id)
    .limit(bindparam("limit", type_=Integer()))
)
EVALUATION_OVERDUE = (
    select(Plan.id, Plan.person_id, Plan.person_name, Plan.next_evaluation_on)
    .where(
        Plan.status == PlanStatus.active.value,
        Plan.next_evaluation_on < bindparam("today", type_=Date()),
        Plan.person_id == any_(_ids("person_ids")),
    )
    .order_by(Plan.next_evaluation_on, Plan.id)
    .limit(bindparam("limit", type_=Integer()))
)
MEETINGS_WITHOUT_MINUTES = (
    select(Meeting.id, Meeting.plan_id, Meeting.person_id, Meeting.meeting_on)
    .where(
        Meeting.status == "planned",
        Meeting.meeting_on < bindparam("today", type_=Date()),
        Meeting.person_id == any_(_ids("person_ids")),
    )
    .order_by(Meeting.meeting_on, Meeting.id)
    .limit(bindparam("limit", type_=Integer()))
)
_HELD = union_all(
    select(Plan.person_id, Plan.person_name).where(
        Plan.person_id == any_(_ids("ids")), Plan.person_name.is_not(None)
    ),
    select(CoordinatorAssignment.person_id, CoordinatorAssignment.person_name).where(
        CoordinatorAssignment.person_id == any_(_ids("ids")),
        CoordinatorAssignment.person_name.is_not(None),
    ),
    select(CoordinationRequest.person_id, CoordinationRequest.person_name).where(
        CoordinationRequest.person_id == any_(_ids("ids")),
        CoordinationRequest.person_name.is_not(None),
    ),
).subquery()
NAMES_HELD = select(_HELD.c[0], _HELD.c[1])
