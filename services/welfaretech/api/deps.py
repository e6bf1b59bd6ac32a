"""What welfaretech's routes depend on: who may call them, the unit of work, clients."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from services.welfaretech.clients import IntakeApi, QualityApi
from services.welfaretech.flows import Work
from services.welfaretech.models import IdempotencyKey
from shared.auth import CurrentPrincipal
from shared.clients import IntakeClient, ServiceClient, client_for
from shared.clock import Today
from shared.db import TenantSession
from shared.idempotency import IdempotentRequest, idempotency_dependency
from shared.outbox import EventOutbox
from shared.permissions import ALL_STAFF, allow
from shared.schemas.roles import Role

TEAM = allow(Role.welfare_technologist)
"""The welfare-technology team: assesses, recommends, lends, installs, measures."""
CATALOGUE_EDITOR = allow(Role.welfare_technologist, Role.admin)
STAFF = allow(*ALL_STAFF)
"""Any employee reads the technology catalogue and the inventory."""
PERSON_READER = allow(
    Role.welfare_technologist, Role.clinician, Role.caseworker, Role.manager, relation=True
)
"""Reads a person's referrals, assessments and loans; a clinician only where their unit
serves the person (domain/access.py)."""
REFERRER = allow(Role.welfare_technologist, Role.clinician)
MEASURER = allow(Role.welfare_technologist, Role.clinician, relation=True)
"""Home care records follow-up measurements; the baseline is the team's."""
DASHBOARD = allow(Role.welfare_technologist, Role.manager)

QualityClient = Annotated[ServiceClient, client_for("quality")]


async def _work(
    session: TenantSession,
    user: CurrentPrincipal,
    today: Today,
    outbox: EventOutbox,
    intake: IntakeClient,
    quality: QualityClient,
) -> Work:
    return Work(
        session=session,
        user=user,
        today=today,
        outbox=outbox,
        intake=IntakeApi(intake),
        quality=QualityApi(quality),
    )


WorkDep = Annotated[Work, Depends(_work)]
Idempotent = Annotated[IdempotentRequest, idempotency_dependency(IdempotencyKey)]
