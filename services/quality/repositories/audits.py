"""Internal audits and supervision findings."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.quality.models import InternalAudit, Procedure, SupervisionFinding
from shared.errors import NotFound


class AuditRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, audit_id: uuid.UUID) -> tuple[InternalAudit, Procedure]:
        row = (
            await self.session.execute(
                select(InternalAudit, Procedure)
                .join(Procedure, Procedure.id == InternalAudit.procedure_id)
                .where(InternalAudit.id == audit_id)
            )
        ).first()
        if row is None:
            raise NotFound("There is no such audit")
        return row[0], row[1]

    async def add(self, audit: InternalAudit) -> InternalAudit:
        self.session.add(audit)
        await self.session.flush()
        return audit

    async def listed(
        self, units: list[str] | None, limit: int
    ) -> Sequence[tuple[InternalAudit, Procedure]]:
        """Audits of `units` (None: all), the planned ones first by date, then the recorded."""
        statement = select(InternalAudit, Procedure).join(
            Procedure, Procedure.id == InternalAudit.procedure_id
        )
        if units is not None:
            statement = statement.where(InternalAudit.unit.in_(units))
        rows = await self.session.execute(
            statement.order_by(
                InternalAudit.status.desc(), InternalAudit.planned_on, InternalAudit.id
            ).limit(limit)
        )
        return [(audit, procedure) for audit, procedure in rows.tuples()]


class FindingRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, finding_id: uuid.UUID) -> SupervisionFinding:
        finding = await self.session.get(SupervisionFinding, finding_id)
        if finding is None:
            raise NotFound("There is no such supervision finding")
        return finding

    async def add(self, finding: SupervisionFinding) -> SupervisionFinding:
        self.session.add(finding)
        await self.session.flush()
        return finding

    async def listed(self, units: list[str] | None, limit: int) -> Sequence[SupervisionFinding]:
        """Findings of `units` (None: all, with the municipality-wide), open first by deadline."""
        statement = select(SupervisionFinding)
        if units is not None:
            statement = statement.where(SupervisionFinding.unit.in_(units))
        return (
            await self.session.scalars(
                statement.order_by(
                    SupervisionFinding.status.desc(),
                    SupervisionFinding.deadline,
                    SupervisionFinding.id,
                ).limit(limit)
            )
        ).all()
