"""A backup restores: every service database, dumped with the demo municipalities' data and
restored into a fresh database, has the same rows and a working access log.

The dump and the restore are the ones `python -m dev.backup` and docs/operations.md
describe (pg_dump and pg_restore of the embedded PostgreSQL).
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from dev.backup import dump_database, restore_database
from dev.issuer import SigningKey
from dev.postgres import EmbeddedPostgres
from dev.testing import TEST_DB_PREFIX, RunningServer, auth, settings_kwargs, tenant_connection
from services.catalogue.app import create_app as create_catalogue
from services.catalogue.seed import seed_url as seed_catalogue
from services.catalogue.settings import CatalogueSettings
from services.coordination.seed import read_intake
from services.coordination.seed import seed_url as seed_coordination
from services.intake.app import create_app as create_intake
from services.intake.seed import PERSONS, read_catalogue
from services.intake.seed import seed as seed_intake
from services.intake.settings import IntakeSettings
from services.quality.seed import seed_url as seed_quality
from services.welfaretech.seed import read_persons
from services.welfaretech.seed import seed_url as seed_welfaretech
from shared.db import create_engine, create_sessionmaker
from shared.settings import SERVICE_NAMES

DEMO = "3207"
COORDINATORS = {
    "3207": ("koordinator-nordrefollo", "Martin Haugen"),
    "5032": ("koordinator-selbu", "Ola Flønes"),
}
WITH_ACCESS_LOG = ("intake", "coordination", "welfaretech", "quality")
# The table each service's demo data surely fills for the demo municipality.
MAIN_TABLE = {
    "intake": "persons",
    "catalogue": "service_types",
    "coordination": "plans",
    "welfaretech": "loans",
    "quality": "deviations",
}
RESTORED_PREFIX = "restored_"


@pytest.fixture(scope="module")
async def servers(
    database_urls: dict[str, str], signing_key: SigningKey
) -> AsyncIterator[dict[str, RunningServer]]:
    catalogue = RunningServer(
        create_catalogue(
            CatalogueSettings(**settings_kwargs("catalogue", database_urls, signing_key))
        )
    )
    intake = RunningServer(
        create_intake(IntakeSettings(**settings_kwargs("intake", database_urls, signing_key)))
    )
    await catalogue.start()
    await intake.start()
    yield {"catalogue": catalogue, "intake": intake}
    await intake.stop()
    await catalogue.stop()


@pytest.fixture(scope="module")
async def demo_loaded(
    database_urls: dict[str, str],
    servers: dict[str, RunningServer],
    token_factory: Callable[..., str],
) -> None:
    """Every service's demo data, each by its own loader as `make run` loads it, and a read of
    a demo person in every service's access log."""
    await seed_catalogue(database_urls["catalogue"])
    catalogues: dict[str, Any] = {}
    intake_data: dict[str, Any] = {}
    persons: dict[str, Any] = {}
    for number in PERSONS:
        headers = auth(token_factory("saksbehandler", municipality=number))
        async with httpx.AsyncClient(
            base_url=servers["catalogue"].url, headers=headers, timeout=30
        ) as client:
            catalogues[number] = await read_catalogue(client)
    engine = create_engine(database_urls["intake"])
    await seed_intake(create_sessionmaker(engine), catalogues, today=date.today())
    await engine.dispose()
    for number in PERSONS:
        headers = auth(token_factory("saksbehandler", municipality=number))
        async with httpx.AsyncClient(
            base_url=servers["intake"].url, headers=headers, timeout=30
        ) as client:
            intake_data[number] = await read_intake(client, number)
            persons[number] = await read_persons(client)
            if number == DEMO:
                # The caseworker reads a demo person: intake writes its access log.
                person = persons[number][0]
                read = await client.get(f"/api/intake/v1/persons/{person.id}")
                assert read.status_code == 200, read.text
    await seed_coordination(database_urls["coordination"], intake_data, COORDINATORS)
    await seed_welfaretech(database_urls["welfaretech"], persons)
    await seed_quality(database_urls["quality"])
    for service in ("coordination", "welfaretech", "quality"):
        await write_access_log_row(database_urls[service], DEMO, persons[DEMO][0].id)


async def write_access_log_row(url: str, municipality: str, person: uuid.UUID) -> None:
    """As the service's runtime role, as the service itself writes it."""
    async with tenant_connection(url, municipality) as connection:
        await connection.execute(
            text(
                "INSERT INTO access_log (actor, actor_name, actor_roles, person_id, action, "
                "resource) VALUES ('backup-test', 'Test', '[\"leder\"]', :person, 'read', 'person')"
            ),
            {"person": person},
        )


