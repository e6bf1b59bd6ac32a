"""Queries of intake, one class per aggregate; they flush, never commit."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Annotated

from fastapi import Depends
from sqlalchemy import Select, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake.domain.persons import looks_like_national_id, query_tokens
from services.intake.models import Application, Person
from shared.db import TenantSession
from shared.errors import Conflict, NotFound, RuleViolation


class PersonRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, person_id: uuid.UUID, field: str | None = None) -> Person:
        person = await self.session.get(Person, person_id)
        if person is None:
            if field:
                raise RuleViolation(field, "There is no such person in this municipality")
            raise NotFound("There is no such person in this municipality")
        return person

    def search(self, query: str | None) -> Select[tuple[Person]]:
        statement = select(Person)
        if not query or not query.strip():
            return statement
        if looks_like_national_id(query):
            digits = "".join(ch for ch in query if ch.isdigit())
            return statement.where(Person.national_id == digits)
        for token in query_tokens(query):
            escaped = token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            statement = statement.where(
                or_(
                    Person.search_text.like(f"{escaped}%"),
                    Person.search_text.like(f"% {escaped}%"),
                    Person.search_text.like(f"%-{escaped}%"),
                )
            )
        return statement

    async def add(self, person: Person) -> Person:
        self.session.add(person)
        try:
            async with self.session.begin_nested():
                await self.session.flush()
        except IntegrityError as exc:
            raise Conflict("A person with this national id is already registered") from exc
        return person


class ApplicationRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, application_id: uuid.UUID) -> Application:
        application = await self.session.get(Application, application_id)
        if application is None:
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

    async def add(self, application: Application) -> Application:
        self.session.add(application)
        await self.session.flush()
        return application


async def _persons(session: TenantSession) -> PersonRepo:
    return PersonRepo(session)


async def _applications(session: TenantSession) -> ApplicationRepo:
    return ApplicationRepo(session)


PersonRepoDep = Annotated[PersonRepo, Depends(_persons)]
ApplicationRepoDep = Annotated[ApplicationRepo, Depends(_applications)]
