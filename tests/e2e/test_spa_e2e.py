"""End to end: the whole system as `make run` starts it, driven by a real Chromium."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ("intake", "catalogue", "coordination", "welfaretech", "quality")

pytestmark = pytest.mark.e2e


def free_port_block() -> int:
    """A port P where P and P+101..P+105 are free."""
    for _ in range(50):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
        if port + 110 > 65535:
            continue
        ports = [port] + [port + 101 + i for i in range(len(SERVICES))]
        if all(_is_free(p) for p in ports):
            return port
    raise RuntimeError("no free block of ports")


def _is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


@pytest.fixture(scope="module")
def system() -> Iterator[str]:
    """`python -m dev.run` on free ports with its own data folder; stopped with SIGTERM."""
    if not (ROOT / "frontend" / "dist" / "index.html").exists():
        pytest.fail("The SPA is not built: run `make test` (it builds frontend/dist first)")
    port = free_port_block()
    data = Path(tempfile.mkdtemp(prefix="mestring-e2e-"))
    log = open(data / "run.log", "wb")  # noqa: SIM115
    env = {**os.environ, "MESTRING_PORT": str(port), "MESTRING_DATA_DIR": str(data)}
    for service in SERVICES:
        env.pop(f"{service.upper()}_DATABASE_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "dev.run"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 600  # the demo data of five services; a busy machine
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"make run stopped early:\n{(data / 'run.log').read_text()[-4000:]}")
            if "Mestring is running" in (data / "run.log").read_text(errors="replace"):
                break
            time.sleep(0.5)
        else:
            pytest.fail(f"make run did not become ready:\n{(data / 'run.log').read_text()[-4000:]}")
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        log.close()
        leftovers = subprocess.run(
            ["pgrep", "-f", str(data)], capture_output=True, text=True
        ).stdout.strip()
        shutil.rmtree(data, ignore_errors=True)
        assert not leftovers, f"processes left running after SIGTERM: {leftovers}"


def test_every_service_is_ready_through_the_one_origin(system: str) -> None:
    for service in SERVICES:
        response = httpx.get(f"{system}/api/{service}/health/ready", timeout=5)
        assert response.status_code == 200, service
        assert (
            httpx.get(f"{system}/api/{service}/openapi.json", timeout=5)
            .json()["openapi"]
            .startswith("3.1")
        )


def test_the_demo_catalogue_is_loaded_and_public(system: str) -> None:
    municipalities = httpx.get(f"{system}/api/catalogue/v1/public/municipalities", timeout=5).json()
    services = httpx.get(
        f"{system}/api/catalogue/v1/public/5032/service-types", params={"limit": 500}, timeout=5
    ).json()

    assert {m["number"] for m in municipalities} == {"3207", "5032"}
    assert len(services["items"]) >= 15


E2E_SCRIPTS = sorted(p.name for p in (ROOT / "frontend" / "e2e").glob("*.e2e.mjs"))


@pytest.mark.parametrize("script", E2E_SCRIPTS)
def test_the_spa_in_chromium(system: str, script: str) -> None:
    """Each script signs in and walks its screens in a real Chromium, with axe checks."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.fail("Chromium is missing: `make test` installs Debian's chromium")
    result = subprocess.run(
        ["node", f"e2e/{script}"],
        cwd=ROOT / "frontend",
        env={**os.environ, "MESTRING_E2E_URL": system, "CHROMIUM_PATH": chromium},
        capture_output=True,
        text=True,
        timeout=240,
    )
    print(result.stdout[-6000:])
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-4000:]
