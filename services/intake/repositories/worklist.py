"""The worklist's candidates, fetched in SQL and bounded by what falls due.

Each query returns only rows whose deadline can fall within the look-ahead
(a superset where the exact date needs the domain's calendar rules); the
domain (`domain/worklist.py`) decides the exact due date and the order.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased, joinedload, raiseload

from services.intake.domain.decisions import FOLLOWED_UP
from services.intake.domain.worklist import INTERIM_LOOKAHEAD, LOOKAHEAD
from services.intake.models import Appeal, Application, Decision, Person
from shared.schemas.intake import AppealStatus, ApplicationStatus, DecisionStatus, Outcome

SHORTEST_MONTH = timedelta(days=28)
NO_APPLICANT = raiseload(Application.person)
NO_PERSON = raiseload(Decision.person)
"""The worklist needs only the person ids here; `persons` loads the persons listed, once."""
AWAITING_ACTION = [DecisionStatus.ready_for_approval.value, DecisionStatus.made.value]


class WorklistRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def applications_owing_interim_reply(self, today: date) -> Sequence[Application]:
        """Open applications without a foreløpig svar whose month (≥ 28 days) may be up."""
        horizon = today + INTERIM_LOOKAHEAD - SHORTEST_MONTH
        return (
            await self.session.scalars(
                select(Application)
                .where(
                    Application.status.in_(
                        [ApplicationStatus.received, ApplicationStatus.in_assessment]
                    ),
                    Application.interim_reply_sent_on.is_(None),
                    Application.received_on <= horizon,
                )
                .options(NO_APPLICANT)
            )
        ).all()

    async def applications_past_their_promised_date(self, today: date) -> Sequence[Application]:
        """Open applications whose foreløpig svar promised a decision by a date now in sight."""
        return (
            await self.session.scalars(
                select(Application)
                .where(
                    Application.status.in_(
                        [ApplicationStatus.received, ApplicationStatus.in_assessment]
                    ),
                    Application.expected_decision_by <= today + INTERIM_LOOKAHEAD,
                )
                .options(NO_APPLICANT)
            )
        ).all()

    async def decisions_awaiting_action(self) -> Sequence[Decision]:
        """Drafts sent for approval, and made decisions not yet sent to the person."""
        return (
            await self.session.scalars(
                select(Decision).where(Decision.status.in_(AWAITING_ACTION)).options(NO_PERSON)
            )
        ).all()

    async def decisions_coming_due(self, today: date) -> Sequence[Decision]:
        """Running decisions, neither refused nor replaced, whose review or end is in sight."""
        horizon = today + LOOKAHEAD
        newer = aliased(Decision)
        replaced = exists().where(newer.replaces_id == Decision.id)
        return (
            await self.session.scalars(
                select(Decision)
                .where(
                    Decision.status.in_([status.value for status in FOLLOWED_UP]),
                    Decision.outcome != Outcome.refused,
                    ~replaced,
                    or_(Decision.review_on <= horizon, Decision.ends_on <= horizon),
                )
                .options(NO_PERSON)
            )
        ).all()

    async def appeals_to_reassess(self) -> Sequence[Appeal]:
        return (
            await self.session.scalars(
                select(Appeal)
                .where(Appeal.status == AppealStatus.received)
                .options(joinedload(Appeal.decision).raiseload(Decision.person))
            )
        ).all()

    async def persons(self, ids: set[str]) -> Sequence[Person]:
        if not ids:
            return []
        return (await self.session.scalars(select(Person).where(Person.id.in_(ids)))).all()
