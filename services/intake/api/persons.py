"""Persons: find, register, read and correct; every read and write is in the access log."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Response
from sqlalchemy import select

from services.intake.api.deps import (
    ACCESS_LOG,
    AccessLogReader,
    AllowSyntheticIds,
    CaseReader,
    Caseworker,
    Idempotent,
)
from services.intake.domain.access import CASE_ROLES
from services.intake.domain.deadlines import interim_reply_due
from services.intake.domain.persons import search_key
from services.intake.models import (
    Appeal,
    Application,
    Assessment,
    Decision,
    Person,
    Relative,
    Representative,
)
from services.intake.repository import ApplicationRepoDep, PersonRepoDep
from services.intake.schemas import (
    AccessLogRead,
    Address,
    PersonCreate,
    PersonRead,
    PersonSummary,
    PersonUpdate,
    RelativeIn,
    RelativeRead,
    RepresentativeIn,
    RepresentativeRead,
    TimelineEntry,
)
from shared.access_log import AccessAction
from shared.auth import CurrentPrincipal, Principal
from shared.concurrency import IfMatchVersion, check_version, set_etag
from shared.errors import Forbidden, RuleViolation, problem_responses
from shared.national_id import InvalidNationalId, mask, parse_national_id
from shared.outbox import EventOutbox
from shared.pagination import Cursor, Limit, paginate
from shared.schemas.common import Page
from shared.schemas.roles import Role

router = APIRouter(tags=["persons"])


def person_summary(person: Person) -> PersonSummary:
    return PersonSummary(
        id=person.id,
        given_name=person.given_name,
        family_name=person.family_name,
        birth_date=person.birth_date,
        national_id_masked=mask(person.national_id),
        city=(person.address or {}).get("city", ""),
    )


def person_read(person: Person) -> PersonRead:
    return PersonRead(
        id=person.id,
        national_id=person.national_id,
        national_id_masked=mask(person.national_id),
        given_name=person.given_name,
        family_name=person.family_name,
        birth_date=person.birth_date,
        address=Address.model_validate(person.address or {}),
        phone=person.phone,
        preferred_language=person.preferred_language,
        needs_interpreter=person.needs_interpreter,
        interpreter_language=person.interpreter_language,
        gp=person.gp,  # type: ignore[arg-type]
        relatives=[RelativeRead.model_validate(r) for r in person.relatives],
        representatives=[RepresentativeRead.model_validate(r) for r in person.representatives],
        version=person.version,
    )


def _relatives(items: list[RelativeIn]) -> list[Relative]:
    return [Relative(**item.model_dump()) for item in items]


def _representatives(items: list[RepresentativeIn]) -> list[Representative]:
    return [Representative(**item.model_dump()) for item in items]


@router.get("/persons", response_model=Page[PersonSummary], operation_id="search_persons")
async def search_persons(
    persons: PersonRepoDep,
    user: CaseReader,
    q: Annotated[
        str | None, Query(max_length=100, description="Name (partial) or national id")
    ] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[PersonSummary]:
    """Find persons by name (partial, accent-insensitive) or by national id; ids shown masked."""
    page = await paginate(
        persons.session,
        persons.search(q),
        order_by=[Person.search_text, Person.id],
        limit=limit,
        cursor=cursor,
        to_item=person_summary,
    )
    if page.items:
        await ACCESS_LOG.record(
            persons.session,
            user,
            [p.id for p in page.items],
            AccessAction.search,
            "person",
            reason=f"søk: {q}" if q else "liste",
        )
    return page


@router.post(
    "/persons",
    status_code=201,
    response_model=PersonRead,
    responses=problem_responses(409),
    operation_id="register_person",
)
async def register_person(
    body: PersonCreate,
    persons: PersonRepoDep,
    user: Caseworker,
    idempotent: Idempotent,
    outbox: EventOutbox,
    allow_synthetic: AllowSyntheticIds,
) -> Response:
    """Register a person; the national id is checked (mod 11) and gives the birth date."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    try:
        national_id = parse_national_id(body.national_id, allow_synthetic=allow_synthetic)
    except InvalidNationalId as exc:
        raise RuleViolation("body.national_id", str(exc)) from exc
    fields = body.model_dump(exclude={"national_id", "relatives", "representatives"})
    person = Person(
        **fields,
        national_id=national_id.value,
        birth_date=national_id.birth_date,
        search_text=search_key(body.family_name, body.given_name),
        relatives=_relatives(body.relatives),
        representatives=_representatives(body.representatives),
    )
    await persons.add(person)
    await ACCESS_LOG.record(
        persons.session, user, person.id, AccessAction.create, "person", person.id
    )
    await outbox.record(persons.session, "person.registered", subject=person.id)
    return await idempotent.respond(
        201, person_read(person), headers={"ETag": f'"{person.version}"'}
    )


EmergencyReason = Annotated[
    str | None,
    Header(
        alias="X-Emergency-Access-Reason",
        max_length=500,
        description="Nødtilgang («blålys»): read without a service relation, with a written "
        "reason; logged and reviewed afterwards",
    ),
]


async def check_may_read_person(
    session: Any, user: Principal, person_id: uuid.UUID, emergency_reason: str | None
) -> str | None:
    """Need to know: case roles read; a clinician needs a relation through their unit, or
    emergency access with a written reason. Returns the reason to log, if any."""
    if user.has_any(*CASE_ROLES):
        return None
    if user.has_any(Role.clinician) and user.units:
        asked = select(Application.id).where(
            Application.person_id == person_id, Application.assessment_unit.in_(user.units)
        )
        serves = select(Decision.id).where(
            Decision.person_id == person_id, Decision.unit.in_(user.units)
        )
        if await session.scalar(asked.limit(1)) or await session.scalar(serves.limit(1)):
            return None
    if user.has_any(Role.clinician) and emergency_reason and emergency_reason.strip():
        return f"NØDTILGANG: {emergency_reason.strip()}"
    raise Forbidden(
        "You have no service relation to this person (tjenstlig behov); emergency access "
        "needs a written reason"
    )


