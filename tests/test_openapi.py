"""Each service's OpenAPI contract: 3.1, an operationId per operation, errors as problem+json."""

import pytest

from dev.export_openapi import openapi_of
from shared.settings import SERVICE_NAMES


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_openapi_is_3_1_with_operation_ids_and_problem_errors(service: str) -> None:
    spec = openapi_of(service)

    assert spec["openapi"].startswith("3.1")
    operations = [op for item in spec["paths"].values() for op in item.values()]
    ids = [op["operationId"] for op in operations]
    assert len(ids) == len(set(ids)), "operationIds must be unique"
    for path, item in spec["paths"].items():
        assert path.startswith(f"/api/{service}/")
        for operation in item.values():
            for status, response in operation["responses"].items():
                if status[0] in "45":
                    assert list(response["content"]) == ["application/problem+json"], (path, status)


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_every_service_serves_health_and_an_event_feed(service: str) -> None:
    paths = openapi_of(service)["paths"]

    assert f"/api/{service}/health/live" in paths
    assert f"/api/{service}/health/ready" in paths
    assert f"/api/{service}/v1/events" in paths


def test_the_published_contract_files_match_the_code() -> None:
    """frontend/openapi/*.json are what the SPA's types are generated from; keep them current."""
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    for service in SERVICE_NAMES:
        stored = json.loads((root / "frontend" / "openapi" / f"{service}.json").read_text())
        assert stored == openapi_of(service), f"run `make openapi` ({service} changed)"


def test_the_generated_client_types_match_the_published_contract_files() -> None:
    """frontend/src/lib/api/*.d.ts are generated from frontend/openapi/*.json; keep them current."""
    import shutil
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    node = shutil.which("node")
    assert node, "node is needed to check the generated client"
    result = subprocess.run(
        [node, "scripts/gen-api.mjs", "--check"],
        cwd=root / "frontend",
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
