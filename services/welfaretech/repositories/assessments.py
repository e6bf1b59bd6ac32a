"""Assessments with their recommendations and § 4-6 a decisions."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import ARRAY, Uuid, any_, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.welfaretech.domain.access import assessment_period
from services.welfaretech.models import Assessment, LegalDecision, Recommendation, Referral
from shared.errors import NotFound
from shared.need_to_know import ServicePeriod


@dataclass
class LegalGround:
    """What a loan's § 4-6 a basis is judged from: its assessment, the person's capacity to
    consent there, and the assessment's decisions (oldest first)."""

    assessment_id: uuid.UUID
    consent_capacity: str
    decisions: list[LegalDecision] = field(default_factory=list)


class AssessmentRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, assessment: Assessment) -> Assessment:
        self.session.add(assessment)
        await self.session.flush()
        return assessment

    async def add_recommendation(self, recommendation: Recommendation) -> None:
        self.session.add(recommendation)
        await self.session.flush()

    async def add_decision(self, decision: LegalDecision) -> LegalDecision:
        self.session.add(decision)
        await self.session.flush()
        return decision

    async def get(self, assessment_id: uuid.UUID) -> Assessment:
        found = await self.session.get(Assessment, assessment_id)
        if found is None:
            raise NotFound("There is no such assessment")
        return found

    async def decision(self, decision_id: uuid.UUID) -> LegalDecision:
        """The decision, locked: two renewals or ends of it wait for each other, and the
        second sees the first's version (412)."""
        found = await self.session.get(LegalDecision, decision_id, with_for_update=True)
        if found is None:
            raise NotFound("There is no such legal decision")
        return found

    async def legal_grounds(self, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, LegalGround]:
        """For each recommendation, its assessment's legal ground: two statements for a page
        of loans, without the assessments' findings or their recommendations."""
        if not ids:
            return {}
        rows = (await self.session.execute(_GROUNDS, {"ids": list(ids)})).all()
        grounds = {assessment: LegalGround(assessment, can) for _, assessment, can in rows}
        decisions = await self.session.scalars(_DECISIONS, {"ids": list(grounds)})
        for decision in decisions:
            grounds[decision.assessment_id].decisions.append(decision)
        return {recommendation: grounds[assessment] for recommendation, assessment, _ in rows}

    async def refresh(self, assessment: Assessment) -> Assessment:
        await self.session.refresh(assessment, ["recommendations", "legal_decisions"])
        return assessment

    async def for_person(self, person_id: uuid.UUID) -> Sequence[Assessment]:
        return (
            await self.session.scalars(
                select(Assessment)
                .where(Assessment.person_id == person_id)
                .order_by(Assessment.assessed_on, Assessment.created_at)
            )
        ).all()

    async def periods_for(self, person_id: uuid.UUID) -> list[ServicePeriod]:
        """The person's assessments as the periods their units serve the person: from the
        assessment until its referral is closed (`domain/access.py`)."""
        rows = await self.session.execute(
            select(
                Assessment.unit,
                Assessment.assessed_on,
                Assessment.referral_id.is_not(None),
                Referral.closed_on,
            )
            .outerjoin(Referral, Referral.id == Assessment.referral_id)
            .where(Assessment.person_id == person_id)
        )
        return [
            assessment_period(unit, assessed_on, has_referral, closed_on)
            for unit, assessed_on, has_referral, closed_on in rows
        ]

    async def recommendation(self, recommendation_id: uuid.UUID) -> Recommendation:
        found = await self.session.get(Recommendation, recommendation_id)
        if found is None:
            raise NotFound("There is no such recommendation")
        return found


_GROUNDS = (
    select(Recommendation.id, Assessment.id, Assessment.consent_capacity)
    .join(Assessment, Assessment.id == Recommendation.assessment_id)
    .where(Recommendation.id == any_(bindparam("ids", type_=ARRAY(Uuid()))))
)
_DECISIONS = (
    select(LegalDecision)
    .where(LegalDecision.assessment_id == any_(bindparam("ids", type_=ARRAY(Uuid()))))
    .order_by(LegalDecision.created_at)
)
"""Built once, each list of ids one array parameter (a page's 50 recommendations as `IN` were
50 parameters to render and convert for every request)."""
