"""Decisions (enkeltvedtak): drafted against the catalogue, made once, delivered, followed up."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Depends, Query, Request, Response
from sqlalchemy import select

from services.intake.api.deps import ACCESS_LOG, Caseworker, Idempotent
from services.intake.api.persons import person_summary
from services.intake.clients import CatalogueApiDep
from services.intake.domain import decisions as rules
from services.intake.domain.access import CASE_ROLES
from services.intake.domain.applications import ApplicationStatus
from services.intake.domain.assessments import age_on
from services.intake.domain.deadlines import appeal_deadline, norwegian_calendar
from services.intake.domain.decisions import DecisionStatus, Outcome
from services.intake.letters.render import letter_html, letter_pdf
from services.intake.models import Application, Assessment, Decision, WaitingListEntry
from services.intake.repository import ApplicationRepoDep
from services.intake.schemas import (
    Contact,
    CriteriaCited,
    DecisionCreate,
    DecisionDelivery,
    DecisionFields,
    DecisionRead,
    DecisionStatusChange,
    DecisionUpdate,
    LowerLevelIn,
    Suggestion,
)
from shared.access_log import AccessAction
from shared.auth import CurrentPrincipal, Principal
from shared.clock import Today
from shared.concurrency import IfMatchVersion, check_version, set_etag
from shared.db import TenantSession
from shared.errors import Conflict, Forbidden, NotFound, RuleViolation, problem_responses
from shared.outbox import EventOutbox
from shared.pagination import Cursor, Limit, paginate
from shared.schemas.common import LocalizedText, Page
from shared.schemas.roles import Role

router = APIRouter(tags=["decisions"])


def decision_read(decision: Decision) -> DecisionRead:
    criteria = decision.criteria
    return DecisionRead(
        id=decision.id,
        person=person_summary(decision.person),
        application_id=decision.application_id,
        replaces_id=decision.replaces_id,
        service_type=decision.service_type,
        service_name=LocalizedText.model_validate(decision.service_name),
        care_level_rank=decision.care_level_rank,
        purpose=decision.purpose,
        outcome=Outcome(decision.outcome),
        scope_amount=decision.scope_amount,
        scope_unit=decision.scope_unit,
        starts_on=decision.starts_on,
        ends_on=decision.ends_on,
        review_on=decision.review_on,
        review_due=decision.review_on,
        unit=decision.unit,
        contact=Contact.model_validate(decision.contact) if decision.contact else None,
        facts=decision.facts,
        considerations=decision.considerations,
        legal_basis=decision.legal_basis,
        criteria=CriteriaCited.model_validate(criteria) if criteria else None,
        user_fee=decision.user_fee,
        lower_levels=[LowerLevelIn.model_validate(x) for x in decision.lower_levels],
        rights=decision.rights,
        language=decision.language,
        status=DecisionStatus(decision.status),
        made_on=decision.made_on,
        made_by_name=decision.made_by_name,
        delivery=decision.delivery,  # type: ignore[arg-type]
        sent_on=decision.sent_on,
        received_on=decision.received_on,
        appeal_deadline=decision.appeal_deadline,
        version=decision.version,
    )


def service_rules(decision: Decision) -> rules.ServiceRules:
    return rules.ServiceRules(
        requires_lower_level_review=bool(decision.rights.get("requires_lower_level_review")),
        is_long_term_place=decision.is_long_term_place,
        purpose=decision.purpose,
        scope_unit=decision.scope_unit,
    )


def draft_of(body: DecisionFields) -> rules.Draft:
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


def apply_fields(decision: Decision, body: DecisionFields) -> None:
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
    decision.rights = {**decision.rights, "place_available": body.place_available}
    if body.language:
        decision.language = body.language


async def latest_assessment(session: Any, application_id: uuid.UUID) -> Assessment | None:
    result: Assessment | None = await session.scalar(
        select(Assessment)
        .where(Assessment.application_id == application_id)
        .order_by(Assessment.assessed_on.desc(), Assessment.created_at.desc())
        .limit(1)
    )
    return result


def rights_for(service: dict[str, Any], assessment: Assessment | None, born: Any) -> dict[str, Any]:
    """The statutory rights the decision form shows and the decision records."""
    sections = " ".join(basis.get("section", "") for basis in service.get("legal_basis", []))
    rights: dict[str, Any] = {
        "requires_lower_level_review": service["requires_lower_level_review"],
    }
    if "2-1 d" in sections or service["code"].startswith("bpa"):
        facts = assessment.facts if assessment else {}
        age = age_on(born, assessment.assessed_on) if assessment else None
        bpa = rules.bpa_right(
            age, facts.get("assessed_hours_per_week"), facts.get("expected_duration_months")
        )
        rights["bpa"] = {"right": bpa.right.value, "reason": bpa.reason, "law": "pbrl § 2-1 d"}
    if service["is_long_term_place"] or "2-1 e" in sections:
        rights["long_term_stay"] = {
            "law": "pbrl § 2-1 e, hol § 3-2 a",
            "note": (
                "Rett når langtidsopphold er eneste tilbud som sikrer nødvendige og "
                "forsvarlige tjenester; kommunen skal føre venteliste og gi forsvarlige "
                "tjenester mens personen venter."
            ),
        }
    return rights


def four_eyes(request: Request, principal: Principal) -> bool:
    settings = request.app.state.settings
    return principal.municipality in getattr(settings, "four_eyes_municipalities", [])


async def _decision(decision_id: uuid.UUID, session: TenantSession) -> Decision:
    decision = await session.get(Decision, decision_id)
    if decision is None:
        raise NotFound("There is no such decision")
    return decision


FoundDecision = Annotated[Decision, Depends(_decision)]


def check_may_read(principal: Principal, decision: Decision) -> None:
    if principal.has_any(*CASE_ROLES, Role.integration):
        return
    if principal.has_any(Role.clinician) and decision.unit and decision.unit in principal.units:
        return
    raise Forbidden("You have no service relation to this person (tjenstlig behov)")


@router.get(
    "/applications/{application_id}/suggestions",
    response_model=list[Suggestion],
    responses=problem_responses(404, 503),
    operation_id="suggest_services",
)
async def suggest_services(
    application_id: uuid.UUID,
    applications: ApplicationRepoDep,
    catalogue: CatalogueApiDep,
    user: Caseworker,
) -> list[Suggestion]:
    """Services whose criteria the latest assessment meets, lowest level first (LEON/BEON)."""
    application = await applications.get(application_id)
    assessment = await latest_assessment(applications.session, application.id)
    if assessment is None:
        raise Conflict("Record an assessment first; suggestions come from its facts")
    evaluations = await catalogue.evaluate(assessment.facts)
    fitting = [e for e in evaluations if e["met"] is not False]
    lowest = min(
        (e["service_type"]["care_level"]["rank"] for e in fitting if e["met"]), default=None
    )
    await ACCESS_LOG.record(
        applications.session, user, application.person_id, AccessAction.read, "suggestions"
    )
    return [
        Suggestion(
            service_type=e["service_type"]["code"],
            name=LocalizedText.model_validate(e["service_type"]["name"]),
            care_level_rank=e["service_type"]["care_level"]["rank"],
            requires_decision=e["service_type"]["requires_decision"],
            met=e["met"],
            lowest=e["met"] is True and e["service_type"]["care_level"]["rank"] == lowest,
            criteria_version=e["criteria_version"],
            reasons=e["findings"],
        )
        for e in fitting
    ]


@router.post(
    "/decisions",
    status_code=201,
    response_model=DecisionRead,
    responses=problem_responses(404, 409, 503),
    operation_id="draft_decision",
)
async def draft_decision(
    body: DecisionCreate,
    applications: ApplicationRepoDep,
    catalogue: CatalogueApiDep,
    user: Caseworker,
    idempotent: Idempotent,
) -> Response:
    """Draft a decision on one service asked for; the catalogue gives its rules and criteria."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    session = applications.session
    application = await session.get(Application, body.application_id)
    if application is None:
        raise RuleViolation("body.application_id", "There is no such application")
    item = next((i for i in application.items if i.service_type == body.service_type), None)
    if item is None:
        raise RuleViolation("body.service_type", "The application did not ask for this service")
    await check_no_other_decision(session, body, application)
    service = await catalogue.service_type(body.service_type)
    assessment = await latest_assessment(session, application.id)
    current = service.get("current_criteria")
    decision = Decision(
        person_id=application.person_id,
        application_id=application.id,
        replaces_id=body.replaces_id,
        service_type=body.service_type,
        service_name=service["name"],
        care_level_rank=service["care_level"]["rank"],
        is_long_term_place=service["is_long_term_place"],
        purpose=service["purpose"],
        scope_unit=service["scope_unit"],
        legal_basis=service["legal_basis"],
        criteria={k: current[k] for k in ("version", "effective_from", "text")}
        if current
        else None,
        user_fee=service["user_fee"],
        rights=rights_for(service, assessment, application.person.birth_date),
        language=body.language or ("nn" if application.person.preferred_language == "nn" else "nb"),
        status=DecisionStatus.draft,
        drafted_by=user.sub,
        person=application.person,
    )
    apply_fields(decision, body)
    rules.check_draft(draft_of(body), service_rules(decision))
    session.add(decision)
    await session.flush()
    await ACCESS_LOG.record(
        session, user, decision.person_id, AccessAction.create, "decision", decision.id
    )
    return await idempotent.respond(
        201, decision_read(decision), headers={"ETag": f'"{decision.version}"'}
    )


