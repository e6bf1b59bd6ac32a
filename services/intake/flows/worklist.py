"""The caseworker's deadline worklist: what is owed and by when, overdue first, a page at a time."""

from __future__ import annotations

from dataclasses import dataclass

from services.intake.domain.persons import ListedPerson
from services.intake.domain.worklist import COUNT_CAP, Kind, Scope
from services.intake.flows import Work
from services.intake.repositories.worklist import KindCount, TaskRow
from shared.access_log import AccessAction


@dataclass(frozen=True)
class Due:
    task: TaskRow
    person: ListedPerson


@dataclass(frozen=True)
class WorklistPage:
    items: list[Due]
    next_cursor: str | None
    counts: list[KindCount]
    count_cap: int


async def tasks(
    work: Work,
    scope: Scope = Scope.all,
    kinds: set[Kind] | None = None,
    *,
    limit: int = 50,
    cursor: str | None = None,
    count_cap: int = COUNT_CAP,
) -> WorklistPage:
    """Interim replies owed, reviews and ends coming due, approvals, unsent decisions, appeals
    to reassess: one page of them, and how many of each kind `scope` holds (each bucket counted
    up to `count_cap`, beyond it a lower bound). Only the persons on the page are read, so only
    they are written to the access log."""
    user, units = work.user.sub, work.user.units
    rows, next_cursor = await work.worklist.page(
        work.today,
        scope=scope,
        kinds=kinds or set(),
        user=user,
        units=units,
        limit=limit,
        cursor=cursor,
    )
    counts = await work.worklist.counts(
        work.today, scope=scope, user=user, units=units, cap=count_cap
    )
    people = {p.id: p for p in await work.persons.by_ids(list({row.person_id for row in rows}))}
    await work.log(list(people), AccessAction.search, "worklist")
    return WorklistPage(
        items=[Due(row, people[row.person_id]) for row in rows if row.person_id in people],
        next_cursor=next_cursor,
        counts=counts,
        count_cap=count_cap,
    )
