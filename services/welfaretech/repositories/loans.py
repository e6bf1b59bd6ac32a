"""Loans, their checks and the deviations they raised."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ARRAY, Date, Integer, String, any_, bindparam, func, join, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.welfaretech.domain.access import loan_period
from services.welfaretech.domain.loans import ListedLoan
from services.welfaretech.domain.problems import DeviceAlreadyOnLoan
from services.welfaretech.models import (
    DeviationReport,
    Device,
    Loan,
    LoanCheck,
    Recommendation,
    Technology,
)
from shared.errors import NotFound
from shared.need_to_know import ServicePeriod
from shared.pagination import Keyset
from shared.schemas.common import Page


class LoanRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, loan: Loan) -> Loan:
        """Insert the loan; the partial unique index refuses a second open loan of the device."""
        try:
            async with self.session.begin_nested():
                self.session.add(loan)
                await self.session.flush()
        except IntegrityError as exc:
            if "uq_loans_device_id_not_ended" in str(exc.orig):
                raise DeviceAlreadyOnLoan(
                    "The device is already on loan: return it before lending it again"
                ) from exc
            raise
        return loan

    async def add_check(self, check: LoanCheck) -> LoanCheck:
        self.session.add(check)
        await self.session.flush()
        return check

    async def add_deviation(self, report: DeviationReport) -> DeviationReport:
        self.session.add(report)
        await self.session.flush()
        return report

    async def get(self, loan_id: uuid.UUID) -> Loan:
        found = await self.session.get(Loan, loan_id)
        if found is None:
            raise NotFound("There is no such loan")
        return found

    async def refresh(self, loan: Loan) -> Loan:
        await self.session.refresh(loan, ["device", "checks", "deviations"])
        return loan

    async def page(
        self,
        *,
        status: str | None,
        person_id: uuid.UUID | None,
        units: list[str] | None,
        limit: int,
        cursor: str | None,
    ) -> Page[ListedLoan]:
        """Oldest installation first, as the columns of `LISTED`; `units` narrows to the
        loans of those units."""
        params: dict[str, Any] = {}
        if person_id is not None:
            params["person_id"] = person_id
        if units is not None:
            params["units"] = units
        keyset = listed_keyset(status, by_person=person_id is not None, by_units=units is not None)
        return await keyset.page(
            self.session,
            limit=limit,
            cursor=cursor,
            to_item=lambda row: ListedLoan(*row),
            rows=True,
            params=params,
        )

    async def overdue(self, today: date, limit: int) -> list[ListedLoan]:
        """Open loans whose next scheduled check is before today, the most overdue first."""
        rows = await self.session.execute(_OVERDUE, {"today": today, "limit": limit})
        return [ListedLoan(*row) for row in rows]

    async def open_for_assessment(self, assessment_id: uuid.UUID) -> Sequence[Loan]:
        """The loans still running on the recommendations of one assessment."""
        return (
            await self.session.scalars(
                select(Loan)
                .join(Recommendation, Recommendation.id == Loan.recommendation_id)
                .where(Recommendation.assessment_id == assessment_id, Loan.ended_on.is_(None))
                .order_by(Loan.installed_on, Loan.id)
                .with_for_update(of=Loan)
            )
        ).all()

    async def periods_for(self, person_id: uuid.UUID) -> list[ServicePeriod]:
        """The person's loans as the periods their answering units serve the person."""
        rows = await self.session.execute(
            select(Loan.unit, Loan.installed_on, Loan.ended_on).where(Loan.person_id == person_id)
        )
        return [loan_period(unit, installed_on, ended_on) for unit, installed_on, ended_on in rows]

    async def pending_deviations(self, limit: int) -> Sequence[DeviationReport]:
        return (
            await self.session.scalars(
                select(DeviationReport)
                .where(DeviationReport.status == "pending")
                .order_by(DeviationReport.created_at)
                .limit(limit)
                .with_for_update(skip_locked=True)
            )
        ).all()

    async def for_ids(self, ids: Sequence[uuid.UUID]) -> Sequence[Loan]:
        if not ids:
            return []
        return (await self.session.scalars(select(Loan).where(Loan.id.in_(ids)))).all()

    async def counts(self, today: date) -> tuple[int, int, int]:
        """(open loans, trials whose evaluation date has come, open loans overdue a check)."""
        row = (await self.session.execute(COUNTS_OF_OPEN_LOANS, {"today": today})).one()
        return int(row[0]), int(row[1]), int(row[2])


_TODAY = bindparam("today", type_=Date())
COUNTS_OF_OPEN_LOANS = select(
    func.count(),
    func.count().filter(Loan.is_trial, Loan.evaluation_on <= _TODAY),
    func.count().filter(Loan.next_check_on < _TODAY),
).where(Loan.ended_on.is_(None))
"""Counted from the partial index of open loans (`ix_loans_open_counted`), which holds every
column these read: the table is not visited. Built once, `today` bound when run (a statement
built in the request has its cache key computed afresh)."""


LISTED = select(
    Loan.id,
    Loan.version,
    Loan.person_id,
    Loan.recommendation_id,
    Loan.unit,
    Loan.installed_on,
    Loan.installed_by_name,
    Loan.alarm_chain_tested,
    Loan.dispenser_checklist,
    Loan.is_trial,
    Loan.evaluation_on,
    Loan.check_interval_days,
    Loan.next_check_on,
    Loan.ended_on,
    Loan.end_reason,
    Loan.device_id,
    Device.version.label("device_version"),
    Device.serial.label("device_serial"),
    Device.model.label("device_model"),
    Device.status.label("device_status"),
    Device.acquired_on.label("device_acquired_on"),
    Technology.code.label("technology_code"),
    Technology.name.label("technology_name"),
    Technology.kind.label("technology_kind"),
    Technology.is_alarm_or_location,
).select_from(
    join(Loan, Device, Device.id == Loan.device_id).join(
        Technology, Technology.id == Device.technology_id
    )
)
"""What a list shows of a loan, its device and its technology (`ListedLoan`, in its fields'
order), as plain columns: not the checks and deviations, nor the technology's texts other
than its name. Rows, not ORM loans: a page of 50 read as ORM loans with their devices and
technologies cost welfare technology about 25 ms of CPU, as rows about 16."""


@functools.cache
def listed_keyset(status: str | None, *, by_person: bool, by_units: bool) -> Keyset:
    """The loans list oldest installation first, built once for each choice of its filters
    (`status` «active», «ended» or none), their values bound when run (`person_id`,
    `units`)."""
    statement = LISTED
    if status == "active":
        statement = statement.where(Loan.ended_on.is_(None))
    elif status == "ended":
        statement = statement.where(Loan.ended_on.is_not(None))
    if by_person:
        statement = statement.where(Loan.person_id == bindparam("person_id"))
    if by_units:
        statement = statement.where(Loan.unit == any_(bindparam("units", type_=ARRAY(String()))))
    return Keyset(statement, [Loan.installed_on, Loan.id])


_OVERDUE = (
    LISTED.where(Loan.ended_on.is_(None), Loan.next_check_on < bindparam("today", type_=Date()))
    .order_by(Loan.next_check_on, Loan.id)
    .limit(bindparam("limit", type_=Integer()))
)
