"""What welfaretech holds about a person as a whole: whether it has seen them, and whose
open case they are (for reading the person's access log)."""

from __future__ import annotations

import uuid

from sqlalchemy import exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.welfaretech.models import (
    AccessLogEntry,
    Assessment,
    Loan,
    Recommendation,
    Referral,
)
from shared.schemas.welfaretech import RecommendationStatus, ReferralStatus


class PersonRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def known(self, person_id: uuid.UUID) -> bool:
        """A referral, an assessment, a loan or a line of the access log of the person in this
        municipality (row-level security hides every other municipality's)."""
        found = await self.session.scalar(
            select(
                or_(
                    exists().where(Referral.person_id == person_id),
                    exists().where(Assessment.person_id == person_id),
                    exists().where(Loan.person_id == person_id),
                    exists().where(AccessLogEntry.person_id == person_id),
                )
            )
        )
        return bool(found)

    async def handles_open_case(self, person_id: uuid.UUID, sub: str) -> bool:
        """The caller's open case of the person: a referral they made that is not yet
        assessed, an assessment of theirs with a recommendation not yet decided, or a loan
        they installed that is not yet returned (they follow it up)."""
        open_recommendation = exists().where(
            Recommendation.assessment_id == Assessment.id,
            Recommendation.status == RecommendationStatus.proposed.value,
        )
        found = await self.session.scalar(
            select(
                or_(
                    exists().where(
                        Referral.person_id == person_id,
                        Referral.referred_by == sub,
                        Referral.status == ReferralStatus.open.value,
                    ),
                    exists().where(
                        Assessment.person_id == person_id,
                        Assessment.assessed_by == sub,
                        open_recommendation,
                    ),
                    exists().where(
                        Loan.person_id == person_id,
                        Loan.installed_by == sub,
                        Loan.ended_on.is_(None),
                    ),
                )
            )
        )
        return bool(found)
