"""Liveness and readiness: ready means the database answers."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy import text

from shared.errors import ServiceUnavailable


def health_router(service: str) -> APIRouter:
    router = APIRouter(tags=["health"])

    @router.get("/live", operation_id=f"{service}_health_live", summary="The process is alive")
    async def live() -> dict[str, str]:
        return {"status": "ok", "service": service}

    @router.get(
        "/ready",
        operation_id=f"{service}_health_ready",
        summary="The service and its database answer",
        responses={503: {"description": "The database does not answer"}},
    )
    async def ready(request: Request) -> dict[str, Any]:
        try:
            async with request.app.state.engine.connect() as connection:
                await asyncio.wait_for(connection.execute(text("SELECT 1")), timeout=3)
        except Exception as exc:  # any failure to reach the database means not ready
            raise ServiceUnavailable("database", f"The {service} database does not answer") from exc
        feeds = {c.source: c.readiness() for c in getattr(request.app.state, "feed_consumers", [])}
        jobs = {j.name: j.readiness() for j in getattr(request.app.state, "background_jobs", [])}
        return {
            "status": "ok",
            "service": service,
            **({"feeds": feeds} if feeds else {}),
            **({"jobs": jobs} if jobs else {}),
        }

    return router
