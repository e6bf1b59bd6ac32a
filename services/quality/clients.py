"""Typed calls from quality to the services a deviation can point at.

A deviation may name a decision (intake), an individual plan (coordination)
or a device loan (welfaretech). Which service answers for which kind, and at
which path, is data (`TARGETS`); the check is the same for every kind:

- 200: the thing exists → verified;
- 404 and the target service serves that path → not found (the report is refused, 422);
- 404 and the path is not in the target's OpenAPI (not built yet), 401/403 (the
  caller may not read it), or the service is down → unverified. Reporting is
  never blocked by another service; an unverified link is checked again when
  the deviation is read.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Any

from shared.clients import ServiceClient
from shared.errors import ServiceUnavailable
from shared.schemas.quality import LinkKind, LinkStatus


@dataclass(frozen=True)
class Target:
    service: str
    path: str
    """Path template with `{id}`, under `/api/<service>`."""


TARGETS: dict[LinkKind, Target] = {
    LinkKind.decision: Target("intake", "/v1/decisions/{id}"),
    LinkKind.plan: Target("coordination", "/v1/plans/{id}"),
    LinkKind.loan: Target("welfaretech", "/v1/loans/{id}"),
}

_PARAMETER = re.compile(r"\{[^}]+\}")


class LinkChecker:
    """Asks the owning service whether a linked thing exists, as the caller."""

    def __init__(self, clients: dict[str, ServiceClient]) -> None:
        self.clients = clients

    async def check(self, kind: LinkKind, target_id: uuid.UUID) -> LinkStatus:
        target = TARGETS[kind]
        client = self.clients[target.service]
        prefix = f"/api/{target.service}"
        try:
            response = await client.request("GET", prefix + target.path.format(id=target_id))
            if response.status_code == 200:
                return LinkStatus.verified
            if response.status_code == 404 and await self._serves(client, prefix, target.path):
                return LinkStatus.not_found
        except ServiceUnavailable:
            pass
        return LinkStatus.unverified

    async def _serves(self, client: ServiceClient, prefix: str, path: str) -> bool:
        """Whether the target's OpenAPI document lists the path (a 404 then means «no such id»)."""
        response = await client.request("GET", f"{prefix}/openapi.json")
        if response.status_code != 200:
            return False
        try:
            document: Any = response.json()
        except ValueError:
            return False
        wanted = _PARAMETER.sub("{}", prefix + path)
        paths = document.get("paths", {}) if isinstance(document, dict) else {}
        return any(_PARAMETER.sub("{}", served) == wanted for served in paths)
