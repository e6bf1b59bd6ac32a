"""Who may call a route, declared on the route itself.

Every route of every service declares its access once, so that nobody can
forget it on a new route and a test can walk all routes and print the table
(`tests/test_route_access.py`):

    router = APIRouter(tags=["decisions"], dependencies=[allow(Role.caseworker)])

    @router.get("/decisions/{id}", dependencies=[allow(Role.caseworker, Role.manager)])

A route may also take a role-named principal from `role_dependency(...)`
(`Caseworker = Annotated[Principal, role_dependency(Role.caseworker)]`): that
counts as a declaration too. Where a route carries several declarations, a
caller needs to pass each of them, so the route's roles are their
intersection. `public()` marks what needs no token (health, the public
catalogue). Need to know (tjenstlig behov) about one person is decided after
this, by the service's `domain/access.py`, on the loaded data.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts

from shared.auth import require_roles
from shared.schemas.roles import Role

ALL_STAFF: tuple[Role, ...] = (
    Role.caseworker,
    Role.coordinator,
    Role.clinician,
    Role.welfare_technologist,
    Role.manager,
    Role.quality_lead,
)
"""Every role held by an employee who works with people (not integrations, not admin)."""


@dataclass(frozen=True)
class Access:
    """What a route lets through: a set of roles, or anyone (`public`)."""

    roles: frozenset[Role]
    public: bool = False

    def describe(self) -> str:
        if self.public:
            return "public"
        return ", ".join(sorted(role.value for role in self.roles)) or "nobody"


def allow(*roles: Role) -> Any:
    """A route dependency that lets through only callers with one of `roles`."""
    if not roles:
        raise ValueError("allow() needs at least one role; use public() for open routes")
    return Depends(require_roles(*roles))


async def _anyone() -> None:
    """Open to anyone: no token is read."""


_anyone.public = True  # type: ignore[attr-defined]


def public() -> Any:
    """Marks a route that needs no token (health, the public catalogue)."""
    return Depends(_anyone)


def _declarations(dependant: Dependant) -> Iterator[Access]:
    for sub in dependant.dependencies:
        call = sub.call
        if getattr(call, "public", False) is True:
            yield Access(frozenset(), public=True)
        roles = getattr(call, "roles", None)
        if isinstance(roles, frozenset):
            yield Access(roles)
        yield from _declarations(sub)


def api_routes(app: FastAPI) -> Iterator[Any]:
    """Every API route of `app` as served: with the dependencies of the routers it sits in."""
    for context in iter_route_contexts(app.routes):
        if isinstance(context.original_route, APIRoute):
            yield context


def declared_access(route: Any) -> Access | None:
    """The access a route (an `APIRoute`, or one from `api_routes`) declares, or None."""
    found = list(_declarations(route.dependant))
    if not found:
        return None
    guarded = [access.roles for access in found if not access.public]
    if not guarded:
        return Access(frozenset(), public=True)
    roles = guarded[0]
    for more in guarded[1:]:
        roles = roles & more
    return Access(roles)
