"""Tenancy is enforced by PostgreSQL itself, not only by the API."""

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import create_async_engine

from dev.testing import tenant_connection
from services.catalogue.tests.conftest import make_service


async def test_without_a_municipality_the_database_shows_no_rows(
    client: httpx.AsyncClient, admin: dict[str, str], database_urls: dict[str, str]
) -> None:
    await make_service(client, admin)
    engine = create_async_engine(database_urls["catalogue"])

    async with engine.connect() as connection:
        visible = (
            await connection.execute(text("SELECT count(*) FROM service_types"))
        ).scalar_one()
    await engine.dispose()

    assert visible == 0


async def test_the_database_refuses_a_row_for_another_municipality(
    database_urls: dict[str, str], municipality: str
) -> None:
    with pytest.raises(DBAPIError, match="row-level security"):
        async with tenant_connection(database_urls["catalogue"], municipality) as connection:
            await connection.execute(
                text(
                    "INSERT INTO units (code, name, kind, municipality) VALUES ('x', 'X', 'other', '0301')"
                )
            )
