"""The one way a Mestring service app is put together.

Every service gets the same URL shape (`/api/<service>/...`), problem+json
errors, request ids, JSON logs, health, its event feed, and an OpenAPI
document where every operation has an `operationId` and documents its
errors as problem+json.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from decimal import Decimal
from typing import Any, Protocol, get_args

from asgi_correlation_id import CorrelationIdMiddleware
from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute
from pydantic import BaseModel

from shared.auth import TokenVerifier
from shared.clients import create_http_client, create_service_session
from shared.db import check_runtime_role, create_engine, create_sessionmaker
from shared.errors import PROBLEM_MEDIA_TYPE
from shared.feed import FeedConsumer
from shared.hardening import (
    WRITE_METHODS,
    BodyLimitMiddleware,
    BodyLimits,
    InFlightLimitMiddleware,
    NoStoreMiddleware,
    RateLimitMiddleware,
    TokenBuckets,
    refuse_unsafe_production,
)
from shared.health import health_router
from shared.logging import AccessLogMiddleware, configure_logging
from shared.outbox import Outbox
from shared.permissions import api_routes, public
from shared.problems import install_problem_handlers
from shared.schemas.common import Problem
from shared.settings import ServiceSettings

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
_DEFAULT_ERRORS = {
    "401": "Missing or invalid token",
    "403": "The caller's role may not do this",
    "422": "The request is not valid",
    "500": "Internal error",
}
_BODY_ERRORS = {
    "400": "The request body could not be read (not UTF-8, broken framing)",
    "413": "The request body is too large",
}
_WRITE_ERRORS = {"429": "Too many writes from this client; see Retry-After"}
IMPORT_PATH = re.compile(r"/v1/imports$")


class BackgroundJob(Protocol):
    """Work a service does on its own while it runs (a retrier, a poller): started and
    stopped with the app; what it shows of itself is in the readiness details."""

    @property
    def name(self) -> str: ...

    def start(self) -> None: ...

    async def stop(self) -> None: ...

    def readiness(self) -> dict[str, Any]: ...


def _operation_id(route: APIRoute) -> str:
    return route.name


def include_flat(
    app: FastAPI, router: APIRouter, *, prefix: str, dependencies: Sequence[Any] = ()
) -> None:
    """`app.include_router(router, prefix=…, dependencies=…)` with each of the router's routes
    added to the app itself, as FastAPI did before 0.137.

    An included router is kept as a node that the app's router matches a request against
    candidate by candidate, twice per request (once to find the node, once inside it), each
    candidate with the request scope's bookkeeping: ≈ 100–300 µs of routing a request
    for a service's 50 routes, more the later its route comes (`GET /me` last, 300 µs). A
    flat route is one regular expression. Each route keeps every attribute it was declared
    with (a router's own tags, dependencies and responses are in it already); the
    dependencies given here come first, as with `include_router`. A router whose routes are
    not all plain `APIRoute`s is included as it is."""
    routes = list(router.routes)
    if not all(type(route) is APIRoute for route in routes):
        app.include_router(router, prefix=prefix, dependencies=list(dependencies))
        return
    for route in routes:
        assert isinstance(route, APIRoute)
        app.router.add_api_route(
            prefix + route.path,
            route.endpoint,
            response_model=route.response_model,
            status_code=route.status_code,
            tags=list(route.tags),
            dependencies=[*dependencies, *route.dependencies],
            summary=route.summary,
            description=route.description,
            response_description=route.response_description,
            responses=dict(route.responses),
            deprecated=route.deprecated,
            methods=sorted(route.methods or ()),
            operation_id=route.operation_id,
            response_model_include=route.response_model_include,
            response_model_exclude=route.response_model_exclude,
            response_model_by_alias=route.response_model_by_alias,
            response_model_exclude_unset=route.response_model_exclude_unset,
            response_model_exclude_defaults=route.response_model_exclude_defaults,
            response_model_exclude_none=route.response_model_exclude_none,
            include_in_schema=route.include_in_schema,
            response_class=route.response_class,
            name=route.name,
            callbacks=route.callbacks,
            openapi_extra=route.openapi_extra,
            generate_unique_id_function=route.generate_unique_id_function,
            strict_content_type=route.strict_content_type,
            max_body_size=route.max_body_size,
            form_limits=route.form_limits or None,
        )


def create_service_app(
    name: str,
    settings: ServiceSettings,
    *,
    routers: Sequence[APIRouter],
    outbox: Outbox,
    description: str = "",
    public_routers: Sequence[APIRouter] = (),
    on_startup: Callable[[FastAPI], Any] | None = None,
    feed_consumers: Callable[[FastAPI], Sequence[FeedConsumer | None]] | None = None,
    background_jobs: Callable[[FastAPI], Sequence[BackgroundJob | None]] | None = None,
) -> FastAPI:
    """`feed_consumers` builds the consumers of other services' feeds (`shared.feed`);
    `background_jobs` builds the service's other background work. Both run while the app
    runs (unless `feed_enabled` is off); readiness shows each one's state."""
    refuse_unsafe_production(settings)
    configure_logging(settings.log_level, settings.log_json)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = create_engine(settings.database_url, settings.db_pool_size)
        try:
            await check_runtime_role(engine, name, production=settings.is_production)
        except BaseException:
            await engine.dispose()
            raise
        app.state.engine = engine
        app.state.sessionmaker = create_sessionmaker(engine)
        app.state.http = create_http_client(settings)
        app.state.calls = create_service_session(settings)
        if on_startup is not None:
            await on_startup(app)
        consumers = [c for c in (feed_consumers(app) if feed_consumers else []) if c is not None]
        app.state.feed_consumers = consumers
        jobs = [j for j in (background_jobs(app) if background_jobs else []) if j is not None]
        app.state.background_jobs = jobs
        if settings.feed_enabled:
            for consumer in consumers:
                consumer.start()
            for job in jobs:
                job.start()
        try:
            yield
        finally:
            for job in jobs:
                await job.stop()
            for consumer in consumers:
                await consumer.stop()
            await app.state.http.aclose()
            await app.state.calls.close()
            await engine.dispose()

    prefix = f"/api/{name}"
    docs = settings.api_docs_enabled or not settings.is_production
    app = FastAPI(
        title=f"Mestring {name}",
        version="1.0.0",
        description=description,
        openapi_url=f"{prefix}/openapi.json" if docs else None,
        docs_url=f"{prefix}/docs" if docs else None,
        redoc_url=None,
        lifespan=lifespan,
        generate_unique_id_function=_operation_id,
    )
    app.state.settings = settings
    app.state.service_name = name
    app.state.token_verifier = TokenVerifier(settings)
    app.state.outbox = outbox

    install_problem_handlers(app)
    # Innermost first: a write over its rate or a body over its limit is refused before
    # anything reads it; every answer, refusals included, is logged and marked no-store.
    if settings.write_rate_per_second > 0:
        app.add_middleware(
            RateLimitMiddleware,
            buckets=TokenBuckets(settings.write_rate_per_second, settings.write_burst),
        )
    app.add_middleware(
        BodyLimitMiddleware,
        limits=BodyLimits(
            settings.max_body_bytes, ((IMPORT_PATH, settings.max_import_body_bytes),)
        ),
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "If-Match", "Idempotency-Key"],
            expose_headers=["ETag", "Location", "Retry-After", "X-Request-ID"],
        )
    app.add_middleware(NoStoreMiddleware)
    if settings.max_requests_in_flight > 0:
        app.add_middleware(InFlightLimitMiddleware, limit=settings.max_requests_in_flight)
    app.add_middleware(AccessLogMiddleware, service=name)
    app.add_middleware(CorrelationIdMiddleware, header_name="X-Request-ID")

    include_flat(app, health_router(name), prefix=f"{prefix}/health", dependencies=[public()])
    include_flat(app, outbox.router(), prefix=f"{prefix}/v1")
    for router in public_routers:
        include_flat(app, router, prefix=f"{prefix}/v1/public", dependencies=[public()])
    for router in routers:
        include_flat(app, router, prefix=f"{prefix}/v1")

    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


