"""What quality's routes depend on: who may call them, the unit of work, idempotency, clients."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from services.quality.clients import LinkChecker
from services.quality.flows import Work
from services.quality.models import IdempotencyKey
from shared.auth import CurrentPrincipal
from shared.clients import ServiceClient, client_for
from shared.clock import Today
from shared.db import TenantSession
from shared.idempotency import IdempotentRequest, idempotency_dependency
from shared.outbox import EventOutbox
from shared.permissions import ALL_STAFF, allow
from shared.schemas.roles import Role

REPORTER = allow(*ALL_STAFF, Role.integration)
"""Every employee reports deviations and follows their own; so does a system that finds one
itself (welfare technology's failed alarm test, reported again by its background retrier)."""
DEVIATION_READER = allow(*ALL_STAFF)
"""A deviation read whole (description, measures, the person concerned): employees only, and
then only those `domain/access.py` lets see it. A system reports and lists its own reports."""
HANDLER = allow(Role.manager, Role.quality_lead)
"""The unit's leader (for the units in the token) and the quality lead; checked per deviation."""
QUALITY_LEAD = allow(Role.quality_lead)
"""The kvalitetsleder, for the municipality's quality committee (kvalitetsutvalg)."""
SCHEDULER = allow(Role.quality_lead, Role.integration)
RULES_OWNER = allow(Role.quality_lead, Role.admin)


async def _work(
    session: TenantSession, user: CurrentPrincipal, today: Today, outbox: EventOutbox
) -> Work:
    return Work(session=session, user=user, today=today, outbox=outbox)


async def _checker(
    intake: Annotated[ServiceClient, client_for("intake")],
    coordination: Annotated[ServiceClient, client_for("coordination")],
    welfaretech: Annotated[ServiceClient, client_for("welfaretech")],
) -> LinkChecker:
    return LinkChecker({"intake": intake, "coordination": coordination, "welfaretech": welfaretech})


WorkDep = Annotated[Work, Depends(_work)]
Idempotent = Annotated[IdempotentRequest, idempotency_dependency(IdempotencyKey)]
LinkCheckerDep = Annotated[LinkChecker, Depends(_checker)]
