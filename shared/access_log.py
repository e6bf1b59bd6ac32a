"""The access log (tilgangslogg): who read or changed a person's data, when, and why.

Every service that holds personal data gives itself an append-only
`access_log` table (a trigger refuses UPDATE and DELETE) and writes one row
per read or write of a person's data, in the same transaction as the read
or the change. The person and a leader can inspect it (pbrl § 5-1,
pasientjournalloven § 16 and § 18, Normen).

A refused attempt (403 about a person) is logged as well, in a transaction
of its own (`record_refusal`), so that the refusal's rollback does not erase
it. A person's log is read by leaders and by the caseworker (or koordinator)
of the person's open case only (`check_may_read_person_log`), a page at a
time, newest first, and exported for the person's innsyn request as CSV; reading
and exporting it are logged too (`AccessLog.check_may_read_log`, `read_person_log`,
`export_person_log`, `csv_download`, and the two routes `add_person_log_routes` adds: the
same in every service that offers a person's log). Who counts as handling the open case is
each service's own (`PersonLogReaders`).
"""

from __future__ import annotations

import csv
import inspect
import io
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Annotated, Any

from asgi_correlation_id import correlation_id
from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict
from sqlalchemy import (
    ARRAY,
    BigInteger,
    DateTime,
    Identity,
    String,
    Text,
    Uuid,
    bindparam,
    func,
    literal,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from sqlalchemy.orm import Mapped, mapped_column
from starlette.responses import Response

from shared.auth import Principal
from shared.clock import OSLO
from shared.db import TENANT_SETTING, set_tenant
from shared.errors import Forbidden, problem_responses
from shared.pagination import Cursor, Limit, decode_cursor, encode_cursor
from shared.schemas.common import AnyPage, Page
from shared.schemas.roles import Role


class AccessAction(StrEnum):
    read = "read"
    search = "search"
    create = "create"
    update = "update"
    export = "export"
    refused = "refused"
    """An attempt the service refused (403): logged too, in its own transaction."""


class AccessLogMixin:
    """Columns of a service's append-only `access_log` table."""

    sequence: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    municipality: Mapped[str] = mapped_column(
        String(4), index=True, server_default=text(f"current_setting('{TENANT_SETTING}', true)")
    )
    occurred_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    actor: Mapped[str] = mapped_column(String(200))
    actor_name: Mapped[str] = mapped_column(String(200))
    actor_roles: Mapped[list[str]] = mapped_column(JSONB)
    person_id: Mapped[uuid.UUID] = mapped_column(index=True)
    action: Mapped[str] = mapped_column(String(20))
    resource: Mapped[str] = mapped_column(String(100))
    resource_id: Mapped[str | None] = mapped_column(String(100))
    reason: Mapped[str | None] = mapped_column(Text)
    request_id: Mapped[str | None] = mapped_column(String(64))


SHARED_COLUMNS = (
    "actor",
    "actor_name",
    "actor_roles",
    "action",
    "resource",
    "reason",
    "request_id",
)
"""What the rows of one `record` share: who, what and why."""

APPEND_ONLY_FUNCTION = """
CREATE FUNCTION refuse_access_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the access log is append-only' USING ERRCODE = 'raise_exception';
END
$$
"""


def create_append_only_trigger(op: Any, table: str = "access_log") -> None:
    """Call from a migration's upgrade(), after creating the table."""
    op.execute(APPEND_ONLY_FUNCTION)
    op.execute(
        f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION refuse_access_log_change()"
    )


def drop_append_only_trigger(op: Any, table: str = "access_log") -> None:
    op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
    op.execute("DROP FUNCTION IF EXISTS refuse_access_log_change()")


class AccessLog:
    """Writes and reads one service's access log."""

    def __init__(self, model: type[AccessLogMixin]) -> None:
        self.model = model
        table = model.__table__  # type: ignore[attr-defined]
        reads = (
            func.unnest(
                bindparam("person_ids", type_=ARRAY(Uuid())),
                bindparam("resource_ids", type_=ARRAY(String())),
            )
            .table_valued("person_id", "resource_id")
            .render_derived(name="reads")
        )
        self._insert = table.insert().from_select(
            [*SHARED_COLUMNS, "person_id", "resource_id"],
            select(
                bindparam("actor", type_=String()),
                bindparam("actor_name", type_=String()),
                bindparam("actor_roles", type_=JSONB()),
                bindparam("action", type_=String()),
                bindparam("resource", type_=String()),
                bindparam("reason", type_=Text()),
                bindparam("request_id", type_=String()),
                reads.c.person_id,
                reads.c.resource_id,
            ).select_from(reads),
        )
        """The rows of a `record` as one Core INSERT, built once: what they share bound once,
        the persons and resource ids as two arrays (no ORM unit of work, and no parameters
        to render and convert for each row of a page)."""

    async def record(
        self,
        session: AsyncSession,
        principal: Principal,
        person_ids: uuid.UUID | list[uuid.UUID],
        action: AccessAction,
        resource: str,
        resource_id: str | uuid.UUID | None = None,
        reason: str | None = None,
    ) -> None:
        """The rows, one per person, written at once in this transaction (after what the
        session holds unwritten, as a flush did before)."""
        ids = person_ids if isinstance(person_ids, list) else [person_ids]
        await self.record_each(
            session, principal, [(person_id, resource_id) for person_id in ids], action, resource,
            reason,
        )  # fmt: skip

    async def record_each(
        self,
        session: AsyncSession,
        principal: Principal,
        reads: Sequence[tuple[uuid.UUID, str | uuid.UUID | None]],
        action: AccessAction,
        resource: str,
        reason: str | None = None,
    ) -> None:
        """One row per (person, resource id) of a list, written at once in this transaction
        (after what the session holds unwritten)."""
        if session.new or session.dirty or session.deleted or not reads:
            await session.flush()
        if not reads:
            return
        await session.execute(
            self._insert,
            {
                "actor": principal.sub,
                "actor_name": principal.name,
                "actor_roles": [role.value for role in principal.roles],
                "action": action.value,
                "resource": resource,
                "reason": reason,
                "request_id": correlation_id.get(),
                "person_ids": [person_id for person_id, _ in reads],
                "resource_ids": [None if rid is None else str(rid) for _, rid in reads],
            },
        )

    async def record_refusal(
        self,
        session: AsyncSession,
        principal: Principal,
        person_id: uuid.UUID,
        resource: str,
        resource_id: str | uuid.UUID | None = None,
        reason: str | None = None,
    ) -> None:
        """Log a refused attempt about a person in a transaction of its own, committed at
        once: the request's own transaction is rolled back with the 403."""
        bind = session.bind
        engine = bind if isinstance(bind, AsyncEngine) else bind.engine
        async with AsyncSession(engine) as own, own.begin():
            await set_tenant(own, principal.municipality)
            await self.record(
                own, principal, person_id, AccessAction.refused, resource, resource_id, reason
            )

    @asynccontextmanager
    async def refusals_logged(
        self,
        session: AsyncSession,
        principal: Principal,
        person_id: uuid.UUID,
        resource: str,
        resource_id: str | uuid.UUID | None = None,
    ) -> AsyncIterator[None]:
        """Around a need-to-know check about one person: a `Forbidden` raised inside is logged
        as `refused` (in its own transaction) before it goes on to become the 403."""
        try:
            yield
        except Forbidden as exc:
            await self.record_refusal(
                session, principal, person_id, resource, resource_id, reason=exc.detail
            )
            raise

    async def check_may_read_log(
        self,
        session: AsyncSession,
        principal: Principal,
        person_id: uuid.UUID,
        *,
        handles_open_case: bool,
        readers: PersonLogReaders | None = None,
    ) -> None:
        """The shared rule on who reads a person's log (`check_may_read_person_log`); a
        refusal is logged as `refused` before it becomes the 403."""
        async with self.refusals_logged(session, principal, person_id, "access_log"):
            check_may_read_person_log(
                principal, handles_open_case=handles_open_case, readers=readers
            )

    async def read_person_log(
        self,
        session: AsyncSession,
        principal: Principal,
        person_id: uuid.UUID,
        limit: int,
        cursor: str | None,
    ) -> Page[Any]:
        """A page of the person's log (after `check_may_read_log`); the read is logged, after
        the page is read, so it opens the next read's first page."""
        page = await self.page_for_person(session, person_id, limit, cursor)
        await self.record(session, principal, person_id, AccessAction.read, "access_log")
        return page

    async def export_person_log(
        self, session: AsyncSession, principal: Principal, person_id: uuid.UUID, file_format: str
    ) -> list[Any]:
        """The person's whole log, oldest first, for their innsyn request (pbrl § 5-1,
        pasientjournalloven § 18), after `check_may_read_log`; the export is itself logged
        (and is its last line)."""
        await self.record(
            session,
            principal,
            person_id,
            AccessAction.export,
            "access_log",
            reason=f"innsyn: {file_format}",
        )
        return await self.all_for_person(session, person_id)

    async def page_for_person(
        self, session: AsyncSession, person_id: uuid.UUID, limit: int, cursor: str | None
    ) -> Page[Any]:
        """The person's log newest first, a page at a time (keyset on the sequence)."""
        model: Any = self.model
        statement = select(model).where(model.person_id == person_id)
        if cursor:
            (before,) = decode_cursor(cursor, [model.sequence])
            statement = statement.where(model.sequence < literal(before, BigInteger))
        rows = list(
            await session.scalars(statement.order_by(model.sequence.desc()).limit(limit + 1))
        )
        next_cursor = encode_cursor([rows[limit - 1].sequence]) if len(rows) > limit else None
        return AnyPage(items=rows[:limit], next_cursor=next_cursor)

    async def all_for_person(self, session: AsyncSession, person_id: uuid.UUID) -> list[Any]:
        """The person's whole log, oldest first: for an export."""
        model: Any = self.model
        rows = await session.scalars(
            select(model).where(model.person_id == person_id).order_by(model.sequence)
        )
        return list(rows)

    async def readers_on(
        self, session: AsyncSession, day: date, rule: UnusualReading
    ) -> list[UnusualReader]:
        """Employees who read more distinct persons on `day` (Oslo time) than `rule` allows,
        most first: the unusual-pattern list beside the emergency-access review."""
        model: Any = self.model
        start = datetime.combine(day, datetime.min.time(), OSLO)
        end = start + timedelta(days=1)
        persons = func.count(model.person_id.distinct())
        rows = await session.execute(
            select(model.actor, func.max(model.actor_name), persons)
            .where(
                model.occurred_at >= start,
                model.occurred_at < end,
                model.action.in_([action.value for action in rule.actions]),
            )
            .group_by(model.actor)
            .having(persons > rule.max_persons_per_day)
            .order_by(persons.desc(), model.actor)
            .limit(rule.list_limit)
        )
        return [
            UnusualReader(actor=actor, actor_name=name, day=day, persons=count)
            for actor, name, count in rows
        ]

    async def for_person(
        self, session: AsyncSession, person_id: uuid.UUID, limit: int
    ) -> list[Any]:
        model: Any = self.model
        rows = await session.scalars(
            select(model)
            .where(model.person_id == person_id)
            .order_by(model.sequence.desc())
            .limit(limit)
        )
        return list(rows)


@dataclass(frozen=True)
class UnusualReading:
    """When one employee's reads in a day are listed for a leader to look at; reference data."""

    max_persons_per_day: int
    actions: tuple[AccessAction, ...]
    list_limit: int
    source: str


UNUSUAL_READING = UnusualReading(
    max_persons_per_day=30,
    actions=(AccessAction.read, AccessAction.export, AccessAction.refused),
    list_limit=100,
    source=(
        "Normen (Norm for informasjonssikkerhet og personvern i helse- og omsorgssektoren): the "
        "access log is followed up for unusual use. Mestring's default: more than 30 different "
        "persons opened (read, exported or refused; searches not counted) by one employee in "
        "one day is listed for the leader to look at."
    ),
)


@dataclass(frozen=True)
class UnusualReader:
    actor: str
    actor_name: str
    day: date
    persons: int


@dataclass(frozen=True)
class PersonLogReaders:
    """Who reads a person's access log in one service: the leader roles read every person's
    log; a case role only the log of a person whose open case the caller handles (what
    counts as handling it is the service's own: the caseworker of an undecided application,
    the person's koordinator, the velferdsteknolog of an open assessment)."""

    leaders: frozenset[Role]
    case_roles: frozenset[Role]
    refusal: str


PERSON_LOG_READERS = PersonLogReaders(
    leaders=frozenset({Role.manager}),
    case_roles=frozenset({Role.caseworker, Role.coordinator}),
    refusal=(
        "A person's access log is for leaders and for the caseworker of the person's open case"
    ),
)


def check_may_read_person_log(
    principal: Principal, *, handles_open_case: bool, readers: PersonLogReaders | None = None
) -> None:
    """Who reads a person's access log (pbrl § 5-1, pasientjournalloven § 18: the person's right
    to know who has had access; leaders follow it up): leaders read every person's log; a
    caseworker or koordinator (or the service's own case role) only the log of a person whose
    open case is theirs."""
    rule = readers or PERSON_LOG_READERS
    if principal.has_any(*rule.leaders):
        return
    if principal.has_any(*rule.case_roles) and handles_open_case:
        return
    raise Forbidden(rule.refusal)


class AccessLogRead(BaseModel):
    """One line of a person's access log, as its readers see it."""

    model_config = ConfigDict(from_attributes=True)

    occurred_at: datetime
    actor: str
    actor_name: str
    actor_roles: list[str]
    action: str
    resource: str
    resource_id: str | None
    reason: str | None


class CsvExportFormat(StrEnum):
    """The formats a service exports a person's log in (intake alone adds a printable PDF)."""

    csv = "csv"


CSV_COLUMNS = (
    "occurred_at",
    "actor",
    "actor_name",
    "actor_roles",
    "action",
    "resource",
    "resource_id",
    "reason",
)


def to_csv(rows: Iterable[Any]) -> str:
    """The log as CSV (semicolon-separated, as Norwegian spreadsheets open it), times in Oslo
    time, for the person's innsyn request."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(
            [
                row.occurred_at.astimezone(OSLO).isoformat(timespec="seconds"),
                row.actor,
                row.actor_name,
                ",".join(row.actor_roles),
                row.action,
                row.resource,
                row.resource_id or "",
                _safe_cell(row.reason or ""),
            ]
        )
    return out.getvalue()


def csv_download(rows: Iterable[Any], stem: str) -> Response:
    """The log as a CSV file to download (with a byte-order mark, so a spreadsheet reads it
    as UTF-8), named `<stem>.csv`."""
    return Response(
        "\ufeff" + to_csv(rows),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{stem}.csv"'},
    )


def _safe_cell(value: str) -> str:
    """A cell a spreadsheet will not run as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def add_person_log_routes(
    router: APIRouter,
    *,
    work: Any,
    allowed: Any,
    read: Callable[[Any, uuid.UUID, int, str | None], Awaitable[Page[Any]]],
    export: Callable[[Any, uuid.UUID, str], Awaitable[list[Any]]],
    file_stem: str,
    read_description: str,
    export_description: str,
) -> None:
    """Adds a service's `GET /persons/{person_id}/access-log` (a page, newest first) and
    `/access-log/export` (the whole log as CSV, `<file_stem>-<person>-<today>.csv`) to its
    `router`, the same in every service that offers a person's log (intake adds a PDF). What
    differs is the service's: `work` its unit-of-work dependency (`WorkDep`), `allowed` its
    `allow(...)` for who may ask, `read` and `export` its flows (the 404 for an unknown person
    and the check of who may read, `AccessLog.check_may_read_log`, are theirs), and the
    routes' descriptions in its OpenAPI."""

    async def get_person_access_log(
        person_id: uuid.UUID, work: Any, limit: Limit = 100, cursor: Cursor = None
    ) -> Page[AccessLogRead]:
        page = await read(work, person_id, limit, cursor)
        return Page[AccessLogRead](
            items=[AccessLogRead.model_validate(row) for row in page.items],
            next_cursor=page.next_cursor,
        )

    async def export_person_access_log(
        person_id: uuid.UUID,
        work: Any,
        file_format: Annotated[CsvExportFormat, Query(alias="format")] = CsvExportFormat.csv,
    ) -> Response:
        rows = await export(work, person_id, file_format.value)
        return csv_download(rows, f"{file_stem}-{str(person_id)[:8]}-{work.today.isoformat()}")

    # The service's own dependency, as an annotation FastAPI reads (this module's annotations
    # are strings, and a string cannot name the service's `WorkDep`).
    get_person_access_log.__annotations__["work"] = work
    export_person_access_log.__annotations__["work"] = work
    router.add_api_route(
        "/persons/{person_id}/access-log",
        get_person_access_log,
        methods=["GET"],
        response_model=Page[AccessLogRead],
        responses=problem_responses(403, 404),
        operation_id="get_person_access_log",
        dependencies=[allowed],
        description=inspect.cleandoc(read_description),
    )
    router.add_api_route(
        "/persons/{person_id}/access-log/export",
        export_person_access_log,
        methods=["GET"],
        response_class=Response,
        responses={
            200: {
                "description": "The whole log, oldest first, as CSV",
                "content": {"text/csv": {}},
            },
            **problem_responses(403, 404),
        },
        operation_id="export_person_access_log",
        dependencies=[allowed],
        description=inspect.cleandoc(export_description),
    )
