"""What coordination and welfare technology keep of intake's need-to-know facts.

Need to know expires by the municipality's own window (`shared/need_to_know.py`),
which its admin sets in intake's settings, and a clinician may open a person in
an emergency (nødtilgang) in intake, for a limited time. Both reach the other
services through intake's feed (`municipality_settings.changed`,
`emergency_access.granted`): each keeps the latest window (one row per
municipality; Mestring's default until intake has published one) and the
emergency accesses (person, employee, valid until), and judges its own relations
by them. Handling an event is idempotent: a replayed or older window event
changes nothing, an access already kept is not added twice.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, DateTime, Integer, String, UniqueConstraint, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from shared import need_to_know
from shared.db import TenantMixin
from shared.schemas.events import EventEnvelope
from shared.schemas.intake import EmergencyAccessGranted, MunicipalitySettingsChanged


class RelationWindowMixin(TenantMixin):
    """The municipality's need-to-know window as intake last published it."""

    __table_args__ = (UniqueConstraint("municipality"),)

    days_after_end: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(BigInteger)
    """The feed position of the event it came from: an older one never overwrites it."""


class EmergencyAccessMixin(TenantMixin):
    """An emergency access intake granted: the employee reads the person until `valid_until`."""

    __table_args__ = (UniqueConstraint("municipality", "access_id"),)

    access_id: Mapped[uuid.UUID] = mapped_column()
    person_id: Mapped[uuid.UUID] = mapped_column(index=True)
    employee_sub: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(30))
    valid_until: Mapped[datetime] = mapped_column(DateTime(timezone=True))


@dataclass(frozen=True)
class EmergencyRelation:
    """A valid emergency access as a read needs it: it opens the person and is named in the log."""

    access_id: uuid.UUID
    category: str
    valid_until: datetime

    @property
    def log_reason(self) -> str:
        """The access log's reason for a read through it, naming intake's access."""
        return f"NØDTILGANG ({self.category}): nødtilgang {self.access_id} i inntak"


class RelationFacts:
    """One service's copy of the window and the emergency accesses, kept from intake's feed."""

    def __init__(
        self, window_model: type[RelationWindowMixin], emergency_model: type[EmergencyAccessMixin]
    ) -> None:
        self.window_model = window_model
        self.emergency_model = emergency_model

    async def record(self, session: AsyncSession, event: EventEnvelope) -> bool:
        """Keep what the event says, if it is one of these; True when it was."""
        payload = event.payload()
        if isinstance(payload, MunicipalitySettingsChanged):
            await self._keep_window(session, payload.need_to_know_days_after_end, event.sequence)
            return True
        if isinstance(payload, EmergencyAccessGranted):
            await session.execute(
                insert(self.emergency_model)
                .values(
                    access_id=payload.access_id,
                    person_id=payload.person_id,
                    employee_sub=payload.employee_sub,
                    category=payload.category,
                    valid_until=payload.valid_until,
                )
                .on_conflict_do_nothing(index_elements=["municipality", "access_id"])
            )
            return True
        return False

    async def _keep_window(self, session: AsyncSession, days: int, sequence: int) -> None:
        model: Any = self.window_model
        statement = insert(model).values(days_after_end=days, sequence=sequence)
        await session.execute(
            statement.on_conflict_do_update(
                index_elements=["municipality"],
                set_={"days_after_end": days, "sequence": sequence, "updated_at": func.now()},
                where=model.sequence < sequence,
            )
        )

    async def window(self, session: AsyncSession) -> need_to_know.RelationWindow:
        """The municipality's window, or Mestring's default until intake has published one."""
        days = await session.scalar(select(self.window_model.days_after_end))
        return need_to_know.window_for(days)

    async def emergency(
        self, session: AsyncSession, person_id: uuid.UUID, employee_sub: str, now: datetime
    ) -> EmergencyRelation | None:
        """The employee's emergency access to the person that has not lapsed, the latest."""
        model = self.emergency_model
        row = await session.scalar(
            select(model)
            .where(
                model.person_id == person_id,
                model.employee_sub == employee_sub,
                model.valid_until > now,
            )
            .order_by(model.valid_until.desc())
            .limit(1)
        )
        if row is None:
            return None
        return EmergencyRelation(
            access_id=row.access_id, category=row.category, valid_until=row.valid_until
        )
