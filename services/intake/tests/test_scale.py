"""What keeps intake fast at a large municipality's size: name search and the lists answer from
indexes that row-level security lets PostgreSQL use, and a request issues a bounded number of
statements whatever the number of persons it lists."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import Select, event, select, text
from sqlalchemy.dialects import postgresql

from dev.testing import tenant_connection
from services.intake.models import Decision
from services.intake.repositories.persons import PersonRepo
from services.intake.tests.conftest import API, register_person
from services.intake.tests.test_appeals_waiting_worklist_api import delivered_decision
from services.intake.tests.test_decisions_api import application_for


@pytest.fixture
def statements(client: httpx.AsyncClient) -> Iterator[list[str]]:
    """The SQL statements the intake app issues during the test."""
    app: FastAPI = client._transport.app  # type: ignore[attr-defined]
    issued: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        issued.append(statement)

    engine = app.state.engine.sync_engine
    event.listen(engine, "before_cursor_execute", record)
    yield issued
    event.remove(engine, "before_cursor_execute", record)


async def _plan(database_url: str, municipality: str, statement: Select[Any]) -> str:
    """The plan of `statement` for the services' role under row-level security, with scans of
    whole tables and sorts priced out: what indexes the planner may use."""
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    sql = str(statement.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
    sql = sql.replace("%%", "%")
    async with tenant_connection(database_url, municipality) as connection:
        await connection.execute(text("SET LOCAL enable_seqscan = off"))
        await connection.execute(text("SET LOCAL enable_sort = off"))
        rows = (await connection.execute(text(f"EXPLAIN {sql}"))).all()
    return "\n".join(row[0] for row in rows)


async def test_name_search_looks_word_beginnings_up_in_an_index(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    database_urls: dict[str, str],
    municipality: str,
) -> None:
    """LIKE, trigram and full-text conditions are not leakproof, so under row-level security
    PostgreSQL only filters with them after reading rows in name order (a whole register for a
    rare name); the words' B-tree ranges are index conditions."""
    await register_person(client, caseworker, given_name="Sigrid", family_name="Kvamsdal")
    search = PersonRepo(None)._search("kvams sig", date.today())  # type: ignore[arg-type]

    plan = await _plan(database_urls["intake"], municipality, search)

    index_conditions = [line for line in plan.splitlines() if "Index Cond" in line]
    assert any("word" in line for line in index_conditions), plan


async def test_the_decisions_list_is_read_in_its_order_from_an_index(
    database_urls: dict[str, str], municipality: str
) -> None:
    page = select(Decision).order_by(Decision.created_at, Decision.id).limit(51)

    plan = await _plan(database_urls["intake"], municipality, page)

    assert "ix_decisions_municipality_created_at_id" in plan, plan


async def test_a_renamed_person_is_found_by_the_new_name_only(
    client: httpx.AsyncClient, caseworker: dict[str, str]
) -> None:
    person = await register_person(
        client, caseworker, given_name="Ingeborg", family_name="Bjørnstad-Lie"
    )

    async def found(q: str) -> bool:
        page = await client.get(f"{API}/persons", params={"q": q}, headers=caseworker)
        assert page.status_code == 200, page.text
        return person["id"] in {p["id"] for p in page.json()["items"]}

    before = [await found(q) for q in ("bjornst", "lie ingeb", "stad", "bjornstad-li")]
    renamed = await client.patch(
        f"{API}/persons/{person['id']}",
        json={"family_name": "Moe"},
        headers={**caseworker, "If-Match": f'"{person["version"]}"'},
    )
    after = [await found(q) for q in ("moe inge", "bjornst")]

    assert before == [True, True, False, True]
    assert renamed.status_code == 200, renamed.text
    assert after == [True, False]


async def test_name_search_issues_the_same_few_statements_however_many_match(
    client: httpx.AsyncClient, caseworker: dict[str, str], statements: list[str]
) -> None:
    """Person summaries in a list load no relatives or representatives."""
    for _ in range(12):
        await register_person(
            client,
            caseworker,
            family_name="Tømmervik",
            relatives=[{"name": "Kari Tømmervik", "relation": "datter", "is_next_of_kin": True}],
        )
    statements.clear()

    page = await client.get(f"{API}/persons", params={"q": "tommerv"}, headers=caseworker)

    assert page.status_code == 200 and len(page.json()["items"]) == 12
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert not any("relatives" in s or "representatives" in s for s in reads)
    assert len(statements) <= 5, statements


async def test_the_worklist_issues_the_same_statements_for_three_tasks_as_for_one(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    today_is: Callable[[date], None],
    statements: list[str],
) -> None:
    """Each kind of task is one query (its persons not joined in), the persons listed one more,
    the access log one insert: the count does not grow with the number of tasks."""
    today_is(date(2026, 3, 5))
    await delivered_decision(client, caseworker, review_on="2026-03-25", starts_on="2026-03-10")
    await application_for(client, caseworker, ["praktisk-bistand"])
    today_is(date(2026, 4, 15))
    statements.clear()
    one_each = await client.get(f"{API}/worklist", headers=caseworker)
    counted = len(statements)
    today_is(date(2026, 3, 5))
    await delivered_decision(client, caseworker, review_on="2026-03-20", starts_on="2026-03-10")
    await application_for(client, caseworker, ["praktisk-bistand"])
    today_is(date(2026, 4, 15))
    statements.clear()

    more = await client.get(f"{API}/worklist", headers=caseworker)

    assert len(more.json()["items"]) > len(one_each.json()["items"]) >= 2
    assert len(statements) == counted <= 12, statements
    joined = [s for s in statements if "FROM decisions JOIN persons" in s]
    assert joined == []
