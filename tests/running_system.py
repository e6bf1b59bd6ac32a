"""The five services and the dev gateway on real ports, for tests that walk every route.

One process, one uvicorn server per service (and the gateway in front), each app's lifespan
entered once, so a test module can send thousands of requests over real HTTP.
"""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from dev.issuer import SigningKey
from dev.testing import RunningServer, free_port, settings_kwargs
from shared.settings import SERVICE_NAMES


@dataclass
class System:
    services: dict[str, RunningServer]
    apps: dict[str, Any]
    gateway: RunningServer


def service_app(service: str, settings: dict[str, Any]) -> Any:
    app_module = importlib.import_module(f"services.{service}.app")
    settings_module = importlib.import_module(f"services.{service}.settings")
    settings_class = getattr(settings_module, f"{service.capitalize()}Settings")
    return app_module.create_app(settings_class(**settings))


@asynccontextmanager
async def running_system(
    database_urls: dict[str, str], signing_key: SigningKey, folder: Path
) -> AsyncIterator[System]:
    """The five services, which reach each other, and the dev gateway in front of them."""
    ports = {service: free_port() for service in SERVICE_NAMES}
    urls = {f"{service}_url": f"http://127.0.0.1:{port}" for service, port in ports.items()}
    apps = {
        service: service_app(
            service,
            {
                **settings_kwargs(service, database_urls, signing_key),
                **urls,
                "feed_enabled": False,
                "write_rate_per_second": 0,
                "http_retries": 0,
            },
        )
        for service in SERVICE_NAMES
    }
    servers = {}
    for service, app in apps.items():
        server = RunningServer(app)
        server.port, server.url = ports[service], urls[f"{service}_url"]
        servers[service] = server
    with pytest.MonkeyPatch.context() as env:
        for name, url in urls.items():
            env.setenv(f"MESTRING_{name.upper()}", url)
        env.setenv("MESTRING_DEV_KEY_FILE", str(folder / "dev-key.pem"))
        env.setenv("MESTRING_SPA_DIR", str(folder / "dist"))
        from dev.gateway import create_app as create_gateway

        gateway = RunningServer(create_gateway())
    managers = [app.router.lifespan_context(app) for app in apps.values()]
    for manager in managers:
        await manager.__aenter__()
    try:
        for server in servers.values():
            await server.start()
        await gateway.start()
        try:
            yield System(servers, apps, gateway)
        finally:
            await gateway.stop()
            for server in servers.values():
                await server.stop()
    finally:
        for manager in reversed(managers):
            await manager.__aexit__(None, None, None)
