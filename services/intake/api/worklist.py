"""The caseworker's deadline worklist: overdue first."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter
from sqlalchemy import select

from services.intake.api.deps import ACCESS_LOG, CaseReader
from services.intake.api.persons import person_summary
from services.intake.domain.deadlines import interim_reply_due
from services.intake.domain.worklist import INTERIM_LOOKAHEAD, Kind, Task, is_within, ordered
from services.intake.models import Appeal, Application, Decision, Person
from services.intake.schemas import WorklistItem
from shared.access_log import AccessAction
from shared.clock import Today
from shared.db import TenantSession

router = APIRouter(tags=["worklist"])

FOLLOWED = ("made", "sent", "in_force", "evaluated")


def _name(names: dict[str, str]) -> str:
    return names.get("nb", "")


async def collect(session: TenantSession, today: date) -> list[Task]:
    tasks: list[Task] = []
    for application in await session.scalars(
        select(Application).where(
            Application.status.in_(["received", "in_assessment"]),
            Application.interim_reply_sent_on.is_(None),
        )
    ):
        due = interim_reply_due(application.received_on)
        if is_within(due, today, INTERIM_LOOKAHEAD):
            names = ", ".join(_name(i.service_name) for i in application.items)
            tasks.append(
                Task(
                    Kind.interim_reply_due,
                    due,
                    str(application.id),
                    str(application.person_id),
                    names,
                )
            )
    decisions = (await session.scalars(select(Decision))).all()
    replaced = {d.replaces_id for d in decisions if d.replaces_id}
    for decision in decisions:
        title = _name(decision.service_name)
        subject, person = str(decision.id), str(decision.person_id)
        if decision.status == "ready_for_approval":
            tasks.append(
                Task(Kind.awaiting_approval, decision.updated_at.date(), subject, person, title)
            )
        if decision.status == "made":
            tasks.append(Task(Kind.not_sent, decision.made_on or today, subject, person, title))
        if (
            decision.status not in FOLLOWED
            or decision.id in replaced
            or decision.outcome == "refused"
        ):
            continue
        if is_within(decision.review_on, today):
            tasks.append(Task(Kind.review_due, decision.review_on, subject, person, title))  # type: ignore[arg-type]
        if is_within(decision.ends_on, today):
            tasks.append(Task(Kind.decision_ending, decision.ends_on, subject, person, title))  # type: ignore[arg-type]
    for appeal in await session.scalars(select(Appeal).where(Appeal.status == "received")):
        tasks.append(
            Task(
                Kind.appeal_to_reassess,
                appeal.received_on,
                str(appeal.id),
                str(appeal.person_id),
                appeal.appellant,
            )
        )
    return ordered(tasks, today)


@router.get("/worklist", response_model=list[WorklistItem], operation_id="get_worklist")
async def get_worklist(
    session: TenantSession, user: CaseReader, today: Today
) -> list[WorklistItem]:
    """Interim replies owed, reviews and ends coming due, approvals, unsent decisions, appeals."""
    tasks = await collect(session, today)
    people = {
        str(p.id): p
        for p in await session.scalars(
            select(Person).where(Person.id.in_({t.person_id for t in tasks}))
        )
    }
    if tasks:
        await ACCESS_LOG.record(
            session, user, [p.id for p in people.values()], AccessAction.search, "worklist"
        )
    return [
        WorklistItem(
            kind=task.kind.value,
            due=task.due,
            overdue=task.is_overdue(today),
            subject_id=task.subject_id,
            person=person_summary(people[task.person_id]),
            title=task.title,
        )
        for task in tasks
    ]
