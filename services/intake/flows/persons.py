"""Persons: register, find, read with need to know, correct, and their case history."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from services.intake.domain import access
from services.intake.domain.deadlines import interim_reply_due
from services.intake.domain.persons import ListedPerson, search_key
from services.intake.flows import ACCESS_LOG, Work
from services.intake.models import Appeal, Decision, Person, Relative, Representative
from services.intake.repositories.emergency_accesses import EmergencyAccessRepo
from services.intake.repositories.persons import ServedBy
from services.intake.schemas import PersonCreate, PersonUpdate, TimelineEntry
from shared import need_to_know
from shared.access_log import AccessAction, check_may_read_person_log
from shared.concurrency import check_version
from shared.errors import RuleViolation
from shared.national_id import InvalidNationalId, parse_national_id
from shared.principal import Principal
from shared.schemas.common import Page
from shared.schemas.intake import ApplicationStatus, PersonRegistered
from shared.schemas.roles import Role

OPEN_APPLICATION = (ApplicationStatus.received, ApplicationStatus.in_assessment)


async def search(
    work: Work, query: str | None, limit: int, cursor: str | None
) -> Page[Person | ListedPerson]:
    page = await work.persons.search(query, limit, cursor, work.today)
    await work.log(
        [p.id for p in page.items],
        AccessAction.search,
        "person",
        reason=f"søk: {query}" if query else "liste",
    )
    return page


async def register(work: Work, body: PersonCreate, *, allow_synthetic: bool) -> Person:
    """Register a person; the national id is checked (mod 11) and gives the birth date."""
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
        relatives=[Relative(**item.model_dump()) for item in body.relatives],
        representatives=[Representative(**item.model_dump()) for item in body.representatives],
    )
    await work.persons.add(person)
    await work.log(person.id, AccessAction.create, "person", person.id)
    await work.publish(PersonRegistered(), subject=person.id)
    return person


async def relation_window(work: Work) -> need_to_know.RelationWindow:
    """How long a unit keeps its relation after its service ended: the municipality's
    choice, else Mestring's default."""
    return need_to_know.window_for(await work.settings.need_to_know_days())


async def emergency_grant(work: Work, person_id: uuid.UUID) -> access.EmergencyGrant | None:
    """The caller's emergency access to the person while it is valid, else None."""
    row = await EmergencyAccessRepo(work.session).valid_for(
        person_id, work.user.sub, datetime.now(UTC)
    )
    if row is None:
        return None
    return access.EmergencyGrant(
        category=row.category, reason=row.reason, expires_at=row.expires_at
    )


async def unit_record_reason(
    work: Work,
    person_id: uuid.UUID,
    unit: str | None,
    resource: str,
    resource_id: uuid.UUID | None,
    role_check: Callable[[Principal, str | None], None],
) -> str | None:
    """May the caller read a record one unit holds about a person (a decision, an
    assessment)? A clinician only while that unit of theirs has need to know of the person
    today (the municipality's window after the service ended), or with a valid emergency
    access; other roles by `role_check`. A refusal is logged as such. Returns the emergency
    access's reason to log with the read, else None."""
    if not access.may_need_relation_check(work.user):
        async with ACCESS_LOG.refusals_logged(
            work.session, work.user, person_id, resource, resource_id
        ):
            role_check(work.user, unit)
        return None
    units = [unit] if unit is not None and unit in work.user.units else []
    has_relation = await work.persons.has_service_relation(
        person_id, units, work.today, await relation_window(work)
    )
    emergency = None if has_relation else await emergency_grant(work, person_id)
    async with ACCESS_LOG.refusals_logged(
        work.session, work.user, person_id, resource, resource_id
    ):
        return access.person_access_reason(
            work.user, has_relation=has_relation, emergency=emergency
        )


async def read(work: Work, person_id: uuid.UUID) -> Person:
    """A person's details; clinicians need a service relation today or a valid emergency
    access. A refusal is logged too."""
    person = await work.persons.get(person_id)
    has_relation, emergency = False, None
    if access.may_need_relation_check(work.user):
        has_relation = await work.persons.has_service_relation(
            person.id, work.user.units, work.today, await relation_window(work)
        )
        if not has_relation:
            emergency = await emergency_grant(work, person.id)
    async with ACCESS_LOG.refusals_logged(work.session, work.user, person.id, "person", person.id):
        reason = access.person_access_reason(
            work.user, has_relation=has_relation, emergency=emergency
        )
    await work.log(person.id, AccessAction.read, "person", person.id, reason=reason)
    return person


async def lookup(work: Work, person_ids: list[uuid.UUID]) -> list[ListedPerson]:
    """Who the persons behind a list's rows are, in one call: those the caller may read
    (a clinician: those their units serve today); each one returned is in the access log.
    Unknown ids, other municipalities' persons and persons the caller may not read are left
    out, not refused, so a list still shows the names it may."""
    served_by = None
    if access.may_need_relation_check(work.user):
        served_by = ServedBy(list(work.user.units), work.today, await relation_window(work))
    persons = await work.persons.by_ids(list(dict.fromkeys(person_ids)), served_by)
    await work.log([p.id for p in persons], AccessAction.read, "person", reason="navn i en liste")
    return persons


