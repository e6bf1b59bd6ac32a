"""Migration import: existing cases from another system, all or nothing.

Every row is checked as a case made here would be (the national id with its
check digits, the service type against the catalogue, dates in order); when
any row fails, the answer names every bad row and nothing is stored. Imported
decisions keep their original dates, are marked with the system they came
from, and get the same computed fields as decisions made here (the appeal
deadline from the day the person received it, lateness of appeals by fvl § 30,
the rights the law gives).
"""

from __future__ import annotations

from services.intake.clients import CatalogueApi
from services.intake.domain import decisions as rules
from services.intake.domain.assessments import age_on
from services.intake.domain.deadlines import appeal_deadline, is_appeal_late, norwegian_calendar
from services.intake.domain.imports import (
    DecisionDates,
    Problems,
    appeal_problems,
    decision_problems,
)
from services.intake.domain.persons import search_key
from services.intake.flows import Work
from services.intake.models import Appeal, Decision, Person, WaitingListEntry
from services.intake.schemas import ImportDocument, ImportResult
from shared.access_log import AccessAction
from shared.errors import NotFound, RuleViolations
from shared.national_id import InvalidNationalId, parse_national_id
from shared.schemas.catalogue import ServiceTypeRead
from shared.schemas.intake import DecisionMade, DecisionStatus, Outcome, WaitingStatus


def _digits(national_id: str) -> str:
    return "".join(ch for ch in national_id if ch.isdigit())


async def _service_types(
    codes: set[str], catalogue: CatalogueApi
) -> dict[str, ServiceTypeRead | None]:
    found: dict[str, ServiceTypeRead | None] = {}
    for code in sorted(codes):
        try:
            found[code] = await catalogue.service_type(code)
        except NotFound:
            found[code] = None
    return found


def _check(
    document: ImportDocument,
    services: dict[str, ServiceTypeRead | None],
    known_ids: set[str],
    *,
    allow_synthetic: bool,
    today: object,
) -> Problems:
    problems: Problems = []
    in_file: set[str] = set()
    for index, row in enumerate(document.persons):
        try:
            number = parse_national_id(row.national_id, allow_synthetic=allow_synthetic).value
        except InvalidNationalId as exc:
            problems.append((f"body.persons.{index}.national_id", str(exc)))
            continue
        if number in in_file:
            problems.append(
                (f"body.persons.{index}.national_id", "The person is in the file twice")
            )
        in_file.add(number)
    references: dict[str, int] = {}
    for index, decision in enumerate(document.decisions):
        prefix = f"body.decisions.{index}"
        if decision.reference in references:
            problems.append((f"{prefix}.reference", "Two decisions have this reference"))
        references[decision.reference] = index
        if _digits(decision.national_id) not in in_file | known_ids:
            problems.append(
                (f"{prefix}.national_id", "No such person in the file or in the municipality")
            )
        if services.get(decision.service_type) is None:
            problems.append(
                (
                    f"{prefix}.service_type",
                    f"The municipality has no service type {decision.service_type!r}",
                )
            )
        problems += decision_problems(
            DecisionDates(
                decision.outcome,
                decision.made_on,
                decision.sent_on,
                decision.received_on,
                decision.starts_on,
                decision.ends_on,
                decision.review_on,
                decision.status,
            ),
            prefix,
            today,  # type: ignore[arg-type]
        )
    for index, appeal in enumerate(document.appeals):
        prefix = f"body.appeals.{index}"
        target = references.get(appeal.decision_reference)
        if target is None:
            problems.append((f"{prefix}.decision_reference", "No decision with this reference"))
            continue
        problems += appeal_problems(
            status=appeal.status,
            received_on=appeal.received_on,
            sent_on=appeal.sent_on,
            forwarded_on=appeal.forwarded_on,
            outcome_on=appeal.outcome_on,
            decision_made_on=document.decisions[target].made_on,
            prefix=prefix,
        )
    for index, entry in enumerate(document.waiting_list):
        prefix = f"body.waiting_list.{index}"
        target = references.get(entry.decision_reference)
        if target is None:
            problems.append((f"{prefix}.decision_reference", "No decision with this reference"))
            continue
        decision = document.decisions[target]
        service = services.get(decision.service_type)
        if service is not None and not service.is_long_term_place:
            problems.append(
                (f"{prefix}.decision_reference", "Only long-term places have a waiting list")
            )
        if not rules.is_granting(decision.outcome):
            problems.append((f"{prefix}.decision_reference", "A refused decision has no place"))
    return problems