async def check_no_other_decision(
    session: Any, body: DecisionCreate, application: Application
) -> None:
    """One decision per service asked for; a change names the made decision it replaces."""
    existing = (
        await session.scalars(
            select(Decision).where(
                Decision.application_id == application.id,
                Decision.service_type == body.service_type,
            )
        )
    ).all()
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


@router.patch(
    "/decisions/{decision_id}",
    response_model=DecisionRead,
    responses=problem_responses(404, 409, 412, 428),
    operation_id="update_decision",
)
async def update_decision(
    body: DecisionUpdate,
    decision: FoundDecision,
    session: TenantSession,
    user: Caseworker,
    if_match: IfMatchVersion,
    response: Response,
) -> DecisionRead:
    """Change a draft; a made decision is immutable (409)."""
    check_version(if_match, decision.version)
    rules.check_editable(DecisionStatus(decision.status))
    apply_fields(decision, body)
    rules.check_draft(draft_of(body), service_rules(decision))
    if decision.status == DecisionStatus.ready_for_approval:
        decision.status = DecisionStatus.draft
    await session.flush()
    await ACCESS_LOG.record(
        session, user, decision.person_id, AccessAction.update, "decision", decision.id
    )
    set_etag(response, decision.version)
    return decision_read(decision)


@router.post(
    "/decisions/{decision_id}/submit",
    response_model=DecisionRead,
    responses=problem_responses(404, 409, 412, 428),
    operation_id="submit_decision_for_approval",
)
async def submit_decision_for_approval(
    decision: FoundDecision,
    session: TenantSession,
    user: Caseworker,
    if_match: IfMatchVersion,
    request: Request,
    response: Response,
) -> DecisionRead:
    """Ready for approval by a second caseworker (four eyes)."""
    check_version(if_match, decision.version)
    decision.status = rules.move(
        DecisionStatus(decision.status),
        DecisionStatus.ready_for_approval,
        four_eyes=four_eyes(request, user),
        actor=user.sub,
        drafted_by=decision.drafted_by,
    )
    await session.flush()
    set_etag(response, decision.version)
    return decision_read(decision)


