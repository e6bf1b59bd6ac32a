"""Device loans: one person at a time, checks on a schedule, and the safety-critical rules.

A device is never on loan to two persons at once; the database enforces it
(a partial unique index on the device of every loan not yet ended), so two
concurrent requests cannot both win. Safety alarms: the response chain
(responssenter → hjemmetjenesten) is tested at installation and on a
schedule, and a failed test is an avvik reported to the quality service
(forskrift om ledelse og kvalitetsforbedring § 6-8: catch, handle, learn).
Electronic medication dispensers: Helsetilsynet's audits of elektronisk
medisineringsstøtte found the routines around the device missing; the
checklist below must be complete before a loan starts.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from services.welfaretech.domain.problems import DeviceAlreadyOnLoan, DeviceNotAvailable
from shared.errors import RuleViolation
from shared.schemas.welfaretech import DeviceStatus, TechnologyKind

DEFAULT_CHECK_INTERVAL_DAYS = {
    TechnologyKind.safety_alarm: 90,
    TechnologyKind.fall_sensor: 90,
    TechnologyKind.medication_dispenser: 30,
}
"""Days between scheduled checks when the catalogue names none (alarms: each quarter)."""
FALLBACK_INTERVAL_DAYS = 180


class DispenserPoint(StrEnum):
    """Helsetilsynet's audit points for elektronisk medisineringsstøtte."""

    who_fills = "who_fills"
    missed_dose_follow_up_by = "missed_dose_follow_up_by"
    missed_dose_response_minutes = "missed_dose_response_minutes"
    power_or_network_failure_plan = "power_or_network_failure_plan"
    person_trained = "person_trained"
    staff_trained = "staff_trained"
    gp_medication_list_is_source = "gp_medication_list_is_source"


def check_dispenser_checklist(checklist: Mapping[str, Any] | None) -> None:
    """Every point answered (texts filled, trainings done, the GP's list the source)."""
    if checklist is None:
        raise RuleViolation(
            "body.dispenser_checklist",
            "A medication dispenser needs Helsetilsynet's checklist before the loan starts",
        )
    for point in DispenserPoint:
        value = checklist.get(point.value)
        if value is None or value is False or (isinstance(value, str) and not value.strip()):
            raise RuleViolation(
                f"body.dispenser_checklist.{point.value}",
                f"The checklist point «{point.value}» must be complete before the loan starts",
            )
    minutes = checklist[DispenserPoint.missed_dose_response_minutes.value]
    if not isinstance(minutes, int) or minutes <= 0:
        raise RuleViolation(
            "body.dispenser_checklist.missed_dose_response_minutes",
            "Say within how many minutes a missed dose is followed up",
        )


def needs_alarm_test(kind: TechnologyKind) -> bool:
    """Alarms that go to the response centre have their chain tested."""
    return kind in (TechnologyKind.safety_alarm, TechnologyKind.fall_sensor)


def check_device_lendable(status: DeviceStatus) -> None:
    if status == DeviceStatus.on_loan:
        raise DeviceAlreadyOnLoan("The device is already on loan: return it before lending it")
    if status != DeviceStatus.in_stock:
        raise DeviceNotAvailable(f"The device is {status.value}, not in stock")


def interval_days(kind: TechnologyKind, catalogue_interval: int | None) -> int:
    return catalogue_interval or DEFAULT_CHECK_INTERVAL_DAYS.get(kind, FALLBACK_INTERVAL_DAYS)


def next_check(done_on: date, days: int) -> date:
    return done_on + timedelta(days=days)


def is_check_overdue(next_check_on: date | None, today: date) -> bool:
    return next_check_on is not None and next_check_on < today


def check_install_date(installed_on: date, today: date) -> None:
    if installed_on > today:
        raise RuleViolation("body.installed_on", "An installation is recorded when it is done")


def check_end(installed_on: date, ended_on: date, today: date) -> None:
    if ended_on < installed_on:
        raise RuleViolation("body.ended_on", "A loan ends on or after its installation")
    if ended_on > today:
        raise RuleViolation("body.ended_on", "A return is recorded when it is done")


def deviation_text(technology_name: str, serial: str, note: str | None) -> str:
    """What the avvik says: which device failed its response-chain test (no health data)."""
    text = (
        f"Test av responskjeden feilet for {technology_name} (serienummer {serial}). "
        "Alarmen nådde ikke fram til responssenteret og hjemmetjenesten som den skal."
    )
    return f"{text} {note}" if note else text


@dataclass(frozen=True, slots=True)
class ListedLoan:
    """A loan as lists show it (`LoanSummary`), read as plain columns with its device's and
    technology's: not its checks and deviations, nor the technology's other texts."""

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    recommendation_id: uuid.UUID
    unit: str
    installed_on: date
    installed_by_name: str
    alarm_chain_tested: bool | None
    dispenser_checklist: dict[str, Any] | None
    is_trial: bool
    evaluation_on: date | None
    check_interval_days: int
    next_check_on: date | None
    ended_on: date | None
    end_reason: str | None
    device_id: uuid.UUID
    device_version: int
    device_serial: str
    device_model: str | None
    device_status: str
    device_acquired_on: date | None
    technology_code: str
    technology_name: dict[str, str]
    technology_kind: str
    is_alarm_or_location: bool
