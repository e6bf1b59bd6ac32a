"""What coordination's routes depend on: who may call them, the unit of work, idempotency."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from services.coordination.clients import IntakeApi
from services.coordination.flows import Work
from services.coordination.models import IdempotencyKey
from shared.auth import CurrentPrincipal
from shared.clients import IntakeClient
from shared.clock import Today
from shared.db import TenantSession
from shared.idempotency import IdempotentRequest, idempotency_dependency
from shared.outbox import EventOutbox
from shared.permissions import ALL_STAFF, allow
from shared.schemas.roles import Role

COORDINATING_UNIT = allow(Role.coordinator)
"""The koordinerende enhet (role koordinator): assesses requests, assigns, keeps plans."""
INBOX_READER = allow(Role.coordinator, Role.manager)
REPORTER = allow(*ALL_STAFF)
"""Any employee may report a need for an individual plan or a koordinator."""
ASSIGNER = allow(Role.coordinator, Role.manager)
"""The coordinating unit assigns; a leader names the primærkontakt in their own unit."""
PLAN_READER = allow(Role.coordinator, Role.clinician, Role.caseworker, Role.manager, relation=True)
"""Who coordinates a person: case roles across, helsepersonell of a unit that serves the
person (flows/assignments.py)."""
PLAN_CONTENT_READER = allow(
    Role.coordinator,
    Role.clinician,
    Role.caseworker,
    Role.manager,
    relation=(Role.coordinator, Role.clinician, Role.manager),
)
"""A plan's content: its koordinator; helsepersonell and leaders of a unit that serves the
person, with a consent in force that covers the serving units; the allocation office with a
consent that covers it (domain/access.py)."""
WORKLIST_READER = allow(Role.coordinator, Role.manager, Role.clinician)
OVERVIEW_READER = allow(Role.coordinator, Role.manager)
ACCESS_LOG_READER = allow(Role.manager, Role.coordinator)
RELATIVE_TALKER = allow(Role.coordinator, Role.clinician, relation=True)
"""Pårørendesamtaler are held by the koordinator or the unit's helsepersonell."""


async def _work(
    session: TenantSession,
    user: CurrentPrincipal,
    today: Today,
    outbox: EventOutbox,
    intake: IntakeClient,
) -> Work:
    return Work(
        session=session, user=user, today=today, outbox=outbox, intake_api=IntakeApi(intake)
    )


WorkDep = Annotated[Work, Depends(_work)]
Idempotent = Annotated[IdempotentRequest, idempotency_dependency(IdempotencyKey)]
