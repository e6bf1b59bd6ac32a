"""Walking the catalogue's lists page by page."""

import httpx
from sqlalchemy import text

from dev.testing import tenant_connection


async def insert_units(database_url: str, municipality: str, count: int) -> None:
    async with tenant_connection(database_url, municipality) as connection:
        await connection.execute(
            text(
                "INSERT INTO units (code, name, kind) "
                "SELECT 'enhet-' || lpad(n::text, 4, '0'), 'Enhet ' || n, 'other' "
                "FROM generate_series(1, :count) AS n"
            ),
            {"count": count},
        )


async def test_a_thousand_rows_are_walked_exactly_once(
    client: httpx.AsyncClient,
    reader: dict[str, str],
    database_urls: dict[str, str],
    municipality: str,
) -> None:
    await insert_units(database_urls["catalogue"], municipality, 1000)
    seen: list[str] = []
    cursor = None
    pages = 0

    while True:
        params = {"limit": 37, **({"cursor": cursor} if cursor else {})}
        page = (await client.get("/api/catalogue/v1/units", params=params, headers=reader)).json()
        seen += [unit["code"] for unit in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break

    assert len(seen) == 1000
    assert seen == sorted(set(seen))
    assert pages == 28


async def test_a_forged_cursor_is_a_422_problem(
    client: httpx.AsyncClient, reader: dict[str, str]
) -> None:
    response = await client.get(
        "/api/catalogue/v1/units", params={"cursor": "bm90LWEtY3Vyc29y"}, headers=reader
    )

    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "query.cursor", "message": "The cursor is not valid; start from the first page"}
    ]
