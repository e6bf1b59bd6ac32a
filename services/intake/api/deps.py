"""What intake's routes depend on: who may call them, the unit of work, idempotency, clients."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from services.intake.clients import CatalogueApi
from services.intake.flows import Work
from services.intake.models import IdempotencyKey
from shared.auth import CurrentPrincipal
from shared.clients import CatalogueClient
from shared.clock import Today
from shared.db import TenantSession
from shared.idempotency import IdempotentRequest, idempotency_dependency
from shared.outbox import Outbox
from shared.permissions import allow
from shared.schemas.roles import Role
from shared.settings import ServiceSettings

CASE_READERS = (Role.caseworker, Role.coordinator, Role.manager)

CASEWORKER = allow(Role.caseworker)
"""The allocation office (tildelingskontoret): registers, assesses, decides."""
CASE_READER = allow(*CASE_READERS)
WAITING_LIST_MANAGER = allow(Role.caseworker, Role.manager)
"""The allocation office and the leaders of the units with places offer, answer and prioritise."""
"""Case roles that read across the municipality's cases."""
PERSON_READER = allow(*CASE_READERS, Role.welfare_technologist, Role.clinician, relation=True)
"""Welfare technologists (who assess referrals across the municipality) and clinicians too;
need to know is then checked on the person (domain/access.py)."""
ASSESSOR = allow(Role.caseworker, Role.clinician, relation=True)
"""A clinician assesses only an application their unit was asked to assess."""
ASSESSMENT_READER = allow(*CASE_READERS, Role.clinician, relation=True)
DECISION_READER = allow(*CASE_READERS, Role.clinician, relation=True)
"""The whole decision, free text included: case roles, and clinicians of the unit."""
DECISION_LETTER_READER = allow(*CASE_READERS, Role.clinician, Role.integration, relation=True)
"""The letter is also the integration's export of a decision to the archive (sak/arkiv)."""
INTEGRATION = allow(Role.integration)
"""Another municipal system: reads ids, codes and dates (`/v1/integration/…`), no free text."""
ACCESS_LOG_READER = allow(Role.manager, Role.caseworker)
SETTINGS_READER = allow(*CASE_READERS, Role.admin)
SETTINGS_ADMIN = allow(Role.admin)
IMPORTER = allow(Role.integration)
"""A migration from another system is run as an integration. Not by admin: the cases are
persons' health data, and a dry run's answer tells whether a national id is known here."""
ANY_ROLE = allow(*Role)
"""Reference data (the functional variables): anyone signed in with a Mestring role."""


async def _work(
    request: Request, session: TenantSession, user: CurrentPrincipal, today: Today
) -> Work:
    """`async`, and the app's outbox read here rather than through a dependency of its own:
    a plain function dependency is run in the thread pool, a hop per request for nothing."""
    outbox: Outbox = request.app.state.outbox
    return Work(session=session, user=user, today=today, outbox=outbox)


async def _allow_synthetic_ids(request: Request) -> bool:
    """Tenor-style synthetic national ids are for test and demo data, never production."""
    settings: ServiceSettings = request.app.state.settings
    return not settings.is_production


async def _catalogue_api(client: CatalogueClient) -> CatalogueApi:
    return CatalogueApi(client)


WorkDep = Annotated[Work, Depends(_work)]
Idempotent = Annotated[IdempotentRequest, idempotency_dependency(IdempotencyKey)]
AllowSyntheticIds = Annotated[bool, Depends(_allow_synthetic_ids)]
CatalogueApiDep = Annotated[CatalogueApi, Depends(_catalogue_api)]