@router.post(
    "/decisions/{decision_id}/make",
    response_model=DecisionRead,
    responses=problem_responses(404, 409, 412, 428),
    operation_id="make_decision",
)
async def make_decision(
    decision: FoundDecision,
    session: TenantSession,
    user: Caseworker,
    if_match: IfMatchVersion,
    request: Request,
    response: Response,
    today: Today,
    outbox: EventOutbox,
) -> DecisionRead:
    """Make (fatte) the decision. From now on it is immutable."""
    check_version(if_match, decision.version)
    decision.status = rules.move(
        DecisionStatus(decision.status),
        DecisionStatus.made,
        four_eyes=four_eyes(request, user),
        actor=user.sub,
        drafted_by=decision.drafted_by,
    )
    decision.made_on, decision.made_by, decision.made_by_name = today, user.sub, user.name
    await close_application_when_all_decided(session, decision)
    waiting = await put_on_waiting_list(session, decision, today)
    await session.flush()
    await ACCESS_LOG.record(
        session,
        user,
        decision.person_id,
        AccessAction.update,
        "decision",
        decision.id,
        reason="made",
    )
    await outbox.record(
        session,
        "decision.made",
        subject=decision.id,
        data={
            "person_id": str(decision.person_id),
            "service_type": decision.service_type,
            "outcome": decision.outcome,
            "unit": decision.unit,
            "starts_on": decision.starts_on.isoformat() if decision.starts_on else None,
            "replaces_id": str(decision.replaces_id) if decision.replaces_id else None,
        },
    )
    if waiting is not None:
        await outbox.record(
            session,
            "waiting_list.changed",
            subject=waiting.id,
            data={
                "person_id": str(decision.person_id),
                "service_type": decision.service_type,
                "status": waiting.status,
            },
        )
    set_etag(response, decision.version)
    return decision_read(decision)


