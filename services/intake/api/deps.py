"""Who may do what in intake, as dependencies named after the role they need."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from services.intake.models import AccessLogEntry, IdempotencyKey
from shared.access_log import AccessLog
from shared.auth import Principal, role_dependency
from shared.idempotency import IdempotentRequest, idempotency_dependency
from shared.schemas.roles import Role
from shared.settings import ServiceSettings

Caseworker = Annotated[Principal, role_dependency(Role.caseworker)]
CaseReader = Annotated[Principal, role_dependency(Role.caseworker, Role.coordinator, Role.manager)]
AccessLogReader = Annotated[Principal, role_dependency(Role.manager, Role.caseworker)]
Idempotent = Annotated[IdempotentRequest, idempotency_dependency(IdempotencyKey)]

ACCESS_LOG = AccessLog(AccessLogEntry)


def _allow_synthetic_ids(request: Request) -> bool:
    """Tenor-style synthetic national ids are for test and demo data, never production."""
    settings: ServiceSettings = request.app.state.settings
    return not settings.is_production


AllowSyntheticIds = Annotated[bool, Depends(_allow_synthetic_ids)]
