"""The coordination worklists and overview: what is missing, overdue or unwritten."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from sqlalchemy import and_, func, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from services.coordination.models import (
    CoordinationRequest,
    CoordinatorAssignment,
    Meeting,
    PersonService,
    Plan,
    PrimaryContact,
)
from shared.schemas.coordination import PlanStatus


class WorklistRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def without_primary_contact(
        self, units: list[str] | None, limit: int
    ) -> Sequence[PersonService]:
        """Running decided services in a unit where the person has no primærkontakt."""
        contact = (
            select(PrimaryContact.id)
            .where(
                PrimaryContact.person_id == PersonService.person_id,
                PrimaryContact.unit == PersonService.unit,
                PrimaryContact.to_date.is_(None),
            )
            .exists()
        )
        statement = (
            select(PersonService)
            .where(PersonService.ended_on.is_(None), PersonService.unit.is_not(None), ~contact)
            .order_by(PersonService.starts_on, PersonService.id)
            .limit(limit)
        )
        if units is not None:
            statement = statement.where(PersonService.unit.in_(units))
        return (await self.session.scalars(statement)).all()

    async def evaluation_overdue(
        self, today: date, person_ids: list[uuid.UUID] | None, limit: int
    ) -> Sequence[Plan]:
        statement = (
            select(Plan)
            .where(Plan.status == PlanStatus.active.value, Plan.next_evaluation_on < today)
            .order_by(Plan.next_evaluation_on, Plan.id)
            .limit(limit)
        )
        if person_ids is not None:
            statement = statement.where(Plan.person_id.in_(person_ids))
        return (await self.session.scalars(statement)).all()

    async def meetings_without_minutes(
        self, today: date, person_ids: list[uuid.UUID] | None, limit: int
    ) -> Sequence[Meeting]:
        statement = (
            select(Meeting)
            .where(Meeting.status == "planned", Meeting.meeting_on < today)
            .order_by(Meeting.meeting_on, Meeting.id)
            .limit(limit)
        )
        if person_ids is not None:
            statement = statement.where(Meeting.person_id.in_(person_ids))
        return (await self.session.scalars(statement)).all()

    async def running_services(self) -> Sequence[PersonService]:
        return (
            await self.session.scalars(
                select(PersonService).where(PersonService.ended_on.is_(None))
            )
        ).all()

    async def persons_with_coordinator(self) -> set[uuid.UUID]:
        rows = await self.session.scalars(
            select(CoordinatorAssignment.person_id).where(CoordinatorAssignment.to_date.is_(None))
        )
        return set(rows)

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

    async def granted_without_coordinator(self) -> Sequence[CoordinationRequest]:
        """Requests granted a koordinator whose person has none now."""
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
                select(CoordinationRequest).where(
                    CoordinationRequest.grants_coordinator.is_(True), ~current
                )
            )
        ).all()

    async def names(self, person_ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
        """The names this service already holds for the persons (from plans, assignments and
        requests), so lists read without a call to intake per row."""
        if not person_ids:
            return {}
        sources = union_all(
            select(Plan.person_id, Plan.person_name).where(
                and_(Plan.person_id.in_(person_ids), Plan.person_name.is_not(None))
            ),
            select(CoordinatorAssignment.person_id, CoordinatorAssignment.person_name).where(
                and_(
                    CoordinatorAssignment.person_id.in_(person_ids),
                    CoordinatorAssignment.person_name.is_not(None),
                )
            ),
            select(CoordinationRequest.person_id, CoordinationRequest.person_name).where(
                and_(
                    CoordinationRequest.person_id.in_(person_ids),
                    CoordinationRequest.person_name.is_not(None),
                )
            ),
        ).subquery()
        rows = await self.session.execute(select(sources.c[0], sources.c[1]))
        return {person_id: name for person_id, name in rows}
