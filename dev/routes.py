"""Every route of every service with the roles it lets through: `python -m dev.routes`.

The table is read from the routes' own declarations (`shared.permissions`), so
it is always what the code enforces; `tests/test_route_access.py` fails on a
route that declares nothing.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from fastapi import FastAPI

from shared.permissions import Access, api_routes, declared_access
from shared.settings import SERVICE_NAMES


def app_of(service: str) -> FastAPI:
    """The service's app, built with settings that reach nothing (for inspection only)."""
    app_module = importlib.import_module(f"services.{service}.app")
    settings_module = importlib.import_module(f"services.{service}.settings")
    settings_class = getattr(settings_module, f"{service.capitalize()}Settings")
    settings = settings_class(
        database_url="postgresql+asyncpg://unused@/unused",
        auth_jwks_url="http://unused.invalid/jwks.json",
        log_json=True,
    )
    app: FastAPI = app_module.create_app(settings)
    return app


@dataclass(frozen=True)
class RouteAccess:
    service: str
    method: str
    path: str
    access: Access | None


def route_accesses(services: tuple[str, ...] = SERVICE_NAMES) -> list[RouteAccess]:
    rows = []
    for service in services:
        for route in api_routes(app_of(service)):
            access = declared_access(route)
            for method in sorted(route.methods - {"HEAD", "OPTIONS"}):
                rows.append(RouteAccess(service, method, route.path, access))
    return rows


def table(rows: list[RouteAccess]) -> str:
    lines = ["| service | method | path | who may call |", "|---|---|---|---|"]
    for row in rows:
        who = row.access.describe() if row.access else "**NOT DECLARED**"
        lines.append(f"| {row.service} | {row.method} | `{row.path}` | {who} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(route_accesses()))
