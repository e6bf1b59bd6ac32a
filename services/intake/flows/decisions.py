"""Decisions (enkeltvedtak): drafted against the catalogue, made once, delivered, followed up."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row

from services.intake.clients import CatalogueApi
from services.intake.domain import access
from services.intake.domain import decisions as rules
from services.intake.domain.assessments import age_on
from services.intake.domain.deadlines import appeal_deadline, norwegian_calendar
from services.intake.flows import Work
from services.intake.flows.persons import relation_window, unit_record_reason
from services.intake.letters.render import LetterContext
from services.intake.models import Application, Assessment, Decision, Person, WaitingListEntry
from services.intake.schemas import (
    DecisionCreate,
    DecisionDelivery,
    DecisionFields,
    DecisionStatusChange,
    DecisionUpdate,
)
from shared.access_log import AccessAction
from shared.concurrency import check_version
from shared.errors import Conflict, RuleViolation
from shared.schemas.catalogue import ServiceEvaluation, ServiceTypeRead
from shared.schemas.common import Page
from shared.schemas.intake import (
    ApplicationStatus,
    DecisionEnded,
    DecisionMade,
    DecisionRights,
    DecisionStatus,
    Outcome,
    WaitingListChanged,
    WaitingStatus,
)

STEPS_WITH_THEIR_OWN_ROUTE = (
    DecisionStatus.made,
    DecisionStatus.sent,
    DecisionStatus.ready_for_approval,
)


def rights_of(decision: Decision) -> DecisionRights:
    return DecisionRights.model_validate(decision.rights)


def _store_rights(decision: Decision, rights: DecisionRights) -> None:
    decision.rights = rights.model_dump(mode="json", exclude_none=True)


def _service_rules(decision: Decision) -> rules.ServiceRules:
    return rules.ServiceRules(
        requires_lower_level_review=rights_of(decision).requires_lower_level_review,
        is_long_term_place=decision.is_long_term_place,
        purpose=decision.purpose,
        scope_unit=decision.scope_unit,
    )


def _draft_of(body: DecisionFields) -> rules.Draft:
    return rules.Draft(
        outcome=body.outcome,
        scope_amount=body.scope_amount,
        starts_on=body.starts_on,
        ends_on=body.ends_on,
        review_on=body.review_on,
        contact_name=body.contact.name if body.contact else None,
        facts=body.facts,
        considerations=body.considerations,
        lower_levels=[
            rules.LowerLevel(x.service_type, x.status, x.why_not_enough) for x in body.lower_levels
        ],
    )


def _apply_fields(decision: Decision, body: DecisionFields) -> None:
    for name in (
        "outcome",
        "scope_amount",
        "starts_on",
        "ends_on",
        "review_on",
        "unit",
        "facts",
        "considerations",
    ):
        setattr(decision, name, getattr(body, name))
    decision.contact = body.contact.model_dump() if body.contact else None
    decision.lower_levels = [x.model_dump(mode="json") for x in body.lower_levels]
    _store_rights(decision, rules.with_place_available(rights_of(decision), body.place_available))
    if body.language:
        decision.language = body.language


async def _rights_basis(
    work: Work, service: ServiceTypeRead, assessment: Assessment | None, person: Person
) -> rules.RightsBasis:
    facts = assessment.facts if assessment else {}
    before_67 = service.is_bpa and await work.decisions.granted_bpa_before(
        person.id, rules.birthday(person.birth_date, rules.BPA_AGE_LIMIT)
    )
    return rules.RightsBasis(
        is_bpa=service.is_bpa,
        is_long_term_place=service.is_long_term_place,
        requires_lower_level_review=service.requires_lower_level_review,
        age=age_on(person.birth_date, assessment.assessed_on) if assessment else None,
        hours_per_week=facts.get("assessed_hours_per_week"),
        expected_duration_months=facts.get("expected_duration_months"),
        granted_bpa_before_67=before_67,
        two_helper_hours_per_week=assessment.two_helper_hours_per_week if assessment else None,
        night_hours_per_week=assessment.night_hours_per_week if assessment else None,
        night_need_continuous=bool(assessment and assessment.night_need_continuous),
    )


@dataclass(frozen=True)
class Suggested:
    """A service whose criteria the assessment meets (or may meet), as the form shows it."""

    evaluation: ServiceEvaluation
    lowest: bool


async def suggestions(
    work: Work, application_id: uuid.UUID, catalogue: CatalogueApi
) -> list[Suggested]:
    """Services whose criteria the latest assessment meets, lowest level first (LEON/BEON)."""
    application = await work.applications.get(application_id)
    assessment = await work.assessments.latest_for(application.id)
    if assessment is None:
        raise Conflict("Record an assessment first; suggestions come from its facts")
    evaluations = await catalogue.evaluate(assessment.facts)
    fitting = [e for e in evaluations if e.met is not False]
    lowest = min((e.service_type.care_level.rank for e in fitting if e.met), default=None)
    await work.log(application.person_id, AccessAction.read, "suggestions")
    return [
        Suggested(e, lowest=e.met is True and e.service_type.care_level.rank == lowest)
        for e in fitting
    ]


async def _check_no_other_decision(
    work: Work, body: DecisionCreate, application: Application
) -> None:
    """One decision per service asked for; a change names the made decision it replaces."""
    existing = await work.decisions.on_application_service(application.id, body.service_type)
    replaced = {d.replaces_id for d in existing}
    live = [d for d in existing if d.id not in replaced]
    if body.replaces_id is None and live:
        raise Conflict(
            "This service already has a decision on this application; replace it instead"
        )
    if body.replaces_id is not None:
        target = next((d for d in live if d.id == body.replaces_id), None)
        if target is None or target.status not in rules.MADE:
            raise RuleViolation("body.replaces_id", "Only the latest made decision can be replaced")


async def draft(work: Work, body: DecisionCreate, catalogue: CatalogueApi) -> Decision:
    """Draft a decision on one service asked for; the catalogue gives its rules and criteria."""
    application = await work.applications.get(body.application_id, field="body.application_id")
    if not any(item.service_type == body.service_type for item in application.items):
        raise RuleViolation("body.service_type", "The application did not ask for this service")
    await _check_no_other_decision(work, body, application)
    service = await catalogue.service_type(body.service_type)
    assessment = await work.assessments.latest_for(application.id)
    current = service.current_criteria
    person = application.person
    decision = Decision(
        person_id=application.person_id,
        application_id=application.id,
        replaces_id=body.replaces_id,
        service_type=body.service_type,
        service_name=service.name.model_dump(),
        care_level_rank=service.care_level.rank,
        is_long_term_place=service.is_long_term_place,
        purpose=service.purpose,
        scope_unit=service.scope_unit,
        legal_basis=[basis.model_dump(mode="json") for basis in service.legal_basis],
        criteria=current.model_dump(mode="json", include={"version", "effective_from", "text"})
        if current
        else None,
        user_fee=service.user_fee.model_dump(mode="json"),
        language=body.language or ("nn" if person.preferred_language == "nn" else "nb"),
        status=DecisionStatus.draft,
        drafted_by=work.user.sub,
        person=person,
    )
    _store_rights(
        decision, rules.rights_for(await _rights_basis(work, service, assessment, person))
    )
    decision.appeal_body = service.appeal_body.value
    if service.caregiver_is_party:
        decision.addressee = application.caregiver
    _apply_fields(decision, body)
    rules.check_draft(_draft_of(body), _service_rules(decision))
    await work.decisions.add(decision)
    await work.log(decision.person_id, AccessAction.create, "decision", decision.id)
    return decision


async def update(
    work: Work, decision_id: uuid.UUID, body: DecisionUpdate, if_match: int
) -> Decision:
    """Change a draft; a made decision is immutable (409)."""
    decision = await work.decisions.get(decision_id)
    check_version(if_match, decision.version)
    rules.check_editable(DecisionStatus(decision.status))
    _apply_fields(decision, body)
    rules.check_draft(_draft_of(body), _service_rules(decision))
    if decision.status == DecisionStatus.ready_for_approval:
        decision.status = DecisionStatus.draft
    await work.flush()
    await work.log(decision.person_id, AccessAction.update, "decision", decision.id)
    return decision


async def _move(work: Work, decision: Decision, target: DecisionStatus) -> None:
    decision.status = rules.move(
        DecisionStatus(decision.status),
        target,
        four_eyes=target == DecisionStatus.made and await work.requires_four_eyes(),
        actor=work.user.sub,
        drafted_by=decision.drafted_by,
        submitted_by=decision.submitted_by,
    )


async def submit(work: Work, decision_id: uuid.UUID, if_match: int) -> Decision:
    """Ready for approval by a second caseworker (four eyes)."""
    decision = await work.decisions.get(decision_id)
    check_version(if_match, decision.version)
    await _move(work, decision, DecisionStatus.ready_for_approval)
    decision.submitted_by = work.user.sub
    await work.flush()
    await work.log(
        decision.person_id, AccessAction.update, "decision", decision.id, reason="submitted"
    )
    return decision


async def make(work: Work, decision_id: uuid.UUID, if_match: int) -> Decision:
    """Make (fatte) the decision: from now on it is immutable. The application closes when
    every service asked for is decided; a granted long-term place with no free place goes
    on the waiting list (hol § 3-2 a)."""
    decision = await work.decisions.get(decision_id)
    check_version(if_match, decision.version)
    await _move(work, decision, DecisionStatus.made)
    decision.made_on, decision.made_by, decision.made_by_name = (
        work.today,
        work.user.sub,
        work.user.name,
    )
    await _close_application_when_all_decided(work, decision)
    waiting = _put_on_waiting_list(work, decision)
    await work.flush()
    await work.log(decision.person_id, AccessAction.update, "decision", decision.id, reason="made")
    await work.publish(
        DecisionMade(
            person_id=decision.person_id,
            service_type=decision.service_type,
            outcome=Outcome(decision.outcome),
            unit=decision.unit,
            starts_on=decision.starts_on,
            ends_on=decision.ends_on,
            replaces_id=decision.replaces_id,
        ),
        subject=decision.id,
    )
    if waiting is not None:
        await work.publish(
            WaitingListChanged(
                person_id=decision.person_id,
                service_type=decision.service_type,
                status=WaitingStatus.waiting,
            ),
            subject=waiting.id,
        )
    return decision


async def _close_application_when_all_decided(work: Work, decision: Decision) -> None:
    if decision.application_id is None:
        return
    application = await work.applications.get(decision.application_id)
    made = await work.decisions.made_service_types(application.id) | {decision.service_type}
    if {i.service_type for i in application.items if i.requires_decision} <= made:
        application.status = ApplicationStatus.decided


def _put_on_waiting_list(work: Work, decision: Decision) -> WaitingListEntry | None:
    if not rules.goes_on_waiting_list(Outcome(decision.outcome), rights_of(decision)):
        return None
    return work.waiting_list.add(
        WaitingListEntry(
            decision_id=decision.id,
            person_id=decision.person_id,
            service_type=decision.service_type,
            listed_on=work.today,
            status=WaitingStatus.waiting,
            history=[{"on": work.today.isoformat(), "event": "listed"}],
            person=decision.person,
        )
    )


async def deliver(
    work: Work, decision_id: uuid.UUID, body: DecisionDelivery, if_match: int
) -> Decision:
    """How and when the person got the decision; the appeal deadline follows from receipt."""
    decision = await work.decisions.get(decision_id)
    check_version(if_match, decision.version)
    if body.received_on < body.sent_on:
        raise RuleViolation("body.received_on", "Received before it was sent")
    if decision.made_on and body.sent_on < decision.made_on:
        raise RuleViolation("body.sent_on", "Sent before it was made")
    await _move(work, decision, DecisionStatus.sent)
    decision.delivery, decision.sent_on, decision.received_on = (
        body.method,
        body.sent_on,
        body.received_on,
    )
    decision.appeal_deadline = appeal_deadline(body.received_on, norwegian_calendar())
    await work.flush()
    await work.log(decision.person_id, AccessAction.update, "decision", decision.id, reason="sent")
    return decision


async def change_status(
    work: Work, decision_id: uuid.UUID, body: DecisionStatusChange, if_match: int
) -> Decision:
    """In force, evaluated, or ended."""
    decision = await work.decisions.get(decision_id)
    check_version(if_match, decision.version)
    if body.status in STEPS_WITH_THEIR_OWN_ROUTE:
        raise RuleViolation("body.status", "Use make, submit or delivery for that step")
    on = body.on or work.today
    rules.check_step_date(on, made_on=decision.made_on, today=work.today)
    await _move(work, decision, body.status)
    if body.status == DecisionStatus.evaluated:
        if body.next_review_on is not None and body.next_review_on <= on:
            raise RuleViolation("body.next_review_on", "The next review comes after this one")
        decision.evaluations = [
            *decision.evaluations,
            {
                "on": on.isoformat(),
                "note": body.note,
                "next_review_on": body.next_review_on.isoformat() if body.next_review_on else None,
                "by": work.user.name,
            },
        ]
        if body.next_review_on is not None:
            decision.review_on = body.next_review_on
    if body.status == DecisionStatus.ended:
        decision.ended_on, decision.ended_note = on, body.note
    await work.flush()
    await work.log(
        decision.person_id,
        AccessAction.update,
        "decision",
        decision.id,
        reason=body.status.value,
    )
    if body.status == DecisionStatus.ended:
        await work.publish(
            DecisionEnded(
                person_id=decision.person_id,
                service_type=decision.service_type,
                unit=decision.unit,
            ),
            subject=decision.id,
        )
    return decision


async def read(work: Work, decision_id: uuid.UUID) -> Decision:
    decision = await work.decisions.get(decision_id)
    reason = await unit_record_reason(
        work,
        decision.person_id,
        decision.unit,
        "decision",
        decision.id,
        access.check_may_read_decision,
    )
    await work.log(decision.person_id, AccessAction.read, "decision", decision.id, reason=reason)
    return decision


async def letter(
    work: Work, decision_id: uuid.UUID, catalogue: CatalogueApi, *, as_pdf: bool
) -> tuple[Decision, LetterContext]:
    """The decision whose letter is exported (the export is logged) and what the letter
    needs: the municipality's name and appeal addresses, service and unit names, the
    signer, and for a waiting-list decision the date listed and the services meanwhile."""
    decision = await work.decisions.get(decision_id)
    emergency = await unit_record_reason(
        work,
        decision.person_id,
        decision.unit,
        "decision_letter",
        decision.id,
        access.check_may_read_decision,
    )
    await work.log(
        decision.person_id,
        AccessAction.export,
        "decision_letter",
        decision.id,
        reason="; ".join(filter(None, ["pdf" if as_pdf else "html", emergency])),
    )
    municipality = await catalogue.municipality()
    names = await catalogue.names()
    waiting = await work.waiting_list.for_decision(decision.id)
    meanwhile = []
    if waiting is not None:
        language = decision.language
        for other in await work.decisions.for_person(decision.person_id):
            if other.id != decision.id and rules.is_running(
                DecisionStatus(other.status), Outcome(other.outcome)
            ):
                meanwhile.append(other.service_name.get(language) or other.service_name["nb"])
    context = LetterContext(
        municipality_name=municipality.name if municipality else decision.municipality,
        appeals_to=municipality.appeals_to if municipality else None,
        appeals_board=municipality.appeals_board if municipality else None,
        service_names=names.services,
        unit_names=names.units,
        signer=work.user.name,
        waiting_since=waiting.listed_on if waiting else None,
        meanwhile=meanwhile,
    )
    return decision, context


async def page(
    work: Work,
    *,
    person_id: uuid.UUID | None,
    status: DecisionStatus | None,
    limit: int,
    cursor: str | None,
) -> Page[Row[Any]]:
    """Decisions as lists show them (`DecisionRepo.page`); a clinician sees those of their
    own units, of the persons those units have need to know of today (the municipality's
    window after a service ended)."""
    serving = None
    if access.may_need_relation_check(work.user):
        serving = (work.today, await relation_window(work))
    found = await work.decisions.page(
        person_id=person_id,
        status=status,
        units=access.decision_units_visible_to(work.user),
        limit=limit,
        cursor=cursor,
        serving=serving,
    )
    await work.log(list({d.person_id for d in found.items}), AccessAction.search, "decision")
    return found
