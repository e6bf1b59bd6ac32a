"""The procedure library: publish, revise (a new version, never an overwrite), confirm
(lest og forstått), and see who has confirmed the version in force."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from services.quality.domain import measures as access
from services.quality.domain import procedures as rules
from services.quality.flows import Work
from services.quality.models import Procedure, ProcedureReceipt, ProcedureVersion
from services.quality.schemas import (
    ProcedureConfirmation,
    ProcedureCreate,
    ProcedureRevision,
)
from shared.concurrency import check_version
from shared.schemas.quality import ProcedureRevised


@dataclass(frozen=True)
class ProcedureSeen:
    procedure: Procedure
    my_version: int | None
    may_edit: bool
    not_followed: int = 0


@dataclass(frozen=True)
class Reader:
    sub: str
    name: str
    confirmed_version: int | None
    confirmed_at: datetime | None


def current(procedure: Procedure) -> ProcedureVersion:
    return next(v for v in procedure.versions if v.number == procedure.current_number)


def _now() -> datetime:
    return datetime.now(UTC)


async def _saw(work: Work) -> None:
    """Remember the employee, so leaders see who is expected to confirm their unit's
    procedures (the quality system keeps no staff register of its own)."""
    await work.procedures.saw(work.user.sub, work.user.name, list(work.user.units), _now())


def _version(
    work: Work, number: int, body: ProcedureCreate | ProcedureRevision
) -> ProcedureVersion:
    rules.check_version_content(body.valid_from, body.review_by, body.text, body.link)
    return ProcedureVersion(
        number=number,
        valid_from=body.valid_from,
        review_by=body.review_by,
        approved_by=body.approved_by,
        text=body.text or None,
        link=body.link or None,
        change_note=getattr(body, "change_note", None),
        written_by_name=work.user.name,
    )


async def _publish(work: Work, procedure: Procedure, version: ProcedureVersion) -> None:
    await work.publish(
        ProcedureRevised(
            procedure_id=procedure.id,
            unit=procedure.unit,
            version=version.number,
            valid_from=version.valid_from,
            review_by=version.review_by,
        ),
        procedure.id,
    )


async def create(work: Work, body: ProcedureCreate) -> ProcedureSeen:
    """Publish a procedure as version 1 (`procedure.revised` with version 1)."""
    access.check_works_with(work.user, body.unit)
    version = _version(work, 1, body)
    procedure = Procedure(
        unit=body.unit,
        title=body.title,
        owner=body.owner,
        current_number=1,
        review_by=version.review_by,
        versions=[version],
    )
    await work.procedures.add(procedure)
    await _publish(work, procedure, version)
    return ProcedureSeen(procedure, None, True)


async def revise(
    work: Work, procedure_id: uuid.UUID, body: ProcedureRevision, if_match: int
) -> ProcedureSeen:
    """A new version; the earlier ones stay as they were, and receipts must be given again."""
    procedure = await work.procedures.get(procedure_id)
    access.check_works_with(work.user, procedure.unit)
    check_version(if_match, procedure.version)
    rules.check_revision(body.valid_from, current(procedure).valid_from)
    version = _version(work, procedure.current_number + 1, body)
    procedure.versions.append(version)
    procedure.current_number = version.number
    procedure.review_by = version.review_by
    if body.owner:
        procedure.owner = body.owner
    await work.session.flush()
    await _publish(work, procedure, version)
    mine = (await work.procedures.confirmed_by(work.user.sub, [procedure.id])).get(procedure.id)
    return ProcedureSeen(procedure, mine, True, await work.procedures.not_followed(procedure.id))


async def read(work: Work, procedure_id: uuid.UUID) -> ProcedureSeen:
    """Every employee of the municipality reads every procedure."""
    await _saw(work)
    procedure = await work.procedures.get(procedure_id)
    mine = (await work.procedures.confirmed_by(work.user.sub, [procedure.id])).get(procedure.id)
    return ProcedureSeen(
        procedure,
        mine,
        access.works_with(work.user, procedure.unit),
        await work.procedures.not_followed(procedure.id),
    )


async def listed(
    work: Work,
    unit: str | None,
    review_overdue: bool,
    search: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[Sequence[Procedure], dict[uuid.UUID, int], str | None]:
    """A page of the library (by unit, with the municipality-wide ones), or of the overdue
    reviews, with the version the caller confirmed of each."""
    await _saw(work)
    found, next_cursor = await work.procedures.listed(
        unit=unit,
        include_municipality_wide=True,
        review_overdue_on=work.today if review_overdue else None,
        search=search,
        limit=limit,
        cursor=cursor,
    )
    mine = await work.procedures.confirmed_by(work.user.sub, [p.id for p in found])
    return found, mine, next_cursor


async def confirm(
    work: Work, procedure_id: uuid.UUID, body: ProcedureConfirmation
) -> ProcedureSeen:
    """The caller has read and understood the version in force (once per version)."""
    await _saw(work)
    procedure = await work.procedures.get(procedure_id)
    rules.check_confirmation(body.version, procedure.current_number)
    version = current(procedure)
    if await work.procedures.receipt(version.id, work.user.sub) is None:
        await work.procedures.add_receipt(
            ProcedureReceipt(
                procedure_id=procedure.id,
                version_id=version.id,
                number=version.number,
                employee_sub=work.user.sub,
                employee_name=work.user.name,
                confirmed_at=_now(),
            )
        )
    return ProcedureSeen(
        procedure,
        version.number,
        access.works_with(work.user, procedure.unit),
        await work.procedures.not_followed(procedure.id),
    )


async def readers(work: Work, procedure_id: uuid.UUID) -> tuple[Procedure, list[Reader]]:
    """Who is expected to confirm (the unit's employees, or everyone for a municipality-wide
    procedure) and the newest version each confirmed; for its leader and the quality lead."""
    procedure = await work.procedures.get(procedure_id)
    access.check_works_with(work.user, procedure.unit)
    newest: dict[str, ProcedureReceipt] = {}
    for receipt in await work.procedures.receipts(procedure.id):
        newest[receipt.employee_sub] = receipt
    found: list[Reader] = []
    for member in await work.procedures.staff():
        if not rules.expected_readers(procedure.unit, list(member.units)):
            continue
        mine = newest.pop(member.sub) if member.sub in newest else None
        found.append(
            Reader(
                member.sub,
                member.name,
                mine.number if mine else None,
                mine.confirmed_at if mine else None,
            )
        )
    found += [
        Reader(r.employee_sub, r.employee_name, r.number, r.confirmed_at) for r in newest.values()
    ]
    found.sort(key=lambda r: (r.confirmed_version == procedure.current_number, r.name))
    return procedure, found
