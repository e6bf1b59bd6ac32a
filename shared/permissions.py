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
this, by the service's `domain/access.py`, on the loaded data; a route that
checks it says so, and for which of its roles, with `relation`:

    PERSON_READER = allow(Role.caseworker, Role.clinician, relation=True)

`relation=True` binds the roles of `RELATION_BOUND` among the route's roles
(helsepersonell); a route where more of its roles need a relation names them,
`relation=(Role.clinician, Role.manager)`. The other roles of the route read
across the municipality (the case roles: saksbehandler, koordinator, leder).
That is metadata for the authorisation matrix (`docs/authorisation.md`) and
its test, which calls each such route with and without a relation; the check
itself stays in the service.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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

RELATION_BOUND: tuple[Role, ...] = (Role.clinician,)
"""The roles that see a person's data only with a relation to the person (a unit of theirs
serves the person, an open case their unit assesses, named in the person's coordination):
helsepersonell. Case roles (saksbehandler, koordinator, leder) work across the
municipality's cases and are not bound, unless a route names them (`allow(relation=...)`)."""


_NO_ROLES: frozenset[Role] = frozenset()


@dataclass(frozen=True)
class Access:
    """What a route lets through: a set of roles, or anyone (`public`)."""

    roles: frozenset[Role]
    public: bool = False
    relation: frozenset[Role] = _NO_ROLES
    """The roles among `roles` that need a relation to the person (need to know) besides."""

    def describe(self) -> str:
        if self.public:
            return "public"
        return ", ".join(sorted(role.value for role in self.roles)) or "nobody"


def allow(*roles: Role, relation: bool | Iterable[Role] = False) -> Any:
    """A route dependency that lets through only callers with one of `roles`.

    `relation` declares that the route checks need to know about the person (in the
    service's `domain/access.py`) for `RELATION_BOUND` among `roles` (`True`), or for the
    roles given; it changes nothing in the check above."""
    if not roles:
        raise ValueError("allow() needs at least one role; use public() for open routes")
    check = require_roles(*roles)
    if relation is not False:
        bound = frozenset(RELATION_BOUND if relation is True else relation) & frozenset(roles)
        if not bound:
            raise ValueError("relation names no role the route lets through")
        check.relation = bound  # type: ignore[attr-defined]
    return Depends(check)


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
            relation = getattr(call, "relation", None)
            yield Access(roles, relation=relation if isinstance(relation, frozenset) else _NO_ROLES)
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
    relation = _NO_ROLES.union(*(access.relation for access in found))
    return Access(roles, relation=relation & roles)
