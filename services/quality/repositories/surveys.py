"""Surveys with their versions, collection links, single-use tokens and anonymous answers."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from services.quality.models import Survey, SurveyAnswer, SurveyLink, SurveyToken, SurveyVersion
from shared.errors import NotFound
from shared.pagination import paginate
from shared.schemas.common import Page


class SurveyRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, survey_id: uuid.UUID) -> Survey:
        survey = await self.session.scalar(
            select(Survey).where(Survey.id == survey_id).options(selectinload(Survey.versions))
        )
        if survey is None:
            raise NotFound("There is no such survey")
        return survey

    async def add(self, survey: Survey) -> Survey:
        self.session.add(survey)
        await self.session.flush()
        return survey

    async def page(
        self,
        units: list[str] | None,
        limit: int,
        cursor: str | None,
    ) -> Page[Survey]:
        """Surveys the caller sees: all (None), or those of `units` and those for a service type."""
        statement = select(Survey).options(selectinload(Survey.versions))
        if units is not None:
            statement = statement.where(Survey.unit.is_(None) | Survey.unit.in_(units))
        return await paginate(
            self.session,
            statement,
            order_by=[Survey.created_at, Survey.id],
            limit=limit,
            cursor=cursor,
            to_item=lambda s: s,
        )

    async def links(self, survey_id: uuid.UUID) -> Sequence[SurveyLink]:
        return (
            await self.session.scalars(
                select(SurveyLink)
                .where(SurveyLink.survey_id == survey_id)
                .order_by(SurveyLink.unit)
            )
        ).all()

    async def link_for(self, survey_id: uuid.UUID, unit: str) -> SurveyLink | None:
        link: SurveyLink | None = await self.session.scalar(
            select(SurveyLink).where(SurveyLink.survey_id == survey_id, SurveyLink.unit == unit)
        )
        return link

    async def link_by_token(self, token: str) -> SurveyLink | None:
        link: SurveyLink | None = await self.session.scalar(
            select(SurveyLink).where(SurveyLink.token == token)
        )
        return link

    async def token_by_hash(self, token_hash: str, *, lock: bool = False) -> SurveyToken | None:
        statement = select(SurveyToken).where(SurveyToken.token_hash == token_hash)
        if lock:
            statement = statement.with_for_update()
        token: SurveyToken | None = await self.session.scalar(statement)
        return token

    async def spend_token(self, token_id: uuid.UUID, today: date) -> bool:
        """Mark a token used unless it already was; False when someone else spent it first."""
        spent = await self.session.execute(
            update(SurveyToken)
            .where(SurveyToken.id == token_id, SurveyToken.used_on.is_(None))
            .values(used_on=today, version=SurveyToken.version + 1)
            .returning(SurveyToken.id)
            .execution_options(synchronize_session=False)
        )
        return spent.first() is not None

    async def mark_answered(self, version_id: uuid.UUID) -> None:
        """The version has answers from now on (a bookkeeping flag: no new row version, so
        answers arriving together never make each other stale)."""
        await self.session.execute(
            update(SurveyVersion)
            .where(SurveyVersion.id == version_id, SurveyVersion.has_answers.is_(False))
            .values(has_answers=True)
            .execution_options(synchronize_session=False)
        )

    def stage(self, row: object) -> None:
        self.session.add(row)

    async def flush(self) -> None:
        await self.session.flush()

    async def answer(self, answer_id: uuid.UUID) -> SurveyAnswer:
        answer = await self.session.get(SurveyAnswer, answer_id)
        if answer is None:
            raise NotFound("There is no such answer")
        return answer

    async def version(self, version_id: uuid.UUID) -> SurveyVersion:
        version = await self.session.get(SurveyVersion, version_id)
        if version is None:
            raise NotFound("There is no such survey version")
        return version

    async def answers(
        self,
        version_id: uuid.UUID,
        *,
        first: date,
        last: date,
        units: list[str] | None,
    ) -> Sequence[SurveyAnswer]:
        statement = select(SurveyAnswer).where(
            SurveyAnswer.version_id == version_id,
            SurveyAnswer.answered_on >= first,
            SurveyAnswer.answered_on <= last,
        )
        if units is not None:
            statement = statement.where(SurveyAnswer.unit.in_(units))
        return (
            await self.session.scalars(
                statement.order_by(SurveyAnswer.answered_on, SurveyAnswer.id)
            )
        ).all()
