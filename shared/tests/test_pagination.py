"""Keyset pagination: limits and cursors (the 1,000-row walk is in the catalogue's tests)."""

import base64
import gc
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from pydantic._internal import _generics

from dev.testing import auth
from shared.pagination import encode_cursor


async def test_limit_outside_1_to_500_is_a_422(
    token_factory: Callable[..., str], municipality: str, intake: httpx.AsyncClient
) -> None:
    headers = auth(token_factory("systemintegrasjon", municipality=municipality))

    response = await intake.get("/api/intake/v1/events", params={"limit": 501}, headers=headers)

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "query.limit"


def test_cursor_is_url_safe_and_opaque() -> None:
    cursor = encode_cursor(["hjemmesykepleie", 3])

    assert "=" not in cursor and "/" not in cursor and "+" not in cursor
    assert base64.urlsafe_b64decode(cursor + "==").decode() == '["hjemmesykepleie",3]'


async def test_a_list_request_builds_no_pydantic_class(
    token_factory: Callable[..., str],
    municipality: str,
    intake: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every list reads its rows through `paginate`; a parametrised page model built there
    at request time (`Page[T]` of a type variable, which pydantic does not keep) cost about
    a millisecond of CPU on every list request of every service."""
    headers = auth(token_factory("saksbehandler", municipality=municipality))
    built: list[str] = []
    create = _generics.create_generic_submodel

    def counted(name: str, *args: Any) -> Any:
        built.append(name)
        return create(name, *args)

    for _ in range(2):  # the first may build the route's own models
        built.clear()
        gc.collect()  # what pydantic does not keep is gone now
        monkeypatch.setattr(_generics, "create_generic_submodel", counted)
        response = await intake.get("/api/intake/v1/decisions", headers=headers)
        monkeypatch.setattr(_generics, "create_generic_submodel", create)
        assert response.status_code == 200

    assert built == []
