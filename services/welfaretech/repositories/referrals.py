"""Referrals (henvisninger) to the welfare-technology team."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.welfaretech.domain.access import referral_period
from services.welfaretech.models import Referral
from shared.errors import NotFound
from shared.need_to_know import ServicePeriod
from shared.pagination import paginate
from shared.schemas.common import Page

T = TypeVar("T")


class ReferralRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, referral: Referral) -> Referral:
        self.session.add(referral)
        await self.session.flush()
        return referral

    async def add_from_event(self, values: dict[str, object]) -> uuid.UUID | None:
        """Insert once per source event; None when this event already made a referral."""
        inserted: uuid.UUID | None = await self.session.scalar(
            insert(Referral)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["municipality", "source_event_id"])
            .returning(Referral.id)
        )
        return inserted

    async def get(self, referral_id: uuid.UUID) -> Referral:
        found = await self.session.get(Referral, referral_id)
        if found is None:
            raise NotFound("There is no such referral")
        return found

    async def page(
        self,
        *,
        status: str | None,
        units: list[str] | None,
        limit: int,
        cursor: str | None,
        to_item: Callable[[Referral], T],
    ) -> Page[T]:
        statement = select(Referral)
        if status is not None:
            statement = statement.where(Referral.status == status)
        if units is not None:
            statement = statement.where(Referral.unit.in_(units))
        return await paginate(
            self.session,
            statement,
            order_by=[Referral.received_on, Referral.id],
            limit=limit,
            cursor=cursor,
            to_item=to_item,
        )

    async def periods_for(self, person_id: uuid.UUID) -> list[ServicePeriod]:
        """The person's referrals as the periods their units serve the person."""
        rows = await self.session.execute(
            select(Referral.unit, Referral.received_on, Referral.closed_on).where(
                Referral.person_id == person_id
            )
        )
        return [referral_period(unit, received, closed) for unit, received, closed in rows]
