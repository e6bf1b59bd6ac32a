"""What keeps intake fast at a large municipality's size: name search and the lists answer from
indexes that row-level security lets PostgreSQL use, and a request issues a bounded number of
statements whatever the number of persons it lists."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any, cast

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import Select, event, select, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession

from dev.testing import auth, tenant_connection
from services.intake.domain.worklist import Kind, Scope
from services.intake.models import Decision
from services.intake.repositories.persons import PersonRepo, name_page, typed_words
from services.intake.repositories.worklist import counts_statement, page_statement
from services.intake.tests.conftest import API, register_person
from services.intake.tests.test_access_api import UNIT
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


async def _plan(
    database_url: str, municipality: str, statement: Select[Any], *, analyze: bool = False
) -> str:
    """The plan of `statement` for the services' role under row-level security, with scans of
    whole tables and sorts priced out: what indexes the planner may use (with `analyze`, also
    how many rows each step read)."""
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    sql = str(statement.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
    sql = sql.replace("%%", "%")
    explain = "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF)" if analyze else "EXPLAIN"
    async with tenant_connection(database_url, municipality) as connection:
        await connection.execute(text("SET LOCAL enable_seqscan = off"))
        await connection.execute(text("SET LOCAL enable_sort = off"))
        rows = (await connection.execute(text(f"{explain} {sql}"))).all()
    return "\n".join(row[0] for row in rows)


async def _search(
    client: httpx.AsyncClient, headers: dict[str, str], q: str, limit: int = 50
) -> list[dict[str, Any]]:
    """Every person the search finds, page by page (`limit` a page)."""
    found: list[dict[str, Any]] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"q": q, "limit": limit}
        if cursor:
            params["cursor"] = cursor
        page = await client.get(f"{API}/persons", params=params, headers=headers)
        assert page.status_code == 200, page.text
        found += page.json()["items"]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            return found


def _names(persons: list[dict[str, Any]]) -> list[str]:
    return [f"{p['given_name']} {p['family_name']}" for p in persons]


async def test_a_common_name_reads_a_page_of_entries_in_name_order_whatever_matches(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    database_urls: dict[str, str],
    municipality: str,
) -> None:
    """LIKE, trigram and full-text conditions are not leakproof, so under row-level security
    PostgreSQL only filters with them after reading rows (a whole register for a common family
    name late in the alphabet); the name prefixes' entries are an index range already in name
    order, so a page reads a page of them, not every match."""
    for given in ("Anne", "Berit", "Cecilie", "Dag", "Eli", "Finn"):
        await register_person(client, caseworker, given_name=given, family_name="Ulvestad")
    words = typed_words("ulvest")
    page = name_page(words, (0, words[0].parts[0]), limit=3)

    plan = await _plan(database_urls["intake"], municipality, page, analyze=True)

    lines = plan.splitlines()
    scans = [line for line in lines if "Scan" in line]
    conditions = [line for line in lines if "Index Cond" in line]
    assert len(scans) == 1 and "ix_person_name_prefixes_in_name_order" in scans[0], plan
    assert "rows=3 loops=1" in scans[0], plan
    assert "prefix = 'ulvest'" in conditions[0], plan
    assert "Sort" not in plan, plan


async def test_the_next_page_and_another_word_narrow_the_same_index_range(
    database_urls: dict[str, str], municipality: str
) -> None:
    """The cursor is an index condition (the range starts after the last name shown); another
    word typed is checked on the entries read, not looked up by itself."""
    words = typed_words("ulvest cec")
    after = ["ulvestad berit", uuid.UUID(int=0)]
    page = name_page(words, (0, words[0].parts[0]), limit=51, after=after)

    plan = await _plan(database_urls["intake"], municipality, page)

    conditions = [line for line in plan.splitlines() if "Index Cond" in line]
    filters = [line for line in plan.splitlines() if "Filter" in line]
    assert len(conditions) == 1, plan
    assert "prefix = 'ulvest'" in conditions[0] and "ulvestad berit" in conditions[0], plan
    assert filters and "'cec%'" in filters[0], plan
    assert "Sort" not in plan, plan


async def test_a_word_late_in_a_name_and_a_first_word_come_in_one_name_order(
    client: httpx.AsyncClient, caseworker: dict[str, str]
) -> None:
    """A family name and the same word as a later name, both spellings of a Nordic letter, page
    by page with no person twice or left out."""
    for given, family in (
        ("Olsen", "Aasvik"),
        ("Kari", "Olsen"),
        ("Åse", "Olsen"),
        ("Per", "Berg-Olsen"),
        ("Ola", "Olsenius"),
        ("Ole", "Vik"),
        ("Aase", "Olsrud"),
    ):
        await register_person(client, caseworker, given_name=given, family_name=family)

    one_by_one = await _search(client, caseworker, "olsen", limit=1)
    at_once = await _search(client, caseworker, "olsen")
    ase = await _search(client, caseworker, "åse ols", limit=2)

    assert _names(one_by_one) == [
        "Olsen Aasvik",
        "Per Berg-Olsen",
        "Åse Olsen",
        "Kari Olsen",
        "Ola Olsenius",
    ]
    assert _names(at_once) == _names(one_by_one)
    assert _names(ase) == ["Åse Olsen", "Aase Olsrud"]


async def test_several_words_find_the_persons_who_have_each_in_any_order(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    statements: list[str],
    database_urls: dict[str, str],
    municipality: str,
) -> None:
    """The words' entries are probed to where they first meet («hansen kari», after every
    «kari» of a family name before H), and no further when one word has no more entries."""
    for given, family in (
        ("Kari", "Aas"),
        ("Kari", "Berg"),
        ("Kari", "Hansen"),
        ("Karianne", "Hansen"),
        ("Kari", "Jensen"),
        ("Hans", "Karlsen"),
        ("Kari Hanna", "Lie"),
        ("Anne", "Hansen"),
    ):
        await register_person(client, caseworker, given_name=given, family_name=family)
    statements.clear()

    family_first = await _search(client, caseworker, "hansen kari")
    counted = len(statements)
    given_first = await _search(client, caseworker, "kari hansen", limit=1)
    two_prefixes = await _search(client, caseworker, "han kar")

    assert _names(family_first) == ["Kari Hansen", "Karianne Hansen"]
    assert _names(given_first) == _names(family_first)
    assert _names(two_prefixes) == [
        "Kari Hansen",
        "Karianne Hansen",
        "Hans Karlsen",
        "Kari Hanna Lie",
    ]
    assert counted <= 6, statements
    async with tenant_connection(database_urls["intake"], municipality) as connection:
        persons = PersonRepo(AsyncSession(bind=connection))
        leap = await persons._leap(typed_words("kari hansen"), None)
        no_match = await persons._leap(typed_words("kari lie hansen"), None)
    assert leap is not None and leap[1:] == (
        ["hansen kari", uuid.UUID(family_first[0]["id"])],
        True,
    )
    assert no_match is None


async def test_compound_names_diacritics_and_accents_are_found_as_before(
    client: httpx.AsyncClient, caseworker: dict[str, str]
) -> None:
    anne_lise = await register_person(
        client, caseworker, given_name="Anne-Lise", family_name="Kvalsvik-Øyen"
    )
    jose = await register_person(client, caseworker, given_name="José", family_name="Müller")
    graesli = await register_person(client, caseworker, given_name="Bård", family_name="Græsli")

    queries = {
        anne_lise["id"]: ("anne-lise", "lise", "øyen", "oyen", "oeyen", "kvalsvik-øy", "lise kv"),
        jose["id"]: ("jose", "josé", "muller", "müll"),
        graesli["id"]: ("grasli", "graesli", "græsli", "bard", "baard", "bård græ"),
        None: ("lise-anne", "svik", "anne-kv", "øyen-k"),
    }

    found = {
        q: [p["id"] for p in await _search(client, caseworker, q)]
        for q in sum(queries.values(), ())
    }

    assert found == {q: [i] if i else [] for i, qs in queries.items() for q in qs}


async def test_the_decisions_list_is_read_in_its_order_from_an_index(
    database_urls: dict[str, str], municipality: str
) -> None:
    page = select(Decision).order_by(Decision.created_at, Decision.id).limit(51)

    plan = await _plan(database_urls["intake"], municipality, page)

    assert "ix_decisions_municipality_created_at_id" in plan, plan


WORKLIST_INDEXES = [
    "ix_applications_interim_reply_due",
    "ix_applications_decision_expected",
    "ix_decisions_awaiting_approval",
    "ix_decisions_not_sent",
    "ix_decisions_review_due",
    "ix_decisions_ending",
]


@pytest.mark.parametrize("scope", [Scope.all, Scope.mine])
async def test_the_worklist_reads_each_kind_from_its_index_in_due_order(
    database_urls: dict[str, str], municipality: str, scope: Scope
) -> None:
    """Every branch of the page (after a cursor too) and of the counts is an index range in
    due order, under row-level security, with the constants written into the SQL (so a
    generic plan matches the partial indexes too): neither reads more than its LIMIT of
    entries whatever the municipality's size."""
    today = date(2026, 4, 15)
    after = (date(2026, 4, 1), Kind.review_due.value, uuid.uuid4())
    page = page_statement(
        today, scope=scope, kinds=set(), user="anne", units=[], limit=20, after=after
    )
    counts = counts_statement(today, scope=scope, user="anne", units=[], cap=99)
    suffix = "_mine" if scope == Scope.mine else ""

    plans = [
        await _plan(database_urls["intake"], municipality, cast(Any, statement))
        for statement in (page, counts)
    ]

    for plan in plans:
        for index in WORKLIST_INDEXES:
            assert f"{index}{suffix} " in plan, (index, plan)
        assert "ix_appeals_to_reassess" in plan, plan
        assert "Seq Scan" not in plan, plan
    sql = str(counts.compile(dialect=postgresql.dialect()))  # type: ignore[no-untyped-call]
    assert "status IN ('made', 'sent', 'in_force', 'evaluated')" in sql
    assert "timezone('Europe/Oslo', decisions.updated_at)" in sql


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