DECIMAL_STRING = r"^-?[0-9]+(\.[0-9]+)?$"
NOT_BLANK = r"\S"


def _say_what_validation_checks(node: Any) -> None:
    """Constraints pydantic enforces but leaves out of the JSON schema, put in, so that a
    client (or a fuzzer) reading the schema sends what the API accepts:

    - a dict with constrained keys (`patternProperties`) refuses any other key;
    - a `Decimal` sent as a string must be a finite decimal number.
    """
    if isinstance(node, list):
        for item in node:
            _say_what_validation_checks(item)
        return
    if not isinstance(node, dict):
        return
    if "patternProperties" in node and "additionalProperties" not in node:
        node["additionalProperties"] = False
    branches = node.get("anyOf")
    if isinstance(branches, list):
        types = [b.get("type") for b in branches if isinstance(b, dict)]
        if "number" in types and "string" in types:
            for branch in branches:
                if branch.get("type") == "string" and len(branch) == 1:
                    branch["pattern"] = DECIMAL_STRING
    for value in node.values():
        _say_what_validation_checks(value)


def _request_models(app: FastAPI) -> set[type[BaseModel]]:
    """Every pydantic model a route reads from a request body, nested ones included."""
    found: set[type[BaseModel]] = set()

    def visit(annotation: Any) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation in found:
                return
            found.add(annotation)
            for info in annotation.model_fields.values():
                visit(info.annotation)
        for arg in get_args(annotation):
            visit(arg)

    for context in api_routes(app):
        body = context.original_route.body_field
        if body is not None:
            visit(body.field_info.annotation)
    return found


