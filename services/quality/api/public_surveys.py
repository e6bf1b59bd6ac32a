"""Answering a survey, open to anyone with the link or a single-use code: no sign-in, no
identity and no address kept. The municipality is in the path (row-level security needs it);
the link's token or the code finds the survey and the unit."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from sqlalchemy.ext.asyncio import AsyncSession

from services.quality.api.survey_views import public_survey
from services.quality.flows import surveys as flow
from services.quality.schemas import AnswerIn, AnswerReceipt, PublicSurvey
from shared.clock import Today
from shared.db import set_tenant
from shared.errors import MestringError, problem_responses
from shared.outbox import EventOutbox
from shared.permissions import public

router = APIRouter(tags=["public"], dependencies=[public()])

MunicipalityNumber = Annotated[str, Path(pattern=r"^\d{4}$", description="Kommunenummer")]
Token = Annotated[
    str,
    Path(
        min_length=8,
        max_length=64,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="The collection link's token or a single-use code",
    ),
]

ANSWERS_PER_MINUTE = 30
"""Answers one link takes in a minute from everyone together; more is a 429 (a flood, not
a waiting room of residents)."""


class TooManyAnswers(MestringError):
    status, slug, title = 429, "too-many-requests", "Too many answers just now"

    def headers(self) -> dict[str, str]:
        return {"Retry-After": "60"}


class _Window:
    """Answers per token in the last minute, in this process (no address is looked at)."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self.seen: dict[str, deque[float]] = {}

    def check(self, key: str) -> None:
        now = time.monotonic()
        stamps = self.seen.setdefault(key, deque())
        while stamps and now - stamps[0] > 60:
            stamps.popleft()
        if len(stamps) >= self.per_minute:
            raise TooManyAnswers("This survey takes many answers just now; try again in a minute")
        stamps.append(now)
        if len(self.seen) > 10_000:
            self.seen = {k: v for k, v in self.seen.items() if v and now - v[-1] <= 60}


WINDOW = _Window(ANSWERS_PER_MINUTE)


async def _public_session(
    request: Request, municipality: MunicipalityNumber
) -> AsyncIterator[AsyncSession]:
    """One transaction scoped, for row-level security, to the municipality in the path."""
    session: AsyncSession
    async with request.app.state.sessionmaker() as session, session.begin():
        await set_tenant(session, municipality)
        yield session


PublicSession = Annotated[AsyncSession, Depends(_public_session, scope="function")]


@router.get(
    "/{municipality}/surveys/{token}",
    response_model=PublicSurvey,
    responses=problem_responses(404, 409),
    operation_id="public_get_survey",
)
async def public_get_survey(token: Token, session: PublicSession) -> PublicSurvey:
    """The survey's texts and questions (nb/nn), for the answering page. 409 when the
    survey is closed or the single-use code has been used."""
    return public_survey(await flow.public_read(session, token))


@router.post(
    "/{municipality}/surveys/{token}/answers",
    status_code=201,
    response_model=AnswerReceipt,
    responses=problem_responses(404, 409, 429),
    operation_id="public_answer_survey",
)
async def public_answer_survey(
    municipality: MunicipalityNumber,
    token: Token,
    body: AnswerIn,
    session: PublicSession,
    outbox: EventOutbox,
    today: Today,
) -> AnswerReceipt:
    """Give one anonymous answer. A single-use code gives one answer: its second use is a
    409 and nothing is stored."""
    WINDOW.check(f"{municipality}/{token}")
    answer = await flow.public_answer(session, outbox, today, token, body)
    return AnswerReceipt(answered_on=answer.answered_on)