async def test_only_a_name_search_has_each_query_planned_for_its_own_values(
    client: httpx.AsyncClient, caseworker: dict[str, str], statements: list[str]
) -> None:
    """A name's best plan depends on the name; a national id's or a birth date's is one
    index lookup whatever the value, so they skip the round trip that sets the plan mode."""
    person = await register_person(client, caseworker, family_name="Planmoen")
    asked = {
        "national id": person["national_id"],
        "birth date": person["national_id"][:6],
        "name": "planmo",
    }
    plan_mode_set = {}
    for kind, query in asked.items():
        statements.clear()
        found = await client.get(f"{API}/persons", params={"q": query}, headers=caseworker)
        assert found.status_code == 200, found.text
        assert person["id"] in [p["id"] for p in found.json()["items"]], kind
        plan_mode_set[kind] = any("plan_cache_mode" in s for s in statements)

    assert plan_mode_set == {"national id": False, "birth date": False, "name": True}


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
    # the union of branches runs on its connection's one plan, not planned per request
    # (planning it cost more than running it: docs/performance.md)
    generic = next(i for i, s in enumerate(statements) if "force_generic_plan" in s)
    assert generic < next(i for i, s in enumerate(statements) if "AS tasks" in s or "tasks." in s)


async def test_a_clinicians_lookup_of_a_list_is_the_same_statements_for_three_as_for_one(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    token_factory: Callable[..., str],
    municipality: str,
    today_is: Callable[[date], None],
    statements: list[str],
) -> None:
    """Whom a clinician's units serve is asked in the lookup's one statement, not once per
    person (another service's list of 100 names was 101 queries)."""
    today_is(date(2026, 3, 5))
    served = [
        (await delivered_decision(client, caseworker, starts_on="2026-03-10"))["person"]["id"]
        for _ in range(3)
    ]
    unserved = [(await register_person(client, caseworker))["id"] for _ in range(3)]
    today_is(date(2026, 4, 2))
    nurse = auth(token_factory("helsepersonell", municipality=municipality, units=[UNIT]))

    async def look_up(ids: list[str]) -> tuple[list[str], int]:
        statements.clear()
        found = await client.post(f"{API}/person-lookups", json={"ids": ids}, headers=nurse)
        assert found.status_code == 200, found.text
        return sorted(p["id"] for p in found.json()), len(statements)

    one, for_one = await look_up(served[:1] + unserved[:1])
    every, for_all = await look_up(served + unserved)

    assert one == served[:1]
    assert every == sorted(served)
    assert for_all == for_one, statements