def every_table_count(postgres: EmbeddedPostgres, database: str) -> dict[str, int]:
    """Rows per table, all municipalities (the superuser is not held by row-level security)."""
    tables = postgres.admin(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1", database=database
    ).split()
    counts = " UNION ALL ".join(f"SELECT '{t}', count(*) FROM \"{t}\"" for t in tables)
    lines = postgres.admin(counts, database=database).split()
    return {name: int(count) for name, count in (line.split("|") for line in lines)}


async def municipality_counts(url: str, tables: list[str]) -> dict[str, int]:
    """Rows per table that the runtime role sees for the demo municipality."""
    async with tenant_connection(url, DEMO) as connection:
        return {
            table: int(await connection.scalar(text(f'SELECT count(*) FROM "{table}"')))
            for table in tables
        }


def guarded_schema(postgres: EmbeddedPostgres, database: str) -> dict[str, list[str]]:
    """Which tables force row-level security, their policies and their triggers."""

    def lines(sql: str) -> list[str]:
        return sorted(postgres.admin(sql, database=database).split())

    return {
        "forced": lines(
            "SELECT relname FROM pg_class WHERE relrowsecurity AND relforcerowsecurity"
        ),
        "policies": lines("SELECT tablename || '.' || policyname FROM pg_policies"),
        "triggers": lines(
            "SELECT tgrelid::regclass || '.' || tgname FROM pg_trigger WHERE NOT tgisinternal"
        ),
    }


@pytest.mark.parametrize("service", SERVICE_NAMES)
async def test_a_dump_restores_into_a_fresh_database_with_the_same_rows_and_guards(
    service: str,
    demo_loaded: None,
    postgres: EmbeddedPostgres,
    database_urls: dict[str, str],
    tmp_path: Path,
) -> None:
    source = f"{TEST_DB_PREFIX}{service}"
    target = f"{RESTORED_PREFIX}{service}"
    postgres.drop_databases([target])
    archive = tmp_path / f"{service}.dump"
    try:
        before = every_table_count(postgres, source)
        tenant_tables = [t for t in guarded_schema(postgres, source)["forced"]]
        demo_before = await municipality_counts(database_urls[service], tenant_tables)
        dump_database(postgres, source, archive)

        restore_database(postgres, service, archive, target)

        after = every_table_count(postgres, target)
        demo_after = await municipality_counts(postgres.runtime_url(service, target), tenant_tables)
        schema_before, schema_after = (
            guarded_schema(postgres, source),
            guarded_schema(postgres, target),
        )
    finally:
        postgres.drop_databases([target])

    assert before == after
    assert demo_before == demo_after
    assert demo_after[MAIN_TABLE[service]] > 0, "the demo municipality's data is in the dump"
    assert schema_after == schema_before
    assert MAIN_TABLE[service] in schema_after["forced"]


@pytest.mark.parametrize("service", WITH_ACCESS_LOG)
async def test_the_restored_access_log_still_works_and_cannot_be_erased(
    service: str, demo_loaded: None, postgres: EmbeddedPostgres, tmp_path: Path
) -> None:
    source = f"{TEST_DB_PREFIX}{service}"
    target = f"{RESTORED_PREFIX}{service}"
    postgres.drop_databases([target])
    archive = tmp_path / f"{service}.dump"
    dump_database(postgres, source, archive)
    restore_database(postgres, service, archive, target)
    runtime = postgres.runtime_url(service, target)
    owner = postgres.owner_url(service, target)
    try:
        async with tenant_connection(runtime, DEMO) as connection:
            logged = int(await connection.scalar(text("SELECT count(*) FROM access_log")))
        await write_access_log_row(runtime, DEMO, uuid.uuid4())
        async with tenant_connection(runtime, DEMO) as connection:
            now_logged = int(await connection.scalar(text("SELECT count(*) FROM access_log")))
        async with tenant_connection(runtime, "0000") as connection:
            other_municipality = int(
                await connection.scalar(text("SELECT count(*) FROM access_log"))
            )
        errors = {}
        for role, url in (("runtime", runtime), ("owner", owner)):
            for statement in ("DELETE FROM access_log", "UPDATE access_log SET actor = 'x'"):
                with pytest.raises(DBAPIError) as refused:
                    async with tenant_connection(url, DEMO) as connection:
                        await connection.execute(text(statement))
                errors[role, statement.split()[0]] = str(refused.value.orig)
        with pytest.raises(DBAPIError) as truncate:
            async with tenant_connection(runtime, DEMO) as connection:
                await connection.execute(text("TRUNCATE access_log"))
    finally:
        postgres.drop_databases([target])

    assert logged >= 1, "the demo municipality's access log came back"
    assert now_logged == logged + 1, "the runtime role still adds to it"
    assert other_municipality == 0, "row-level security still keeps municipalities apart"
    for statement in ("DELETE", "UPDATE"):
        assert "permission denied for table access_log" in errors["runtime", statement]
        assert "append-only" in errors["owner", statement]
    assert "permission denied for table access_log" in str(truncate.value.orig)
