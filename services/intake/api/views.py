"""Model → response schema: how intake's rows are shown through the API."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Row

from services.intake.domain.deadlines import interim_reply_due
from services.intake.domain.persons import ListedPerson
from services.intake.flows.decisions import Suggested, rights_of
from services.intake.flows.worklist import Due
from services.intake.letters.render import county_governor, texts_for
from services.intake.models import (
    Appeal,
    Application,
    Assessment,
    Decision,
    Person,
    WaitingListEntry,
)
from services.intake.schemas import (
    Address,
    AppealRead,
    ApplicationItemRead,
    ApplicationRead,
    AssessmentRead,
    CaregiverRead,
    Contact,
    CriteriaCited,
    DecisionListItem,
    DecisionRead,
    DerivedRead,
    EvaluationRecord,
    GeneralPractitionerRead,
    LowerLevelIn,
    PersonRead,
    RelativeRead,
    RepresentativeRead,
    Suggestion,
    WaitingListRead,
    WorklistItem,
)
from shared.national_id import mask
from shared.schemas.catalogue import AppealBody, LegalBasisRead
from shared.schemas.common import LocalizedText, Page
from shared.schemas.intake import (
    DecisionStatus,
    IntegrationDecision,
    Outcome,
    PersonSummary,
    WaitingStatus,
)


def person_summary(person: Person | ListedPerson) -> PersonSummary:
    if isinstance(person, ListedPerson):
        city = person.city or ""
    else:
        city = (person.address or {}).get("city", "")
    return PersonSummary(
        id=person.id,
        given_name=person.given_name,
        family_name=person.family_name,
        birth_date=person.birth_date,
        national_id_masked=mask(person.national_id),
        city=city,
    )


def person_read(person: Person) -> PersonRead:
    """The whole person; `person` must come from `PersonRepo.get` (relatives loaded)."""
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
        gp=GeneralPractitionerRead.model_validate(person.gp) if person.gp else None,
        relatives=[RelativeRead.model_validate(r) for r in person.relatives],
        representatives=[RepresentativeRead.model_validate(r) for r in person.representatives],
        version=person.version,
    )


def application_read(application: Application) -> ApplicationRead:
    return ApplicationRead(
        id=application.id,
        person=person_summary(application.person),
        channel=application.channel,
        received_on=application.received_on,
        applicant_kind=application.applicant_kind,
        applicant_name=application.applicant_name,
        services=[
            ApplicationItemRead(
                service_type=item.service_type,
                service_name=LocalizedText.model_validate(item.service_name),
                care_level_rank=item.care_level_rank,
                requires_decision=item.requires_decision,
                note=item.note,
            )
            for item in application.items
        ],
        what_matters=application.what_matters,
        urgency=application.urgency,
        consent_to_obtain_information=application.consent_to_obtain_information,
        status=application.status,
        interim_reply_due=interim_reply_due(application.received_on),
        interim_reply_sent_on=application.interim_reply_sent_on,
        caregiver=CaregiverRead.model_validate(application.caregiver)
        if application.caregiver
        else None,
        interim_reply_reason=application.interim_reply_reason,
        expected_decision_by=application.expected_decision_by,
        assessment_unit=application.assessment_unit,
        registered_by=application.registered_by,
        created_at=application.created_at,
        version=application.version,
    )


ASSESSMENT_COLUMNS = (
    "id",
    "person_id",
    "application_id",
    "assessed_on",
    "assessed_by_name",
    "place",
    "what_matters",
    "spec_version",
    "scores",
    "own_resources",
    "network",
    "relatives_contribution",
    "housing",
    "rehabilitation_potential",
    "welfare_technology",
    "nutrition_risk",
    "fall_risk",
    "facts",
    "diagnoses",
    "note",
    "two_helper_hours_per_week",
    "night_hours_per_week",
    "night_need_continuous",
    "created_at",
)


def assessment_read(assessment: Assessment) -> AssessmentRead:
    return AssessmentRead.model_validate(
        {
            **{column: getattr(assessment, column) for column in ASSESSMENT_COLUMNS},
            "derived": DerivedRead.model_validate(assessment.derived),
            "follow_ups": assessment.derived.get("follow_ups", []),
        }
    )


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
        legal_basis=[LegalBasisRead.model_validate(basis) for basis in decision.legal_basis],
        criteria=CriteriaCited.model_validate(criteria) if criteria else None,
        user_fee=decision.user_fee,
        lower_levels=[LowerLevelIn.model_validate(x) for x in decision.lower_levels],
        rights=rights_of(decision),
        language=decision.language,
        status=DecisionStatus(decision.status),
        drafted_by=decision.drafted_by,
        submitted_by=decision.submitted_by,
        made_on=decision.made_on,
        made_by_name=decision.made_by_name,
        delivery=decision.delivery,
        sent_on=decision.sent_on,
        received_on=decision.received_on,
        appeal_deadline=decision.appeal_deadline,
        imported_from=decision.imported_from,
        evaluations=[EvaluationRecord.model_validate(e) for e in decision.evaluations],
        ended_on=decision.ended_on,
        ended_note=decision.ended_note,
        addressee=CaregiverRead.model_validate(decision.addressee) if decision.addressee else None,
        version=decision.version,
    )


def decision_list_page(rows: Sequence[Row[Any]], next_cursor: str | None) -> Page[DecisionListItem]:
    """A page of decisions as a list reads them (`DecisionRepo.page`: the columns of
    `LISTED`), validated once as a whole by pydantic from plain values: a model built in
    Python for each row and each of its parts cost a list of 50 about 2 ms of CPU."""
    return Page[DecisionListItem].model_validate(
        {"items": [_listed_decision(item) for item in _dicts(rows)], "next_cursor": next_cursor}
    )


def integration_decision_page(
    rows: Sequence[Row[Any]], next_cursor: str | None
) -> Page[IntegrationDecision]:
    """A page of decisions as the integration reads them: ids, codes, amounts and dates (the
    columns of `LISTED` it has; the rest are not in its model and stay out)."""
    return Page[IntegrationDecision].model_validate(
        {"items": _dicts(rows), "next_cursor": next_cursor}
    )


def _dicts(rows: Sequence[Row[Any]]) -> list[dict[str, Any]]:
    """Each row as a dict of its columns (the columns a model does not have, it leaves out)."""
    keys = rows[0]._fields if rows else ()
    return [dict(zip(keys, row, strict=True)) for row in rows]


def _listed_decision(item: dict[str, Any]) -> dict[str, Any]:
    item["person"] = {
        "id": item["person_id"],
        "given_name": item["given_name"],
        "family_name": item["family_name"],
        "birth_date": item["birth_date"],
        "national_id_masked": mask(item.pop("national_id")),
        "city": item["city"] or "",
    }
    item["review_due"] = item["review_on"]
    return item


def integration_decision_read(decision: Decision) -> IntegrationDecision:
    """The integration's read model of a decision: ids, codes, amounts and dates only."""
    return IntegrationDecision.model_validate(decision, from_attributes=True)