def _stripped_text(app: FastAPI, schemas: dict[str, Any]) -> None:
    """A model that strips whitespace before checking `min_length` refuses a blank string
    its schema allows: say that such a field needs a character that is not a space."""
    for model in _request_models(app):
        if not model.model_config.get("str_strip_whitespace"):
            continue
        for name in (model.__name__, f"{model.__name__}-Input"):
            properties = schemas.get(name, {}).get("properties", {})
            for field, info in model.model_fields.items():
                prop = properties.get(info.alias or field)
                if not isinstance(prop, dict):
                    continue
                for branch in [prop, *prop.get("anyOf", [])]:
                    if (
                        branch.get("type") == "string"
                        and branch.get("minLength", 0) >= 1
                        and "pattern" not in branch
                        and "format" not in branch
                    ):
                        branch["pattern"] = NOT_BLANK


def _decimal_places(app: FastAPI, schemas: dict[str, Any]) -> None:
    """A `Decimal` field's `decimal_places` as `multipleOf` (pydantic leaves it out)."""
    for model in _request_models(app):
        for name in (model.__name__, f"{model.__name__}-Input"):
            properties = schemas.get(name, {}).get("properties", {})
            for field, info in model.model_fields.items():
                places = next(
                    (m.decimal_places for m in info.metadata if getattr(m, "decimal_places", None)),
                    None,
                )
                prop = properties.get(info.alias or field)
                if places is None or not isinstance(prop, dict):
                    continue
                step = float(Decimal(1).scaleb(-places))
                for branch in [prop, *prop.get("anyOf", [])]:
                    if branch.get("type") in ("number", "integer"):
                        branch["multipleOf"] = step


def _openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title,
        version=app.version,
        openapi_version="3.1.0",
        description=app.description,
        routes=app.routes,
    )
    components = schema.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    schemas["Problem"] = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    for defs_name, defs in schemas["Problem"].pop("$defs", {}).items():
        schemas.setdefault(defs_name, defs)
    components["securitySchemes"] = {
        "bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
    }
    for path, item in schema.get("paths", {}).items():
        is_open = "/health/" in path or "/v1/public/" in path
        for method, operation in item.items():
            responses = operation.setdefault("responses", {})
            if not is_open:
                operation["security"] = [{"bearer": []}]
            for status, description in _DEFAULT_ERRORS.items():
                if is_open and status in ("401", "403"):
                    continue
                responses.setdefault(status, {"description": description})
            if "requestBody" in operation:
                for status, description in _BODY_ERRORS.items():
                    responses.setdefault(status, {"description": description})
            for status, description in _WRITE_ERRORS.items():
                if method.upper() in WRITE_METHODS:
                    responses.setdefault(status, {"description": description})
            for status, response in responses.items():
                if status[0] in "45":
                    response["content"] = {PROBLEM_MEDIA_TYPE: {"schema": PROBLEM_REF}}
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    _say_what_validation_checks(schemas)
    _decimal_places(app, schemas)
    _stripped_text(app, schemas)
    app.openapi_schema = schema
    return schema
