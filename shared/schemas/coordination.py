"""What the coordination service publishes to others: closed sets, summaries and events.

Quality (the indicators «antall aktive IP», share with koordinator) and the
municipality's own systems read the coordination service's feed with these
models. Payloads carry ids, codes and dates, never goals or other free text:
the content of an individual plan stays behind the API, where consent and need
to know are checked and every read is logged.
"""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum
from typing import ClassVar

from pydantic import BaseModel

from shared.schemas.events import Code, EventPayload

# Closed sets -------------------------------------------------------------------------------


class RequestSource(StrEnum):
    """Who asked the koordinerende enhet: the person, a relative, an employee (health
    personnel must report the need), or the system (intake's feed shows long-term services
    from two or more units)."""

    person = "person"
    relative = "relative"
    employee = "employee"
    system = "system"


class RequestStatus(StrEnum):
    received = "received"
    assessed = "assessed"


class RequestOutcome(StrEnum):
    granted = "granted"
    partly_granted = "partly_granted"
    refused = "refused"


class CoordinatorKind(StrEnum):
    """Koordinator (hol § 7-2) or barnekoordinator (hol § 7-2 a)."""

    coordinator = "coordinator"
    child_coordinator = "child_coordinator"


class PlanStatus(StrEnum):
    """draft → active (only with consent) → closed (with a reason)."""

    draft = "draft"
    active = "active"
    closed = "closed"


# Summaries other services read -------------------------------------------------------------


class PlanSummary(BaseModel):
    """An individual plan as a list or another service shows it: no content."""

    id: uuid.UUID
    person_id: uuid.UUID
    status: PlanStatus
    version: int
    next_evaluation_on: date | None
    activated_on: date | None
    closed_on: date | None


# Event payloads (one model per event type and version) --------------------------------------


class CoordinationRequestReceived(EventPayload):
    event_type: ClassVar[str] = "coordination_request.received"

    person_id: uuid.UUID
    source: RequestSource
    wants_plan: bool
    wants_coordinator: bool
    received_on: date


class CoordinatorAssigned(EventPayload):
    event_type: ClassVar[str] = "coordinator.assigned"

    person_id: uuid.UUID
    kind: CoordinatorKind
    from_date: date
    handed_over: bool


class PrimaryContactAssigned(EventPayload):
    event_type: ClassVar[str] = "primary_contact.assigned"

    person_id: uuid.UUID
    unit: Code
    from_date: date


class PlanActivated(EventPayload):
    event_type: ClassVar[str] = "plan.activated"

    person_id: uuid.UUID
    plan_version: int
    activated_on: date


class PlanRevised(EventPayload):
    event_type: ClassVar[str] = "plan.revised"

    person_id: uuid.UUID
    plan_version: int
    status: PlanStatus


class PlanClosed(EventPayload):
    event_type: ClassVar[str] = "plan.closed"

    person_id: uuid.UUID
    plan_version: int
    closed_on: date


class MeetingHeld(EventPayload):
    event_type: ClassVar[str] = "meeting.held"

    person_id: uuid.UUID
    plan_id: uuid.UUID
    held_on: date
    decisions: int
