"""Every route of every service declares who may call it; the table is printed."""

import pytest

from dev.routes import route_accesses, table
from shared.permissions import Access
from shared.schemas.roles import Role


def test_every_route_of_every_service_declares_its_roles(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rows = route_accesses()

    with capsys.disabled():
        print("\n" + table(rows))
    undeclared = [f"{r.service} {r.method} {r.path}" for r in rows if r.access is None]
    assert not undeclared, f"routes without an access declaration: {undeclared}"
    assert {r.service for r in rows} == {
        "intake",
        "catalogue",
        "coordination",
        "welfaretech",
        "quality",
    }


def test_only_health_and_the_public_catalogue_are_open() -> None:
    open_paths = {r.path for r in route_accesses() if r.access and r.access.public}

    assert all("/health/" in path or "/v1/public/" in path for path in open_paths), open_paths


def test_no_route_lets_nobody_through() -> None:
    empty = [r for r in route_accesses() if r.access == Access(frozenset())]

    assert not empty


def test_the_event_feeds_are_for_integrations() -> None:
    feeds = [r for r in route_accesses() if r.path.endswith("/v1/events")]

    assert len(feeds) == 5
    assert all(r.access and Role.integration in r.access.roles for r in feeds)
