"""Nødtilgang: a clinician opens a person with a reason; the leaders review every access.

Included by `api/persons.py`'s router (the person's emergency access sits beside the
person)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field

from services.intake.api.deps import WorkDep
from services.intake.domain.access import EMERGENCY_RULES, EmergencyCategory, ReviewStatus
from services.intake.flows import emergency_accesses as flow
from services.intake.models import EmergencyAccess
from shared.access_log import UNUSUAL_READING
from shared.concurrency import IfMatchVersion, set_etag
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit
from shared.permissions import allow
from shared.schemas.common import Page
from shared.schemas.roles import Role

# Under persons too, as when the persons router included this one.
router = APIRouter(tags=["persons", "emergency access"])

CLINICIAN = allow(Role.clinician)
REVIEWER = allow(Role.manager, Role.quality_lead)
"""The leaders of the clinician's units; the quality lead across the municipality."""


class EmergencyAccessCreate(BaseModel):
    category: EmergencyCategory
    reason: str = Field(
        min_length=EMERGENCY_RULES.reason_min_characters,
        max_length=1000,
        pattern=r"\S+\s+\S+\s+\S+\s+\S",
        description=(
            f"Why, as at least a sentence: {EMERGENCY_RULES.reason_min_characters} characters "
            f"and {EMERGENCY_RULES.reason_min_words} words"
        ),
    )


class EmergencyAccessReview(BaseModel):
    decision: Annotated[
        Literal["approved", "explanation_requested"],
        Field(description="`approved`, or `explanation_requested` with a note"),
    ]
    note: str | None = Field(default=None, max_length=2000)


class EmergencyAccessRead(BaseModel):
    id: uuid.UUID
    person_id: uuid.UUID
    person_name: str
    actor: str
    actor_name: str
    actor_units: list[str]
    category: EmergencyCategory
    reason: str
    granted_at: datetime
    expires_at: datetime
    review_status: ReviewStatus
    reviewed_by_name: str | None
    reviewed_at: datetime | None
    review_note: str | None
    version: int


class UnusualReaderRead(BaseModel):
    actor: str
    actor_name: str
    day: date
    persons: int = Field(description="Different persons opened that day")
    threshold: int


def _read(row: EmergencyAccess) -> EmergencyAccessRead:
    return EmergencyAccessRead(
        id=row.id,
        person_id=row.person_id,
        person_name=f"{row.person.given_name} {row.person.family_name}",
        actor=row.actor,
        actor_name=row.actor_name,
        actor_units=row.actor_units,
        category=EmergencyCategory(row.category),
        reason=row.reason,
        granted_at=row.granted_at,
        expires_at=row.expires_at,
        review_status=ReviewStatus(row.review_status),
        reviewed_by_name=row.reviewed_by_name,
        reviewed_at=row.reviewed_at,
        review_note=row.review_note,
        version=row.version,
    )


@router.post(
    "/persons/{person_id}/emergency-access",
    status_code=201,
    response_model=EmergencyAccessRead,
    responses=problem_responses(404),
    operation_id="open_emergency_access",
    dependencies=[CLINICIAN],
)
async def open_emergency_access(
    person_id: uuid.UUID, body: EmergencyAccessCreate, work: WorkDep, response: Response
) -> EmergencyAccessRead:
    """Nødtilgang: read a person without a service relation, for 4 hours, with a category and
    a reason of at least a sentence; logged, and reviewed by the leader afterwards."""
    row = await flow.open_access(work, person_id, body.category, body.reason)
    set_etag(response, row.version)
    return _read(row)


@router.get(
    "/emergency-accesses",
    response_model=Page[EmergencyAccessRead],
    operation_id="list_emergency_accesses",
    dependencies=[REVIEWER],
)
async def list_emergency_accesses(
    work: WorkDep,
    status: ReviewStatus | None = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[EmergencyAccessRead]:
    """The emergency accesses of clinicians in the leader's units (the quality lead: all), in
    the order they were opened; `status=pending` for those still to review."""
    page = await flow.to_review(work, status, limit, cursor)
    return Page[EmergencyAccessRead](
        items=[_read(row) for row in page.items], next_cursor=page.next_cursor
    )


@router.post(
    "/emergency-accesses/{access_id}/review",
    response_model=EmergencyAccessRead,
    responses=problem_responses(404, 409, 412, 428),
    operation_id="review_emergency_access",
    dependencies=[REVIEWER],
)
async def review_emergency_access(
    access_id: uuid.UUID,
    body: EmergencyAccessReview,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> EmergencyAccessRead:
    """Approve an emergency access, or ask the employee to explain it (with a note); needs
    `If-Match`."""
    row = await flow.review(work, access_id, ReviewStatus(body.decision), body.note, if_match)
    set_etag(response, row.version)
    return _read(row)


@router.get(
    "/emergency-accesses/unusual-readers",
    response_model=list[UnusualReaderRead],
    operation_id="list_unusual_readers",
    dependencies=[REVIEWER],
)
async def list_unusual_readers(
    work: WorkDep,
    day: Annotated[date | None, Query(description="The day (Oslo time); today if left out")] = None,
) -> list[UnusualReaderRead]:
    """Employees who opened unusually many different persons in one day (from the access
    log; the threshold is reference data), most first."""
    rows = await flow.unusual_readers(work, day)
    return [
        UnusualReaderRead(
            actor=row.actor,
            actor_name=row.actor_name,
            day=row.day,
            persons=row.persons,
            threshold=UNUSUAL_READING.max_persons_per_day,
        )
        for row in rows
    ]
