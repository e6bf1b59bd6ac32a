"""`make bench` at a tiny size: it runs, every operation answers without errors, and it prints
its table. No timing is asserted (figures come from `make bench`, never from tests)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import httpx

from dev import testing
from dev.bench import OPERATIONS, Target, measure, table
from dev.demo import generate
from dev.issuer import SigningKey
from dev.testing import RunningServer, auth, settings_kwargs
from services.catalogue.app import create_app as create_catalogue
from services.catalogue.seed import seed_url as seed_catalogue_url
from services.catalogue.settings import CatalogueSettings
from services.intake.app import create_app as create_intake
from services.intake.seed import read_catalogue
from services.intake.settings import IntakeSettings


async def test_the_bench_runs_at_a_tiny_size_and_prints_its_table(
    database_urls: dict[str, str],
    signing_key: SigningKey,
    token_factory: Callable[..., str],
    tmp_path: Path,
) -> None:
    while (town := testing._shuffled[next(testing._codes)]) in testing.DEMO_MUNICIPALITIES:
        pass
    await seed_catalogue_url(database_urls["catalogue"])
    catalogue = RunningServer(
        create_catalogue(
            CatalogueSettings(**settings_kwargs("catalogue", database_urls, signing_key))
        )
    )
    await catalogue.start()
    try:
        headers = auth(token_factory("saksbehandler", municipality="3207"))
        async with httpx.AsyncClient(base_url=catalogue.url, headers=headers) as client:
            services = await read_catalogue(client)
    finally:
        await catalogue.stop()
    await generate(database_urls["intake"], town, services, 1500, seed=3, today=date.today())
    intake = RunningServer(
        create_intake(IntakeSettings(**settings_kwargs("intake", database_urls, signing_key)))
    )
    await intake.start()
    try:
        result = await measure(
            Target(
                base_url=intake.url,
                token=token_factory("saksbehandler", municipality=town),
                database_url=database_urls["intake"],
                municipality=town,
                size=1500,
            ),
            users=2,
            seconds=3,
            folder=tmp_path,
        )
    finally:
        await intake.stop()
    printed = table(result)
    print(printed)

    for name in OPERATIONS[:-1]:
        assert result.one[name].requests > 0, name
        assert name in printed
    for stats in (result.one, result.many):
        assert sum(s.requests for s in stats.values()) > 0
        assert {name: s.failures for name, s in stats.items() if s.failures} == {}
    assert set(result.sql_floor) == set(OPERATIONS[1:-1])
