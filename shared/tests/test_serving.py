"""How a service serves a request, cheaply: its routers are served flat
(`shared.app.include_flat`), the same API as `include_router` gives, with each route matched
by its own pattern instead of through a router node that is scanned candidate by candidate;
and every dependency runs on the event loop, none through the thread pool."""

from __future__ import annotations

import inspect
from typing import Any

import httpx
import pytest
from fastapi import APIRouter, Depends, FastAPI, Header
from fastapi.routing import APIRoute
from pydantic import BaseModel
from starlette.routing import Route

from dev.routes import app_of
from shared.app import include_flat

SERVICES = ("intake", "catalogue", "coordination", "welfaretech", "quality")


class Thing(BaseModel):
    name: str
    seen_by: str


def _caller(x_caller: str = Header(default="nobody")) -> str:
    return x_caller


def _required_tenant(x_tenant: str = Header()) -> None:
    """A dependency given where the router is included (here: a header that must be sent)."""


def _router() -> APIRouter:
    router = APIRouter(tags=["things"], responses={404: {"description": "No such thing"}})

    @router.get("/things/{name}", response_model=Thing, operation_id="read_thing")
    async def read_thing(name: str, caller: str = Depends(_caller)) -> Thing:
        """Reads a thing.

        More than the summary."""
        return Thing(name=name, seen_by=caller)

    @router.post("/things", status_code=201, response_model=Thing, operation_id="add_thing")
    async def add_thing(thing: Thing) -> Thing:
        return thing

    @router.post("/notes", status_code=201, operation_id="add_note", max_body_size=64)
    async def add_note(thing: Thing) -> Thing:
        return thing

    return router


def _apps() -> tuple[FastAPI, FastAPI]:
    nested, flat = FastAPI(), FastAPI()
    nested.include_router(_router(), prefix="/v1", dependencies=[Depends(_required_tenant)])
    include_flat(flat, _router(), prefix="/v1", dependencies=[Depends(_required_tenant)])
    return nested, flat


def test_a_flat_router_describes_the_same_api_as_an_included_one() -> None:
    nested, flat = _apps()

    assert flat.openapi() == nested.openapi()
    assert all(isinstance(route, (APIRoute, Route)) for route in flat.router.routes)


@pytest.mark.parametrize(
    ("method", "path", "headers", "body"),
    [
        ("GET", "/v1/things/lamp", {"x-tenant": "3207", "x-caller": "kari"}, None),
        ("GET", "/v1/things/lamp", {"x-caller": "kari"}, None),  # the included dependency
        ("POST", "/v1/things", {"x-tenant": "3207"}, {"name": "lamp", "seen_by": "ola"}),
        ("POST", "/v1/things", {"x-tenant": "3207"}, {"name": "lamp"}),
        ("DELETE", "/v1/things/lamp", {"x-tenant": "3207"}, None),
        ("GET", "/v1/nothing", {"x-tenant": "3207"}, None),
        ("POST", "/v1/notes", {"x-tenant": "3207"}, {"name": "n" * 100, "seen_by": "ola"}),
        ("POST", "/v1/notes", {"x-tenant": "3207"}, {"name": "lamp", "seen_by": "ola"}),
    ],
)
async def test_a_flat_router_answers_as_an_included_one(
    method: str, path: str, headers: dict[str, str], body: dict[str, str] | None
) -> None:
    answers = []
    for app in _apps():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            response = await client.request(method, path, headers=headers, json=body)
        answers.append((response.status_code, response.text, response.headers.get("allow")))

    assert answers[0] == answers[1]


def _runs_on_the_loop(call: Any) -> bool:
    return inspect.iscoroutinefunction(call) or inspect.isasyncgenfunction(call)


@pytest.mark.parametrize("service", SERVICES)
def test_every_service_serves_its_routes_flat(service: str) -> None:
    app = app_of(service)

    nodes = [route for route in app.router.routes if not isinstance(route, (APIRoute, Route))]

    assert nodes == []
    assert sum(isinstance(route, APIRoute) for route in app.router.routes) > 10


@pytest.mark.parametrize("service", SERVICES)
def test_no_route_of_a_service_sends_a_dependency_through_the_thread_pool(service: str) -> None:
    """FastAPI runs a plain function (endpoint or dependency) in anyio's thread pool: a hop
    to another thread and back on every request, for functions that never block."""
    plain: set[str] = set()

    def walk(dependant: Any) -> None:
        for sub in dependant.dependencies:
            if sub.call is not None and not _runs_on_the_loop(sub.call):
                plain.add(f"{sub.call.__module__}.{sub.call.__qualname__}")
            walk(sub)

    for route in app_of(service).router.routes:
        if isinstance(route, APIRoute):
            if not _runs_on_the_loop(route.endpoint):
                plain.add(f"{route.endpoint.__module__}.{route.endpoint.__qualname__}")
            walk(route.dependant)

    assert plain == set()