async def run(
    work: Work,
    document: ImportDocument,
    catalogue: CatalogueApi,
    *,
    allow_synthetic: bool,
    dry_run: bool,
) -> ImportResult:
    """Check every row; store all of it or, on any problem, nothing (422 naming each row)."""
    services = await _service_types({d.service_type for d in document.decisions}, catalogue)
    referenced = {_digits(d.national_id) for d in document.decisions} | {
        _digits(p.national_id) for p in document.persons
    }
    existing = await work.persons.by_national_ids(referenced)
    problems = _check(
        document, services, set(existing), allow_synthetic=allow_synthetic, today=work.today
    )
    if problems:
        raise RuleViolations(problems, f"{len(problems)} problem(s) in the file; nothing imported")
    created = [p for p in document.persons if _digits(p.national_id) not in existing]
    result = ImportResult(
        dry_run=dry_run,
        persons_created=len(created),
        persons_existing=len(document.persons) - len(created),
        decisions=len(document.decisions),
        appeals=len(document.appeals),
        waiting_list=len(document.waiting_list),
    )
    if dry_run:
        return result
    persons = dict(existing)
    for new in created:
        number = parse_national_id(new.national_id, allow_synthetic=allow_synthetic)
        person = Person(
            **new.model_dump(exclude={"national_id"}),
            national_id=number.value,
            birth_date=number.birth_date,
            search_text=search_key(new.family_name, new.given_name),
            relatives=[],
            representatives=[],
        )
        await work.persons.add(person)
        persons[number.value] = person
    by_reference = {}
    calendar = norwegian_calendar()
    for row in document.decisions:
        service = services[row.service_type]
        assert service is not None  # checked above
        person = persons[_digits(row.national_id)]
        decision = Decision(
            person=person,
            person_id=person.id,
            service_type=row.service_type,
            service_name=service.name.model_dump(),
            care_level_rank=service.care_level.rank,
            is_long_term_place=service.is_long_term_place,
            purpose=service.purpose,
            outcome=row.outcome,
            scope_amount=row.scope_amount,
            scope_unit=service.scope_unit,
            starts_on=row.starts_on,
            ends_on=row.ends_on,
            review_on=row.review_on,
            unit=row.unit,
            contact=None,
            facts=row.facts,
            considerations=row.considerations,
            legal_basis=[basis.model_dump(mode="json") for basis in service.legal_basis],
            criteria=None,
            user_fee=service.user_fee.model_dump(mode="json"),
            lower_levels=[],
            rights=rules.rights_for(
                rules.RightsBasis(
                    is_bpa=service.is_bpa,
                    is_long_term_place=service.is_long_term_place,
                    requires_lower_level_review=service.requires_lower_level_review,
                    age=age_on(person.birth_date, row.made_on),
                )
            ).model_dump(mode="json", exclude_none=True),
            language=row.language,
            status=row.status,
            drafted_by=f"import:{document.source_system}",
            made_by=f"import:{document.source_system}",
            made_by_name=row.made_by_name,
            made_on=row.made_on,
            sent_on=row.sent_on,
            received_on=row.received_on,
            appeal_deadline=appeal_deadline(row.received_on, calendar) if row.received_on else None,
            appeal_body=service.appeal_body.value,
            imported_from=document.source_system,
        )
        await work.decisions.add(decision)
        by_reference[row.reference] = decision
        if rules.is_running(DecisionStatus(row.status), Outcome(row.outcome)):
            await work.publish(
                DecisionMade(
                    person_id=person.id,
                    service_type=row.service_type,
                    outcome=row.outcome,
                    unit=row.unit,
                    starts_on=row.starts_on,
                    ends_on=row.ends_on,
                    replaces_id=None,
                ),
                subject=decision.id,
            )
    for appeal in document.appeals:
        decision = by_reference[appeal.decision_reference]
        await work.appeals.add(
            Appeal(
                decision=decision,
                decision_id=decision.id,
                person_id=decision.person_id,
                received_on=appeal.received_on,
                sent_on=appeal.sent_on,
                appellant=appeal.appellant,
                grounds=appeal.grounds,
                late=decision.appeal_deadline is not None
                and is_appeal_late(decision.appeal_deadline, appeal.received_on, appeal.sent_on),
                status=appeal.status,
                forwarded_on=appeal.forwarded_on,
                outcome=appeal.outcome,
                outcome_on=appeal.outcome_on,
            )
        )
    for entry in document.waiting_list:
        decision = by_reference[entry.decision_reference]
        work.waiting_list.add(
            WaitingListEntry(
                decision_id=decision.id,
                person_id=decision.person_id,
                person=decision.person,
                service_type=decision.service_type,
                listed_on=entry.listed_on,
                priority=entry.priority,
                status=WaitingStatus(entry.status),
                history=[{"on": entry.listed_on.isoformat(), "event": "imported"}],
            )
        )
    await work.flush()
    await work.log(
        sorted({p.id for p in persons.values()}),
        AccessAction.create,
        "import",
        reason=f"import fra {document.source_system}",
    )
    return result
