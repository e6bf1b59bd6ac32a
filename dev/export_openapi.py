"""Write each service's OpenAPI document to frontend/openapi/<service>.json (`npm run gen:api`)."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

from shared.settings import SERVICE_NAMES


def openapi_of(service: str) -> dict[str, object]:
    app_module = importlib.import_module(f"services.{service}.app")
    settings_module = importlib.import_module(f"services.{service}.settings")
    settings_class = getattr(settings_module, f"{service.capitalize()}Settings")
    settings = settings_class(
        database_url="postgresql+asyncpg://unused@/unused",
        auth_jwks_url="http://unused.invalid/jwks.json",
        log_json=True,
    )
    return app_module.create_app(settings).openapi()  # type: ignore[no-any-return]


def main(target: str = "frontend/openapi") -> None:
    folder = Path(target)
    folder.mkdir(parents=True, exist_ok=True)
    for service in SERVICE_NAMES:
        path = folder / f"{service}.json"
        path.write_text(json.dumps(openapi_of(service), indent=2, ensure_ascii=False) + "\n")
        print(f"wrote {path}")


if __name__ == "__main__":
    main(*sys.argv[1:])