def suggestion_read(suggested: Suggested) -> Suggestion:
    evaluation = suggested.evaluation
    service = evaluation.service_type
    return Suggestion(
        service_type=service.code,
        name=service.name,
        care_level_rank=service.care_level.rank,
        requires_decision=service.requires_decision,
        met=evaluation.met,
        lowest=suggested.lowest,
        criteria_version=evaluation.criteria_version,
        reasons=[finding.model_dump(mode="json") for finding in evaluation.findings],
    )


def appeal_read(appeal: Appeal) -> AppealRead:
    governor = county_governor(
        appeal.municipality, texts_for("nb", appeal.received_on)["_governors"]
    )
    body = AppealBody(appeal.decision.appeal_body)
    return AppealRead.model_validate(
        {
            **{c.key: getattr(appeal, c.key) for c in Appeal.__table__.columns},
            "county_governor": governor,
            "appeal_body": body,
            "appeal_body_name": governor
            if body == AppealBody.county_governor
            else "Kommunens klagenemnd",
        }
    )


def waiting_read(entry: WaitingListEntry, today: date) -> WaitingListRead:
    return WaitingListRead(
        id=entry.id,
        decision_id=entry.decision_id,
        person=person_summary(entry.person),
        service_type=entry.service_type,
        listed_on=entry.listed_on,
        days_waiting=(today - entry.listed_on).days,
        priority=entry.priority,
        status=WaitingStatus(entry.status),
        history=entry.history,
        version=entry.version,
    )


def worklist_item(due: Due, today: date, user: str) -> WorklistItem:
    task = due.task
    return WorklistItem(
        kind=task.kind,
        due=task.due,
        overdue=task.due < today,
        subject_id=str(task.subject_id),
        person=person_summary(due.person),
        title=task.title,
        mine=task.owner == user,
        unit=task.unit,
    )
