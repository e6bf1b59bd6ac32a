"""The caller of a request as plain data, so that `domain/` can reason about it.

Pure on purpose: pydantic only, no web framework. `shared.auth` builds a
`Principal` from a verified token and re-exports it.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from shared.schemas.roles import Role


class Principal(BaseModel):
    """Who calls: a person with roles, or another system."""

    sub: str
    name: str = ""
    municipality: str = Field(pattern=r"^\d{4}$")
    roles: list[Role] = Field(default_factory=list)
    units: list[str] = Field(default_factory=list)

    def has_any(self, *roles: Role) -> bool:
        return any(role in self.roles for role in roles)


__all__ = ["Principal"]