async def update(work: Work, person_id: uuid.UUID, body: PersonUpdate, if_match: int) -> Person:
    """Correct a person's details; the national id does not change."""
    person = await work.persons.get(person_id)
    check_version(if_match, person.version)
    changes: dict[str, Any] = body.model_dump(exclude_unset=True)
    if "relatives" in changes:
        person.relatives = [Relative(**item.model_dump()) for item in body.relatives or []]
        del changes["relatives"]
    if "representatives" in changes:
        person.representatives = [
            Representative(**item.model_dump()) for item in body.representatives or []
        ]
        del changes["representatives"]
    for name, value in changes.items():
        setattr(person, name, value)
    person.search_text = search_key(person.family_name, person.given_name)
    await work.flush()
    await work.log(
        person.id,
        AccessAction.update,
        "person",
        person.id,
        reason=", ".join(sorted(body.model_fields_set)),
    )
    return person


async def timeline(work: Work, person_id: uuid.UUID) -> list[TimelineEntry]:
    """The person's case history in date order: applications, and what followed them."""
    person = await work.persons.get(person_id)
    entries: list[TimelineEntry] = []
    for application in await work.applications.for_person(person.id):
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
        if application.status in OPEN_APPLICATION:
            entries.append(
                TimelineEntry(
                    on=interim_reply_due(application.received_on),
                    kind="application.interim_reply_due",
                    id=application.id,
                    summary=names,
                    status="sent" if application.interim_reply_sent_on else "due",
                )
            )
    for assessment in await work.assessments.for_person(person.id):
        entries.append(
            TimelineEntry(
                on=assessment.assessed_on,
                kind="assessment.completed",
                id=assessment.id,
                summary=assessment.assessed_by_name,
                status=assessment.derived.get("need_level"),
            )
        )
    for decision in await work.decisions.for_person(person.id):
        entries += _decision_events(decision)
    for appeal in await work.appeals.for_person(person.id):
        entries += _appeal_events(appeal)
    await work.log(person.id, AccessAction.read, "timeline")
    return sorted(entries, key=lambda entry: entry.on)


async def _check_may_read_access_log(work: Work, person_id: uuid.UUID) -> None:
    handles = not work.user.has_any(Role.manager) and await work.persons.handles_open_case(
        person_id, work.user.sub
    )
    async with ACCESS_LOG.refusals_logged(work.session, work.user, person_id, "access_log"):
        check_may_read_person_log(work.user, handles_open_case=handles)


async def access_log(work: Work, person_id: uuid.UUID, limit: int, cursor: str | None) -> Page[Any]:
    """Who has looked at or changed this person's data, newest first, a page at a time: for
    leaders and the caseworker of the person's open case."""
    person = await work.persons.get(person_id)
    await _check_may_read_access_log(work, person.id)
    page = await ACCESS_LOG.page_for_person(work.session, person.id, limit, cursor)
    await work.log(person.id, AccessAction.read, "access_log")
    return page


async def access_log_export(
    work: Work, person_id: uuid.UUID, file_format: str
) -> tuple[Person, list[Any]]:
    """The person's whole log, oldest first, for their innsyn request (pbrl § 5-1,
    pasientjournalloven § 18); the export is itself logged (and is its last line)."""
    person = await work.persons.get(person_id)
    await _check_may_read_access_log(work, person.id)
    await work.log(person.id, AccessAction.export, "access_log", reason=f"innsyn: {file_format}")
    return person, await ACCESS_LOG.all_for_person(work.session, person.id)


def _decision_events(decision: Decision) -> list[TimelineEntry]:
    """A decision's case events: made (or drafted), delivered, each evaluation, ended."""
    name = decision.service_name.get("nb", decision.service_type)

    def entry(on: date, kind: str, summary: str = name) -> TimelineEntry:
        return TimelineEntry(
            on=on, kind=kind, id=decision.id, summary=summary, status=decision.status
        )

    events = [entry(decision.made_on or decision.created_at.date(), f"decision.{decision.outcome}")]
    if decision.sent_on:
        events.append(entry(decision.sent_on, "decision.delivered"))
    for evaluation in decision.evaluations:
        note = evaluation.get("note")
        events.append(
            entry(
                date.fromisoformat(evaluation["on"]),
                "decision.evaluated",
                f"{name}: {note}" if note else name,
            )
        )
    if decision.ended_on:
        summary = f"{name}: {decision.ended_note}" if decision.ended_note else name
        events.append(entry(decision.ended_on, "decision.ended", summary))
    return events


def _appeal_events(appeal: Appeal) -> list[TimelineEntry]:
    """An appeal's case events: received, forwarded to the appeal body, its outcome."""

    def entry(on: date, kind: str) -> TimelineEntry:
        return TimelineEntry(
            on=on, kind=kind, id=appeal.id, summary=appeal.appellant, status=appeal.status
        )

    events = [entry(appeal.received_on, "appeal.received")]
    if appeal.forwarded_on:
        events.append(entry(appeal.forwarded_on, "appeal.forwarded"))
    if appeal.outcome_on:
        events.append(entry(appeal.outcome_on, f"appeal.outcome.{appeal.outcome}"))
    return events
