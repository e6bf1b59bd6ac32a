"""HTTP routers of the catalogue: they parse, authorise, call and map; nothing else.

Every route declares who may call it (`shared.permissions`): reads are open
to every role a token can carry, writes need `admin` (a role-named
`Admin` parameter, which also gives the flow the admin's `sub`), and the
public catalogue needs no token at all.
"""

from typing import Annotated

from services.catalogue.models import IdempotencyKey
from shared.auth import Principal, role_dependency
from shared.idempotency import IdempotentRequest, idempotency_dependency
from shared.schemas.roles import Role

EVERY_ROLE = tuple(Role)
"""Reading the catalogue is open to every role: it is the municipality's own published rules."""

Admin = Annotated[Principal, role_dependency(Role.admin)]
Idempotent = Annotated[IdempotentRequest, idempotency_dependency(IdempotencyKey)]
