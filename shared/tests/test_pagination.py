"""Keyset pagination: limits and cursors (the 1,000-row walk is in the catalogue's tests)."""

import base64
from collections.abc import Callable

import httpx

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
