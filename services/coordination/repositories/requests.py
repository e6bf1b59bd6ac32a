"""Requests to the koordinerende enhet."""

from __future__ import annotations

import uuid

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.coordination.models import CoordinationRequest
from shared.errors import NotFound
from shared.pagination import paginate
from shared.schemas.common import Page
from shared.schemas.coordination import RequestStatus


class RequestRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, request_id: uuid.UUID) -> CoordinationRequest:
        found = await self.session.get(CoordinationRequest, request_id)
        if found is None:
            raise NotFound("There is no such request")
        return found

    async def add(self, request: CoordinationRequest) -> CoordinationRequest:
        self.session.add(request)
        await self.session.flush()
        return request

    async def inbox(
        self, status: RequestStatus | None, limit: int, cursor: str | None
    ) -> Page[CoordinationRequest]:
        """Longest waiting first."""
        statement = select(CoordinationRequest)
        if status is not None:
            statement = statement.where(CoordinationRequest.status == status.value)
        return await paginate(
            self.session,
            statement,
            order_by=[CoordinationRequest.received_on, CoordinationRequest.id],
            limit=limit,
            cursor=cursor,
            to_item=lambda row: row,
        )

    async def has_open_or_granted(self, person_id: uuid.UUID) -> bool:
        """Whether the person already has a request waiting, or one that was not refused."""
        return bool(
            await self.session.scalar(
                select(
                    exists().where(
                        CoordinationRequest.person_id == person_id,
                        (CoordinationRequest.status == RequestStatus.received.value)
                        | (CoordinationRequest.outcome != "refused"),
                    )
                )
            )
        )