async def close_application_when_all_decided(session: Any, decision: Decision) -> None:
    if decision.application_id is None:
        return
    application = await session.get(Application, decision.application_id)
    made = set(
        await session.scalars(
            select(Decision.service_type).where(
                Decision.application_id == application.id,
                Decision.status.in_([s.value for s in rules.MADE]),
            )
        )
    ) | {decision.service_type}
    if {i.service_type for i in application.items if i.requires_decision} <= made:
        application.status = ApplicationStatus.decided


async def put_on_waiting_list(
    session: Any, decision: Decision, today: Any
) -> WaitingListEntry | None:
    """A granted long-term place with no place free goes on the waiting list (hol § 3-2 a)."""
    if not (decision.is_long_term_place and rules.is_granting(Outcome(decision.outcome))):
        return None
    if decision.rights.get("place_available", True):
        return None
    entry = WaitingListEntry(
        decision_id=decision.id,
        person_id=decision.person_id,
        service_type=decision.service_type,
        listed_on=today,
        status="waiting",
        history=[{"on": today.isoformat(), "event": "listed"}],
        person=decision.person,
    )
    session.add(entry)
    return entry


@router.post(
    "/decisions/{decision_id}/delivery",
    response_model=DecisionRead,
    responses=problem_responses(404, 409, 412, 428),
    operation_id="record_decision_delivery",
)
async def record_decision_delivery(
    body: DecisionDelivery,
    decision: FoundDecision,
    session: TenantSession,
    user: Caseworker,
    if_match: IfMatchVersion,
    response: Response,
) -> DecisionRead:
    """How and when the person got the decision; the appeal deadline follows from receipt."""
    check_version(if_match, decision.version)
    if body.received_on < body.sent_on:
        raise RuleViolation("body.received_on", "Received before it was sent")
    if decision.made_on and body.sent_on < decision.made_on:
        raise RuleViolation("body.sent_on", "Sent before it was made")
    decision.status = rules.move(
        DecisionStatus(decision.status),
        DecisionStatus.sent,
        four_eyes=False,
        actor=user.sub,
        drafted_by=decision.drafted_by,
    )
    decision.delivery, decision.sent_on, decision.received_on = (
        body.method,
        body.sent_on,
        body.received_on,
    )
    decision.appeal_deadline = appeal_deadline(body.received_on, norwegian_calendar())
    await session.flush()
    await ACCESS_LOG.record(
        session,
        user,
        decision.person_id,
        AccessAction.update,
        "decision",
        decision.id,
        reason="sent",
    )
    set_etag(response, decision.version)
    return decision_read(decision)


