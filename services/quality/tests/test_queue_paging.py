"""The leader's queue is paged with the shared keyset cursor, in the queue's own order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from services.quality.tests.conftest import API, report

Headers = Callable[..., dict[str, str]]


async def test_the_queue_pages_in_order_without_repeats(
    client: httpx.AsyncClient, nurse: dict[str, str], leader: dict[str, str]
) -> None:
    grades = [(1, 1), (4, 4), (2, 3), (5, 2), (2, 2), (3, 3), (1, 5)]
    made = [await report(client, nurse, consequence=c, probability=p) for c, p in grades]
    serious = await report(client, nurse, consequence=1, probability=1, is_serious=True)

    whole = (await client.get(f"{API}/deviations/queue", headers=leader)).json()
    assert whole["next_cursor"] is None
    paged: list[dict[str, Any]] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = await client.get(f"{API}/deviations/queue", params=params, headers=leader)
        assert page.status_code == 200, page.text
        paged += page.json()["items"]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            break

    assert [d["id"] for d in paged] == [d["id"] for d in whole["items"]]
    assert len(paged) == len(made) + 1
    assert paged[0]["id"] == serious["id"]
    scores = [d["risk_score"] for d in paged[1:]]
    assert scores == sorted(scores, reverse=True)


async def test_a_bad_cursor_is_a_422(client: httpx.AsyncClient, leader: dict[str, str]) -> None:
    for cursor in ("not-a-cursor", "WyJ4IiwxLCIyMDI2LTAxLTAxIiwiYSJd"):
        response = await client.get(
            f"{API}/deviations/queue", params={"cursor": cursor}, headers=leader
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "query.cursor"
