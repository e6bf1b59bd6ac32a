"""Nødtilgang: a clinician opens a person for a limited time with a reason; a leader reviews.

Opening is logged in the access log and, while valid, lets the clinician read the person
without a new reason (`flows/persons.read`); after it expires it lapses. It is published
(`emergency_access.granted`) so coordination and welfare technology open the person to the
same employee until the same moment. The leaders of the
clinician's units (the quality lead across the municipality) approve each access or ask
for an explanation; beside the list, employees who read unusually many persons in a day.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from services.intake.domain import access
from services.intake.flows import ACCESS_LOG, Work
from services.intake.models import EmergencyAccess
from services.intake.repositories.emergency_accesses import EmergencyAccessRepo
from shared.access_log import UNUSUAL_READING, AccessAction, UnusualReader
from shared.concurrency import check_version
from shared.schemas.common import Page
from shared.schemas.intake import EmergencyAccessGranted
from shared.schemas.roles import Role


async def open_access(
    work: Work, person_id: uuid.UUID, category: access.EmergencyCategory, reason: str
) -> EmergencyAccess:
    """Open emergency access to a person: a reason of at least a sentence, valid 4 hours."""
    person = await work.persons.get(person_id)
    async with ACCESS_LOG.refusals_logged(work.session, work.user, person.id, "emergency_access"):
        access.check_may_open_emergency_access(work.user)
    cleaned = access.check_emergency_reason(reason)
    now = datetime.now(UTC)
    row = await EmergencyAccessRepo(work.session).add(
        EmergencyAccess(
            person=person,
            actor=work.user.sub,
            actor_name=work.user.name,
            actor_units=list(work.user.units),
            category=category.value,
            reason=cleaned,
            granted_at=now,
            expires_at=access.emergency_expires_at(now),
            review_status=access.ReviewStatus.pending.value,
        )
    )
    await work.log(
        person.id,
        AccessAction.create,
        "emergency_access",
        row.id,
        reason=f"NØDTILGANG ({category.value}): {cleaned}",
    )
    # Coordination and welfare technology open the person to the same employee until it
    # lapses; ids and codes only, the reason stays here.
    await work.publish(
        EmergencyAccessGranted(
            access_id=row.id,
            person_id=person.id,
            employee_sub=row.actor,
            category=row.category,
            valid_until=row.expires_at,
        ),
        subject=row.id,
    )
    return row


def _units_reviewed_by(work: Work) -> list[str] | None:
    """None: the quality lead reviews the whole municipality; a leader their own units."""
    return None if work.user.has_any(Role.quality_lead) else list(work.user.units)


async def to_review(
    work: Work, status: access.ReviewStatus | None, limit: int, cursor: str | None
) -> Page[EmergencyAccess]:
    """The emergency accesses the caller reviews; listing them is logged per person."""
    page = await EmergencyAccessRepo(work.session).to_review(
        _units_reviewed_by(work), status.value if status else None, limit, cursor
    )
    await work.log(
        list({row.person_id for row in page.items}), AccessAction.search, "emergency_access"
    )
    return page


async def review(
    work: Work,
    access_id: uuid.UUID,
    decision: access.ReviewStatus,
    note: str | None,
    if_match: int,
) -> EmergencyAccess:
    """Approve the access, or ask the employee to explain it."""
    row = await EmergencyAccessRepo(work.session).get(access_id, for_update=True)
    async with ACCESS_LOG.refusals_logged(
        work.session, work.user, row.person_id, "emergency_access", row.id
    ):
        access.check_may_review(work.user, row.actor, row.actor_units)
    check_version(if_match, row.version)
    access.check_review(access.ReviewStatus(row.review_status), decision, note)
    row.review_status = decision.value
    row.review_note = note.strip() if note and note.strip() else None
    row.reviewed_by, row.reviewed_by_name = work.user.sub, work.user.name
    row.reviewed_at = datetime.now(UTC)
    await work.flush()
    await work.log(
        row.person_id, AccessAction.update, "emergency_access", row.id, reason=decision.value
    )
    return row


async def unusual_readers(work: Work, day: date | None) -> list[UnusualReader]:
    """Employees who opened more persons on `day` (today by default) than the rule allows."""
    return await ACCESS_LOG.readers_on(work.session, day or work.today, UNUSUAL_READING)