@router.post(
    "/decisions/{decision_id}/status",
    response_model=DecisionRead,
    responses=problem_responses(404, 409, 412, 428),
    operation_id="change_decision_status",
)
async def change_decision_status(
    body: DecisionStatusChange,
    decision: FoundDecision,
    session: TenantSession,
    user: Caseworker,
    if_match: IfMatchVersion,
    response: Response,
    outbox: EventOutbox,
) -> DecisionRead:
    """In force, evaluated, or ended."""
    check_version(if_match, decision.version)
    if body.status in (DecisionStatus.made, DecisionStatus.sent, DecisionStatus.ready_for_approval):
        raise RuleViolation("body.status", "Use make, submit or delivery for that step")
    decision.status = rules.move(
        DecisionStatus(decision.status),
        body.status,
        four_eyes=False,
        actor=user.sub,
        drafted_by=decision.drafted_by,
    )
    await session.flush()
    await ACCESS_LOG.record(
        session,
        user,
        decision.person_id,
        AccessAction.update,
        "decision",
        decision.id,
        reason=body.status.value,
    )
    if body.status == DecisionStatus.ended:
        await outbox.record(
            session,
            "decision.ended",
            subject=decision.id,
            data={
                "person_id": str(decision.person_id),
                "service_type": decision.service_type,
                "note": body.note,
            },
        )
    set_etag(response, decision.version)
    return decision_read(decision)


@router.get(
    "/decisions/{decision_id}",
    response_model=DecisionRead,
    responses=problem_responses(404),
    operation_id="get_decision",
)
async def get_decision(
    decision: FoundDecision, session: TenantSession, user: CurrentPrincipal, response: Response
) -> DecisionRead:
    check_may_read(user, decision)
    await ACCESS_LOG.record(
        session, user, decision.person_id, AccessAction.read, "decision", decision.id
    )
    set_etag(response, decision.version)
    return decision_read(decision)


@router.get(
    "/decisions/{decision_id}/letter",
    response_class=Response,
    responses={
        200: {
            "description": "The letter: PDF with `Accept: application/pdf`, HTML otherwise",
            "content": {"text/html": {}, "application/pdf": {}},
        },
        **problem_responses(404, 503),
    },
    operation_id="get_decision_letter",
)
async def get_decision_letter(
    decision: FoundDecision,
    session: TenantSession,
    catalogue: CatalogueApiDep,
    user: CurrentPrincipal,
    request: Request,
    today: Today,
) -> Response:
    """The decision letter in plain Norwegian (nb or nn), with everything fvl §§ 24, 25, 27 ask."""
    check_may_read(user, decision)
    name = await catalogue.municipality_name() or decision.municipality
    html = letter_html(decision, name, today)
    wants_pdf = "application/pdf" in request.headers.get("accept", "")
    await ACCESS_LOG.record(
        session,
        user,
        decision.person_id,
        AccessAction.export,
        "decision_letter",
        decision.id,
        reason="pdf" if wants_pdf else "html",
    )
    if not wants_pdf:
        return Response(html, media_type="text/html; charset=utf-8")
    pdf = await anyio.to_thread.run_sync(letter_pdf, html)
    filename = f"vedtak-{str(decision.id)[:8]}.pdf"
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{filename}"'},
    )


@router.get("/decisions", response_model=Page[DecisionRead], operation_id="list_decisions")
async def list_decisions(
    session: TenantSession,
    user: CurrentPrincipal,
    person_id: Annotated[uuid.UUID | None, Query()] = None,
    status: Annotated[DecisionStatus | None, Query()] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[DecisionRead]:
    """Decisions; a clinician sees those of their own units only."""
    statement = select(Decision)
    if not user.has_any(*CASE_ROLES, Role.integration):
        if not user.has_any(Role.clinician):
            raise Forbidden("Your role does not read decisions")
        statement = statement.where(Decision.unit.in_(user.units or ["-"]))
    if person_id is not None:
        statement = statement.where(Decision.person_id == person_id)
    if status is not None:
        statement = statement.where(Decision.status == status)
    page = await paginate(
        session,
        statement,
        order_by=[Decision.created_at, Decision.id],
        limit=limit,
        cursor=cursor,
        to_item=decision_read,
    )
    if page.items:
        await ACCESS_LOG.record(
            session, user, list({d.person.id for d in page.items}), AccessAction.search, "decision"
        )
    return page
