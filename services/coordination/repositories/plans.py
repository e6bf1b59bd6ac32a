"""Individual plans with their versions, consents, meetings and evaluations."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ARRAY, Date, Row, Uuid, any_, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.coordination.domain.plans import OPEN_MEASURES
from services.coordination.models import (
    Consent,
    Evaluation,
    Meeting,
    Plan,
    PlanMeasure,
    PlanVersion,
)
from shared.errors import NotFound
from shared.pagination import paginate
from shared.schemas.common import Page
from shared.schemas.coordination import PlanStatus

PLAN = select(Plan).where(Plan.id == bindparam("plan_id", type_=Uuid()))
"""Built once, like every statement a read runs on each request: a statement built in the
request has its SQLAlchemy cache key computed afresh (its values are bound per call)."""
PLAN_FOR_UPDATE = PLAN.with_for_update()
CONSENTS = (
    select(Consent)
    .where(Consent.plan_id == bindparam("plan_id", type_=Uuid()))
    .order_by(Consent.created_at)
)


class PlanRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, plan_id: uuid.UUID, *, for_update: bool = False) -> Plan:
        statement = PLAN_FOR_UPDATE if for_update else PLAN
        plan = await self.session.scalar(statement, {"plan_id": plan_id})
        if plan is None:
            raise NotFound("There is no such plan")
        return plan

    async def open_for_person(
        self, person_id: uuid.UUID, *, for_update: bool = False
    ) -> Plan | None:
        """The person's draft or active plan (there is at most one)."""
        statement = select(Plan).where(
            Plan.person_id == person_id, Plan.status != PlanStatus.closed.value
        )
        if for_update:
            statement = statement.with_for_update()
        found: Plan | None = await self.session.scalar(statement)
        return found

    async def add(self, plan: Plan) -> Plan:
        self.session.add(plan)
        await self.session.flush()
        return plan

    async def add_version(self, version: PlanVersion) -> None:
        self.session.add(version)
        await self.session.flush()

    async def versions(self, plan_id: uuid.UUID) -> Sequence[PlanVersion]:
        return (
            await self.session.scalars(
                select(PlanVersion)
                .where(PlanVersion.plan_id == plan_id)
                .order_by(PlanVersion.number)
            )
        ).all()

    async def version(self, plan_id: uuid.UUID, number: int, field: str) -> PlanVersion:
        found = await self.session.scalar(
            select(PlanVersion).where(PlanVersion.plan_id == plan_id, PlanVersion.number == number)
        )
        if found is None:
            raise NotFound(f"The plan has no version {number} ({field})")
        return found

    async def page(
        self,
        *,
        person_ids: list[uuid.UUID] | None,
        status: PlanStatus | None,
        limit: int,
        cursor: str | None,
    ) -> Page[Plan]:
        statement = select(Plan)
        if person_ids is not None:
            statement = statement.where(Plan.person_id.in_(person_ids))
        if status is not None:
            statement = statement.where(Plan.status == status.value)
        return await paginate(
            self.session,
            statement,
            order_by=[Plan.created_at, Plan.id],
            limit=limit,
            cursor=cursor,
            to_item=lambda row: row,
        )

    async def active(self) -> Sequence[Plan]:
        return (
            await self.session.scalars(
                select(Plan).where(Plan.status == PlanStatus.active.value).order_by(Plan.id)
            )
        ).all()

    async def for_caseload(self, person_ids: list[uuid.UUID], today: date) -> Sequence[Row[Any]]:
        """The open (draft or active) plans of `person_ids` as a caseload shows them: `id`,
        `person_id`, `status`, `next_evaluation_on` and `overdue_measures` (open measures
        past their due date, counted from `plan_measures`; not the plans' content)."""
        if not person_ids:
            return []
        found = await self.session.execute(
            CASELOAD_PLANS, {"person_ids": list(person_ids), "today": today}
        )
        return found.all()

    # Consents ---------------------------------------------------------------------------------

    async def consents(self, plan_id: uuid.UUID) -> Sequence[Consent]:
        return (await self.session.scalars(CONSENTS, {"plan_id": plan_id})).all()

    async def consent(self, plan_id: uuid.UUID, consent_id: uuid.UUID) -> Consent:
        found = await self.session.scalar(
            select(Consent)
            .where(Consent.plan_id == plan_id, Consent.id == consent_id)
            .with_for_update()
        )
        if found is None:
            raise NotFound("The plan has no such consent")
        return found

    async def add_row(self, row: Consent | Meeting | Evaluation) -> None:
        self.session.add(row)
        await self.session.flush()

    # Meetings and evaluations -----------------------------------------------------------------

    async def meetings(self, plan_id: uuid.UUID) -> Sequence[Meeting]:
        return (
            await self.session.scalars(
                select(Meeting).where(Meeting.plan_id == plan_id).order_by(Meeting.meeting_on)
            )
        ).all()

    async def meeting(self, meeting_id: uuid.UUID) -> Meeting:
        found = await self.session.scalar(
            select(Meeting).where(Meeting.id == meeting_id).with_for_update()
        )
        if found is None:
            raise NotFound("There is no such meeting")
        return found

    async def evaluations(self, plan_id: uuid.UUID) -> Sequence[Evaluation]:
        return (
            await self.session.scalars(
                select(Evaluation)
                .where(Evaluation.plan_id == plan_id)
                .order_by(Evaluation.evaluated_on)
            )
        ).all()


_OVERDUE_MEASURES = (
    select(func.count())
    .where(
        PlanMeasure.plan_id == Plan.id,
        PlanMeasure.status.in_([s.value for s in OPEN_MEASURES]),
        PlanMeasure.due_on < bindparam("today", type_=Date()),
    )
    .scalar_subquery()
)
CASELOAD_PLANS = select(
    Plan.id,
    Plan.person_id,
    Plan.status,
    Plan.next_evaluation_on,
    _OVERDUE_MEASURES.label("overdue_measures"),
).where(
    Plan.person_id == any_(bindparam("person_ids", type_=ARRAY(Uuid()))),
    Plan.status != PlanStatus.closed.value,
)
"""Built once, the persons bound as one array (docs/style.md)."""