@router.get(
    "/persons/{person_id}",
    response_model=PersonRead,
    responses=problem_responses(404),
    operation_id="get_person",
)
async def get_person(
    person_id: uuid.UUID,
    persons: PersonRepoDep,
    user: CurrentPrincipal,
    response: Response,
    emergency_reason: EmergencyReason = None,
) -> PersonRead:
    """A person's details; clinicians need a service relation or emergency access."""
    person = await persons.get(person_id)
    reason = await check_may_read_person(persons.session, user, person.id, emergency_reason)
    await ACCESS_LOG.record(
        persons.session, user, person.id, AccessAction.read, "person", person.id, reason=reason
    )
    set_etag(response, person.version)
    return person_read(person)


@router.patch(
    "/persons/{person_id}",
    response_model=PersonRead,
    responses=problem_responses(404, 412, 428),
    operation_id="update_person",
)
async def update_person(
    person_id: uuid.UUID,
    body: PersonUpdate,
    persons: PersonRepoDep,
    user: Caseworker,
    if_match: IfMatchVersion,
    response: Response,
) -> PersonRead:
    """Correct a person's details; needs `If-Match`. The national id does not change."""
    person = await persons.get(person_id)
    check_version(if_match, person.version)
    changes: dict[str, Any] = body.model_dump(exclude_unset=True)
    if "relatives" in changes:
        person.relatives = _relatives(body.relatives or [])
        del changes["relatives"]
    if "representatives" in changes:
        person.representatives = _representatives(body.representatives or [])
        del changes["representatives"]
    for field, value in changes.items():
        setattr(person, field, value)
    person.search_text = search_key(person.family_name, person.given_name)
    await persons.session.flush()
    await ACCESS_LOG.record(
        persons.session,
        user,
        person.id,
        AccessAction.update,
        "person",
        person.id,
        reason=", ".join(sorted(body.model_fields_set)),
    )
    set_etag(response, person.version)
    return person_read(person)


@router.get(
    "/persons/{person_id}/timeline",
    response_model=list[TimelineEntry],
    responses=problem_responses(404),
    operation_id="get_person_timeline",
)
async def get_person_timeline(
    person_id: uuid.UUID, persons: PersonRepoDep, applications: ApplicationRepoDep, user: CaseReader
) -> list[TimelineEntry]:
    """The person's case history in date order: applications, and what followed them."""
    person = await persons.get(person_id)
    entries = []
    for application in await applications.for_person(person.id):
        names = ", ".join(
            item.service_name.get("nb", item.service_type) for item in application.items
        )
        entries.append(
            TimelineEntry(
                on=application.received_on,
                kind="application.received",
                id=application.id,
                summary=names,
                status=application.status,
            )
        )
        if application.status in ("received", "in_assessment"):
            entries.append(
                TimelineEntry(
                    on=interim_reply_due(application.received_on),
                    kind="application.interim_reply_due",
                    id=application.id,
                    summary=names,
                    status="sent" if application.interim_reply_sent_on else "due",
                )
            )
    assessments = await persons.session.scalars(
        select(Assessment).where(Assessment.person_id == person.id)
    )
    for assessment in assessments:
        level = assessment.derived.get("need_level")
        entries.append(
            TimelineEntry(
                on=assessment.assessed_on,
                kind="assessment.completed",
                id=assessment.id,
                summary=assessment.assessed_by_name,
                status=level,
            )
        )
    entries += await decisions_and_appeals(persons.session, person.id)
    await ACCESS_LOG.record(persons.session, user, person.id, AccessAction.read, "timeline")
    return sorted(entries, key=lambda entry: entry.on)


async def decisions_and_appeals(session: Any, person_id: uuid.UUID) -> list[TimelineEntry]:
    entries = []
    for decision in await session.scalars(select(Decision).where(Decision.person_id == person_id)):
        entries.append(
            TimelineEntry(
                on=decision.made_on or decision.created_at.date(),
                kind=f"decision.{decision.outcome}",
                id=decision.id,
                summary=decision.service_name.get("nb", decision.service_type),
                status=decision.status,
            )
        )
    for appeal in await session.scalars(select(Appeal).where(Appeal.person_id == person_id)):
        entries.append(
            TimelineEntry(
                on=appeal.received_on,
                kind="appeal.received",
                id=appeal.id,
                summary=appeal.appellant,
                status=appeal.status,
            )
        )
    return entries


@router.get(
    "/persons/{person_id}/access-log",
    response_model=list[AccessLogRead],
    responses=problem_responses(404),
    operation_id="get_person_access_log",
)
async def get_person_access_log(
    person_id: uuid.UUID,
    persons: PersonRepoDep,
    user: AccessLogReader,
    limit: Limit = 100,
) -> list[AccessLogRead]:
    """Who has looked at or changed this person's data (newest first)."""
    person = await persons.get(person_id)
    rows = await ACCESS_LOG.for_person(persons.session, person.id, limit)
    await ACCESS_LOG.record(persons.session, user, person.id, AccessAction.read, "access_log")
    return [AccessLogRead.model_validate(row, from_attributes=True) for row in rows]
