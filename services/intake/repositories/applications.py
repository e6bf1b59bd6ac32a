"""Applications (søknader) and the services asked for in them."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake.models import Application
from shared.errors import NotFound, RuleViolation
from shared.pagination import paginate
from shared.schemas.common import Page
from shared.schemas.intake import ApplicationStatus


class ApplicationRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, application_id: uuid.UUID, field: str | None = None) -> Application:
        application = await self.session.get(Application, application_id)
        if application is None:
            if field:
                raise RuleViolation(field, "There is no such application")
            raise NotFound("There is no such application")
        return application

    async def for_person(self, person_id: uuid.UUID) -> Sequence[Application]:
        return (
            await self.session.scalars(
                select(Application)
                .where(Application.person_id == person_id)
                .order_by(Application.received_on, Application.created_at)
            )
        ).all()

    async def page(
        self,
        *,
        status: ApplicationStatus | None,
        person_id: uuid.UUID | None,
        limit: int,
        cursor: str | None,
    ) -> Page[Application]:
        """Oldest received first: the order they are owed an answer."""
        statement = select(Application)
        if status is not None:
            statement = statement.where(Application.status == status)
        if person_id is not None:
            statement = statement.where(Application.person_id == person_id)
        return await paginate(
            self.session,
            statement,
            order_by=[Application.received_on, Application.id],
            limit=limit,
            cursor=cursor,
            to_item=lambda application: application,
        )

    async def add(self, application: Application) -> Application:
        self.session.add(application)
        await self.session.flush()
        return application
