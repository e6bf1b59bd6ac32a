"""`make bench` at a tiny size: it runs (one client, several, an open loop at a fixed rate, the
person page's throughput), every operation answers without errors, and it prints its table. No
timing is asserted (figures come from `make bench`, never from tests)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import httpx
from sqlalchemy import text

from dev import testing
from dev.bench import ALL, OPERATIONS, WRITES, Result, Stat, Target, _stat, growth, measure, table
from dev.demo import generate
from dev.issuer import SigningKey
from dev.testing import RunningServer, auth, settings_kwargs, tenant_connection
from services.catalogue.app import create_app as create_catalogue
from services.catalogue.seed import seed_url as seed_catalogue_url
from services.catalogue.settings import CatalogueSettings
from services.coordination.app import create_app as create_coordination
from services.coordination.settings import CoordinationSettings
from services.intake.app import create_app as create_intake
from services.intake.seed import read_catalogue
from services.intake.settings import IntakeSettings
from services.quality.app import create_app as create_quality
from services.quality.settings import QualitySettings
from services.welfaretech.app import create_app as create_welfaretech
from services.welfaretech.settings import WelfaretechSettings

SIZE = 3000
OTHERS = ("coordination", "welfaretech", "quality")


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
    others = {service: database_urls[service] for service in OTHERS}
    await generate(
        database_urls["intake"], town, services, SIZE, seed=3, today=date.today(), others=others
    )
    async with tenant_connection(database_urls["coordination"], town) as connection:
        coordinator = (
            await connection.execute(
                text(
                    "SELECT a.coordinator_sub FROM coordinator_assignments a JOIN plans p "
                    "ON p.person_id = a.person_id WHERE a.to_date IS NULL "
                    "GROUP BY a.coordinator_sub ORDER BY count(*) DESC, 1 LIMIT 1"
                )
            )
        ).scalar()
    units = sorted({unit.code for service in services for unit in service.units})
    intake = RunningServer(
        create_intake(IntakeSettings(**settings_kwargs("intake", database_urls, signing_key)))
    )
    asks_intake = {"intake_url": intake.url}  # a plan's decisions, a page of loans' names
    servers = {
        "intake": intake,
        "coordination": RunningServer(
            create_coordination(
                CoordinationSettings(
                    **settings_kwargs("coordination", database_urls, signing_key), **asks_intake
                )
            )
        ),
        "welfaretech": RunningServer(
            create_welfaretech(
                WelfaretechSettings(
                    **settings_kwargs("welfaretech", database_urls, signing_key), **asks_intake
                )
            )
        ),
        "quality": RunningServer(
            create_quality(
                QualitySettings(
                    **settings_kwargs("quality", database_urls, signing_key), **asks_intake
                )
            )
        ),
    }
    for server in servers.values():
        await server.start()
    try:
        result = await measure(
            Target(
                base_url=servers["intake"].url,
                token=token_factory("saksbehandler", municipality=town),
                database_url=database_urls["intake"],
                municipality=town,
                size=SIZE,
                urls={service: server.url for service, server in servers.items()},
                tokens={
                    "koordinator": token_factory(
                        "koordinator", municipality=town, sub=coordinator or "koordinator"
                    ),
                    "velferdsteknolog": token_factory("velferdsteknolog", municipality=town),
                    "helsepersonell": token_factory(
                        "helsepersonell", municipality=town, units=units[:1]
                    ),
                    "leder": token_factory("leder", municipality=town, units=units),
                },
                database_urls=others,
                intake_url=servers["intake"].url,
            ),
            users=2,
            seconds=3,
            rate=10,
            folder=tmp_path,
            floor_runs=3,
        )
    finally:
        for server in servers.values():
            await server.stop()
    printed = table(result)
    print(printed)

    # a tiny municipality may have no draft to make, and (rarely) no plan to open
    optional = {"make a decision"} | (
        {"coordination: open a plan"} if coordinator is None else set()
    )
    for name in OPERATIONS:
        if name not in optional:
            assert result.one[name].requests > 0, name
            assert name in printed
    for stats in (result.one, result.many, result.open):
        assert sum(s.requests for s in stats.values()) > 0
        assert {name: s.failures for name, s in stats.items() if s.failures} == {}
    # the open loop's arrivals come at the rate whatever the answers: all of them are made
    assert result.open[ALL].requests >= 15
    assert "Open loop" in printed and "Person page throughput" in printed
    assert result.machine_cpu > 0  # the whole machine's CPU per request of the mix
    assert list(result.pages) == ["directly"]  # no gateway here
    assert result.pages["directly"].requests > 0 and result.pages["directly"].failures == 0
    assert set(result.sql_floor) == set(OPERATIONS[1:]) - set(WRITES) - (optional - set(WRITES))
    # the loans list asks intake for the names: intake's statements and a call are counted
    assert result.calls["welfaretech: loans list"] >= 1
    assert result.direct_floor > 0 and "straight to a service" in printed


def _entry(name: str, requests: int, first: float, last: float) -> dict[str, object]:
    return {
        "name": name,
        "num_requests": requests,
        "num_failures": 0,
        "start_time": first,
        "last_request_timestamp": last,
        "response_times": {"10": requests},
    }


def test_an_operation_that_ran_out_of_work_counts_its_rate_over_the_whole_phase() -> None:
    """Ten drafts made in the first tenth of a second of a 20-second phase are half a
    decision a second, not a hundred."""
    burst = _entry("make a decision", 10, 1000.0, 1000.1)
    phase = [_entry("person page", 400, 1000.0, 1020.0), burst]

    assert _stat([burst], phase).rps == 0.5
    assert _stat(phase, phase).rps == 20.5


def test_the_growth_table_marks_a_size_without_the_operation() -> None:
    """A size with no drafts left has no «make a decision»: shown as missing, not as 0×."""
    small, large = Result(size=10_000), Result(size=700_000)
    for result, p50 in ((small, 10.0), (large, 15.0)):
        result.one["person page"] = Stat(requests=20, p50=p50)
    small.one["make a decision"] = Stat(requests=3, p50=30.0)

    lines = growth([small, large]).splitlines()

    assert "| person page | 10 | 15 | 1.5× |" in lines
    assert "| make a decision | 30 | – | – |" in lines
    assert not any(line.startswith("| search: rare name") for line in lines)
