"""The caseworker's deadline worklist: what is owed and by when, overdue first."""

from __future__ import annotations

from dataclasses import dataclass

from services.intake.domain.deadlines import interim_reply_due
from services.intake.domain.worklist import (
    INTERIM_LOOKAHEAD,
    Kind,
    Scope,
    Task,
    is_within,
    ordered,
)
from services.intake.flows import Work
from services.intake.models import Person
from shared.access_log import AccessAction
from shared.schemas.intake import DecisionStatus


@dataclass(frozen=True)
class Due:
    task: Task
    person: Person


def _name(names: dict[str, str]) -> str:
    return names.get("nb", "")


async def tasks(work: Work, scope: Scope = Scope.all, kinds: set[Kind] | None = None) -> list[Due]:
    """Interim replies owed, reviews and ends coming due, approvals, unsent decisions,
    appeals to reassess; each query bounded by what can fall due within the look-ahead."""
    today = work.today
    found: list[Task] = []
    for application in await work.worklist.applications_owing_interim_reply(today):
        due = interim_reply_due(application.received_on)
        if is_within(due, today, INTERIM_LOOKAHEAD):
            names = ", ".join(_name(i.service_name) for i in application.items)
            found.append(
                Task(
                    Kind.interim_reply_due,
                    due,
                    str(application.id),
                    str(application.person_id),
                    names,
                    application.registered_by,
                    application.assessment_unit,
                )
            )
    for application in await work.worklist.applications_past_their_promised_date(today):
        if application.expected_decision_by is None:
            continue
        names = ", ".join(_name(i.service_name) for i in application.items)
        found.append(
            Task(
                Kind.interim_reply_renewal_due,
                application.expected_decision_by,
                str(application.id),
                str(application.person_id),
                names,
                application.registered_by,
                application.assessment_unit,
            )
        )
    for decision in await work.worklist.decisions_awaiting_action():
        title, subject, person = (
            _name(decision.service_name),
            str(decision.id),
            str(decision.person_id),
        )
        if decision.status == DecisionStatus.ready_for_approval:
            found.append(
                Task(
                    Kind.awaiting_approval,
                    decision.updated_at.date(),
                    subject,
                    person,
                    title,
                    decision.drafted_by,
                    decision.unit,
                )
            )
        else:
            found.append(
                Task(
                    Kind.not_sent,
                    decision.made_on or today,
                    subject,
                    person,
                    title,
                    decision.drafted_by,
                    decision.unit,
                )
            )
    for decision in await work.worklist.decisions_coming_due(today):
        title, subject, person = (
            _name(decision.service_name),
            str(decision.id),
            str(decision.person_id),
        )
        if decision.review_on is not None and is_within(decision.review_on, today):
            found.append(
                Task(
                    Kind.review_due,
                    decision.review_on,
                    subject,
                    person,
                    title,
                    decision.drafted_by,
                    decision.unit,
                )
            )
        if decision.ends_on is not None and is_within(decision.ends_on, today):
            found.append(
                Task(
                    Kind.decision_ending,
                    decision.ends_on,
                    subject,
                    person,
                    title,
                    decision.drafted_by,
                    decision.unit,
                )
            )
    for appeal in await work.worklist.appeals_to_reassess():
        found.append(
            Task(
                Kind.appeal_to_reassess,
                appeal.received_on,
                str(appeal.id),
                str(appeal.person_id),
                appeal.appellant,
                appeal.decision.drafted_by,
                appeal.decision.unit,
            )
        )
    found = [
        task
        for task in found
        if task.is_in(scope, work.user.sub, work.user.units) and (not kinds or task.kind in kinds)
    ]
    people = {str(p.id): p for p in await work.worklist.persons({t.person_id for t in found})}
    await work.log([p.id for p in people.values()], AccessAction.search, "worklist")
    return [Due(task, people[task.person_id]) for task in ordered(found, today)]
