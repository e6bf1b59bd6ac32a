"""The demo-municipality generator (`make demo`): realistic counts, every row valid by the
services' own rules, the same municipality for the same seed."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import date
from statistics import median
from typing import Any

import asyncpg
import httpx
import pytest
from sqlalchemy import text

from dev import testing
from dev.demo import (
    AGE_BANDS,
    COLUMNS,
    GENERATED_BY,
    NAME_PREFIXES_TRIGGER,
    Generator,
    Rows,
    _name_prefixes_in_bulk,
    generate,
)
from dev.demo import coordination as demo_coordination
from dev.demo import quality as demo_quality
from dev.demo import welfaretech as demo_welfaretech
from dev.demo.bulk import Facts, Tables, _asyncpg_dsn
from dev.issuer import SigningKey
from dev.testing import RunningServer, auth, open_client, settings_kwargs, tenant_connection
from services.catalogue.app import create_app as create_catalogue
from services.catalogue.seed import seed_url as seed_catalogue_url
from services.catalogue.settings import CatalogueSettings
from services.coordination.app import create_app as create_coordination
from services.coordination.domain.plans import PlanContent
from services.coordination.settings import CoordinationSettings
from services.intake.app import create_app as create_intake
from services.intake.seed import HOME_SERVICES, LONG_TERM, read_catalogue
from services.intake.settings import IntakeSettings
from services.quality.app import create_app as create_quality
from services.quality.domain.risk import level_of
from services.quality.settings import QualitySettings
from services.welfaretech.app import create_app as create_welfaretech
from services.welfaretech.settings import WelfaretechSettings
from shared.national_id import parse_national_id
from shared.schemas.catalogue import ServiceTypeRead
from shared.schemas.quality import DeviationCategory, DeviationStatus

API = "/api/intake/v1"
INHABITANTS = 4000
TODAY = date(2026, 11, 30)
CATALOGUE_OF = "3207"


@pytest.fixture(scope="module")
async def services(
    database_urls: dict[str, str], signing_key: SigningKey, token_factory: Callable[..., str]
) -> list[ServiceTypeRead]:
    """Nordre Follo's service types, loaded by the catalogue's loader and read through its API."""
    await seed_catalogue_url(database_urls["catalogue"])
    server = RunningServer(
        create_catalogue(
            CatalogueSettings(**settings_kwargs("catalogue", database_urls, signing_key))
        )
    )
    await server.start()
    try:
        headers = auth(token_factory("saksbehandler", municipality=CATALOGUE_OF))
        async with httpx.AsyncClient(base_url=server.url, headers=headers) as client:
            return await read_catalogue(client)
    finally:
        await server.stop()


@pytest.fixture(scope="module")
def town() -> str:
    """A municipality number of this module's own, from the pool the `municipality` fixture
    draws from (that fixture is per test; this municipality is shared by the module)."""
    while (code := testing._shuffled[next(testing._codes)]) in testing.DEMO_MUNICIPALITIES:
        pass
    return code


@pytest.fixture(scope="module")
async def generated(
    database_urls: dict[str, str],
    owner_database_urls: dict[str, str],
    services: list[ServiceTypeRead],
    town: str,
) -> dict[str, int]:
    others = {s: database_urls[s] for s in ("coordination", "welfaretech", "quality")}
    return await generate(
        database_urls["intake"],
        town,
        services,
        INHABITANTS,
        seed=7,
        today=TODAY,
        others=others,
        owner_url=owner_database_urls["intake"],
    )


@pytest.fixture(scope="module")
async def intake(
    database_urls: dict[str, str], signing_key: SigningKey
) -> AsyncIterator[httpx.AsyncClient]:
    settings = IntakeSettings(**settings_kwargs("intake", database_urls, signing_key))
    async for client in open_client(create_intake(settings)):
        yield client


async def _rows(database_url: str, town: str, sql: str) -> list[Any]:
    async with tenant_connection(database_url, town) as connection:
        return list((await connection.execute(text(sql), {"today": TODAY})).all())


def _age(born: date) -> int:
    return TODAY.year - born.year - ((TODAY.month, TODAY.day) < (born.month, born.day))


def _band_of(age: int) -> int:
    return next(i for i, band in enumerate(AGE_BANDS) if band.low <= age <= band.high)


async def test_the_ages_are_spread_like_a_norwegian_municipality(
    generated: dict[str, int], database_urls: dict[str, str], town: str
) -> None:
    born = await _rows(database_urls["intake"], town, "SELECT birth_date FROM persons")
    per_band = [0] * len(AGE_BANDS)
    for (birth_date,) in born:
        per_band[_band_of(min(_age(birth_date), AGE_BANDS[-1].high))] += 1

    assert len(born) == generated["persons"] == INHABITANTS
    for band, count in zip(AGE_BANDS, per_band, strict=True):
        assert abs(count / INHABITANTS - band.share) < 0.02, (band, count)


async def test_services_are_used_per_age_group_like_the_national_figures(
    generated: dict[str, int], database_urls: dict[str, str], town: str
) -> None:
    """About one in ten aged 67+ with home-based services, more above 80; about 3 in 10 aged
    90+ in a long-term place."""
    home = ", ".join(f"'{code}'" for code in HOME_SERVICES)
    long_term = ", ".join(f"'{code}'" for code in LONG_TERM)
    rows = await _rows(
        database_urls["intake"],
        town,
        f"""SELECT p.birth_date,
                   bool_or(d.service_type IN ({home})),
                   bool_or(d.service_type IN ({long_term}) AND w.id IS NULL)
              FROM persons p
              JOIN decisions d ON d.person_id = p.id
                   AND d.status = 'in_force' AND d.outcome = 'granted'
              LEFT JOIN waiting_list w ON w.decision_id = d.id
             GROUP BY p.id, p.birth_date""",
    )
    everyone = await _rows(database_urls["intake"], town, "SELECT birth_date FROM persons")
    aged = [_age(b) for (b,) in everyone]
    home_by_age = [_age(b) for b, has_home, _ in rows if has_home]
    placed_by_age = [_age(b) for b, _, placed in rows if placed]

    def share(ages: list[int], low: int, high: int = 200) -> float:
        within = sum(1 for a in aged if low <= a <= high)
        return sum(1 for a in ages if low <= a <= high) / within

    assert 0.06 < share(home_by_age, 67) < 0.14
    assert share(home_by_age, 80) > share(home_by_age, 67, 79)
    assert 0.12 < share(placed_by_age, 90) < 0.5
    assert share(placed_by_age, 0, 66) < 0.005
    under_67 = sum(1 for a in home_by_age if a < 67) / len(home_by_age)
    assert 0.3 < under_67 < 0.6, "nationally about half of home-based services go to under-67s"


async def test_every_national_id_is_a_valid_synthetic_one_matching_the_birth_date(
    generated: dict[str, int], database_urls: dict[str, str], town: str
) -> None:
    rows = await _rows(database_urls["intake"], town, "SELECT national_id, birth_date FROM persons")

    for national_id, birth_date in rows:
        parsed = parse_national_id(national_id, allow_synthetic=True, today=TODAY)
        assert parsed.is_synthetic and parsed.birth_date == birth_date
    assert len({national_id for national_id, _ in rows}) == len(rows)


async def test_casework_dates_follow_each_other(
    generated: dict[str, int], database_urls: dict[str, str], town: str, large: Large
) -> None:
    url = database_urls["intake"]
    out_of_order = await _rows(
        url,
        town,
        """SELECT 'assessment' FROM assessments s JOIN applications a ON a.id = s.application_id
            WHERE s.assessed_on < a.received_on OR s.assessed_on > :today
           UNION ALL
           SELECT 'decision' FROM decisions d JOIN applications a ON a.id = d.application_id
            WHERE d.made_on < a.received_on OR d.made_on > :today
               OR d.received_on < d.sent_on OR d.review_on < d.made_on
               OR d.ended_on > :today
           UNION ALL
           SELECT 'appeal' FROM appeals p JOIN decisions d ON d.id = p.decision_id
            WHERE p.received_on < d.made_on OR p.received_on > :today
           UNION ALL
           SELECT 'application' FROM applications a JOIN persons p ON p.id = a.person_id
            WHERE a.received_on > :today OR a.received_on < p.birth_date""",
    )
    counts = await _rows(
        url,
        town,
        f"""SELECT (SELECT count(*) FROM applications WHERE registered_by = '{GENERATED_BY}'),
                   (SELECT count(*) FROM appeals), (SELECT count(*) FROM waiting_list)""",
    )

    assert out_of_order == []
    applications, appeals, waiting = counts[0]
    assert applications == generated["applications"] > INHABITANTS * 0.02
    assert (appeals, waiting) == (generated["appeals"], generated["waiting_list"])
    # a few in 4,000 inhabitants, so whether there are any is checked on the larger one
    status = COLUMNS["decisions"].index("status")
    assert large.intake.appeals and large.intake.waiting_list
    assert any(row[status] == "draft" for row in large.intake.decisions)


async def _all_pages(client: httpx.AsyncClient, path: str, headers: dict[str, str]) -> list[Any]:
    items: list[Any] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 500, **({"cursor": cursor} if cursor else {})}
        response = await client.get(f"{API}{path}", params=params, headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        items += body["items"]
        cursor = body["next_cursor"]
        if not cursor:
            return items


async def test_every_generated_row_reads_back_through_intakes_api(
    generated: dict[str, int],
    intake: httpx.AsyncClient,
    token_factory: Callable[..., str],
    town: str,
) -> None:
    """Lists of persons, applications, decisions and appeals, the worklist and the waiting
    list, and the page and timeline of everyone with a case: all answer 200 with every row."""
    headers = auth(token_factory("saksbehandler", municipality=town))

    persons = await _all_pages(intake, "/persons", headers)
    applications = await _all_pages(intake, "/applications", headers)
    decisions = await _all_pages(intake, "/decisions", headers)
    appeals = await _all_pages(intake, "/appeals", headers)
    worklist = await intake.get(f"{API}/worklist", headers=headers)
    waiting = await intake.get(f"{API}/waiting-list", headers=headers)
    with_cases = {a["person"]["id"] for a in applications}
    for person_id in sorted(with_cases):
        page = await intake.get(f"{API}/persons/{person_id}", headers=headers)
        timeline = await intake.get(f"{API}/persons/{person_id}/timeline", headers=headers)
        assert page.status_code == timeline.status_code == 200, (page.text, timeline.text)

    assert len(persons) == generated["persons"]
    assert len(applications) == generated["applications"]
    assert len(decisions) == generated["decisions"]
    assert len(appeals) == generated["appeals"]
    assert worklist.status_code == 200 and worklist.json()
    assert waiting.status_code == 200 and len(waiting.json()) == generated["waiting_list"]


async def test_the_name_entries_written_in_bulk_are_the_ones_intakes_trigger_writes(
    generated: dict[str, int],
    database_urls: dict[str, str],
    owner_database_urls: dict[str, str],
    town: str,
) -> None:
    """The generator writes the persons' name entries (ADR 0004) in one statement with the
    per-person trigger off: they equal what the trigger writes when each person's name is
    changed and changed back (rolled back), the trigger is on again afterwards, and its source
    still holds the generator's statement (else the generator would leave the work to it)."""
    entries = text("SELECT person_id, prefix, search_text, municipality FROM person_name_prefixes")
    async with tenant_connection(database_urls["intake"], town) as connection:
        in_bulk = set((await connection.execute(entries)).all())
        rewritten = await connection.begin_nested()
        await connection.execute(text("UPDATE persons SET search_text = search_text || ' x'"))
        await connection.execute(text("UPDATE persons SET search_text = left(search_text, -2)"))
        by_trigger = set((await connection.execute(entries)).all())
        await rewritten.rollback()
        trigger_on = (
            await connection.execute(
                text("SELECT tgenabled::text FROM pg_trigger WHERE tgname = :name"),
                {"name": NAME_PREFIXES_TRIGGER},
            )
        ).scalar_one()

    assert len({entry[0] for entry in in_bulk}) == generated["persons"]
    assert in_bulk == by_trigger
    assert trigger_on == "O"
    owner = await asyncpg.connect(_asyncpg_dsn(owner_database_urls["intake"]))
    try:
        transaction = owner.transaction()
        await transaction.start()
        assert await _name_prefixes_in_bulk(owner)
        await transaction.rollback()
    finally:
        await owner.close()


def test_the_same_seed_gives_the_same_municipality(services: list[ServiceTypeRead]) -> None:
    def municipality(seed: int) -> tuple[Any, ...]:
        generator = Generator("9872", services, seed, TODAY)
        rows = generator.generate(2000)
        plans = demo_coordination.generate(generator.facts, "9872", seed, TODAY)
        loans = demo_welfaretech.generate(generator.facts, "9872", seed, TODAY, [])
        deviations = demo_quality.generate(
            generator.facts, "9872", seed, TODAY,
            plans=[(p["id"], p["person_id"]) for p in plans.rows.get("plans", [])],
            loans=[(r["id"], r["person_id"], r["unit"]) for r in loans.rows.get("loans", [])],
        )  # fmt: skip
        return rows, plans, loans, deviations

    first, again, other = municipality(11), municipality(11), municipality(12)

    assert first == again
    assert first[0].persons != other[0].persons
    assert all(mine != theirs for mine, theirs in zip(first[1:], other[1:], strict=True))


# --- coordination, welfare technology and quality, generated from intake's rows -------------

LARGE = 20000
"""Inhabitants of the municipality generated in memory only, for the shares and states."""


@dataclass
class Large:
    intake: Rows
    facts: Facts
    coordination: Tables
    welfaretech: Tables
    quality: Tables

    def rows(self, service: str, table: str) -> list[dict[str, Any]]:
        tables: Tables = getattr(self, service)
        return tables.rows.get(table, [])


@pytest.fixture(scope="module")
def large(services: list[ServiceTypeRead]) -> Large:
    generator = Generator("9871", services, 7, TODAY)
    rows = generator.generate(LARGE)
    facts = generator.facts
    plans = demo_coordination.generate(facts, "9871", 7, TODAY)
    loans = demo_welfaretech.generate(facts, "9871", 7, TODAY, [])
    deviations = demo_quality.generate(
        facts,
        "9871",
        7,
        TODAY,
        plans=[(p["id"], p["person_id"]) for p in plans.rows.get("plans", [])],
        loans=[(r["id"], r["person_id"], r["unit"]) for r in loans.rows.get("loans", [])],
    )
    return Large(rows, facts, plans, loans, deviations)


def _table(rows: Rows, table: str) -> list[dict[str, Any]]:
    return [dict(zip(COLUMNS[table], row, strict=True)) for row in getattr(rows, table)]


def _dates_out_of_order(rows: Rows) -> list[tuple[str, Any]]:
    """The database test's date rules, over rows generated in memory."""
    born = {p["id"]: p["birth_date"] for p in _table(rows, "persons")}
    applications = {a["id"]: a for a in _table(rows, "applications")}
    decisions = {d["id"]: d for d in _table(rows, "decisions")}
    wrong: list[tuple[str, Any]] = []
    for a in applications.values():
        if not born[a["person_id"]] <= a["received_on"] <= TODAY:
            wrong.append(("application", a["id"]))
    for s in _table(rows, "assessments"):
        if not applications[s["application_id"]]["received_on"] <= s["assessed_on"] <= TODAY:
            wrong.append(("assessment", s["id"]))
    for d in decisions.values():
        received = applications[d["application_id"]]["received_on"]
        if d["made_on"] is not None and not received <= d["made_on"] <= TODAY:
            wrong.append(("decision made", d["id"]))
        if d["review_on"] is not None and d["made_on"] and d["review_on"] < d["made_on"]:
            wrong.append(("decision review", d["id"]))
        if d["ended_on"] is not None and d["ended_on"] > TODAY:
            wrong.append(("decision ended", d["id"]))
    for p in _table(rows, "appeals"):
        if not decisions[p["decision_id"]]["made_on"] <= p["received_on"] <= TODAY:
            wrong.append(("appeal", p["id"]))
    return wrong


def test_casework_dates_follow_each_other_whatever_the_municipality_number(
    services: list[ServiceTypeRead], large: Large
) -> None:
    """The numbers seed the stories; 6843 once drew someone who came of age the day before
    their case was received, which left an assessment and a decision after today."""
    drawn = Generator("6843", services, 7, TODAY).generate(INHABITANTS)

    assert _dates_out_of_order(drawn) == []
    assert _dates_out_of_order(large.intake) == []


async def _ids(database_url: str, town: str, sql: str) -> set[Any]:
    return {row[0] for row in await _rows(database_url, town, sql)}


async def test_coordination_is_what_its_feed_and_the_coordinating_unit_made_of_intakes_cases(
    generated: dict[str, int], database_urls: dict[str, str], town: str
) -> None:
    """Every decided service is known (and only those); plans and koordinators belong to
    intake's persons; every plan has its current version, consent before it was activated."""
    intake, coordination = database_urls["intake"], database_urls["coordination"]
    made = await _ids(
        intake, town, "SELECT id FROM decisions WHERE outcome <> 'refused' AND status <> 'draft'"
    )
    persons = await _ids(intake, town, "SELECT id FROM persons")
    known = await _ids(coordination, town, "SELECT decision_id FROM person_services")
    planned = await _ids(coordination, town, "SELECT person_id FROM plans")
    coordinated = await _ids(
        coordination, town, "SELECT person_id FROM coordinator_assignments WHERE to_date IS NULL"
    )
    contacts = await _ids(coordination, town, "SELECT person_id FROM primary_contacts")
    broken = await _rows(
        coordination,
        town,
        """SELECT 'version' FROM plans p
            WHERE NOT EXISTS (SELECT 1 FROM plan_versions v
                               WHERE v.plan_id = p.id AND v.number = p.version)
           UNION ALL
           SELECT 'consent' FROM plans p WHERE p.status <> 'draft'
              AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.plan_id = p.id
                               AND c.given_on <= p.activated_on)
           UNION ALL
           SELECT 'evaluation' FROM evaluations e JOIN plans p ON p.id = e.plan_id
            WHERE e.evaluated_on < p.activated_on OR e.evaluated_on > :today""",
    )

    assert known == made and contacts <= persons
    assert planned and planned <= persons and planned <= coordinated
    assert broken == []


def test_a_few_percent_of_service_recipients_have_a_plan_and_most_a_primary_contact(
    large: Large,
) -> None:
    served = {d.person_id for d in large.facts.decisions if d.running(TODAY)}
    plans = large.rows("coordination", "plans")
    contacts = {r["person_id"] for r in large.rows("coordination", "primary_contacts")}
    inbox = [r for r in large.rows("coordination", "coordination_requests")
             if r["status"] == "received"]  # fmt: skip
    for plan in plans:
        PlanContent.model_validate(plan["content"]).check()

    assert {plan["status"] for plan in plans} == {"draft", "active", "closed"}
    assert 0.005 < len(plans) / len(served) < 0.08
    assert len(contacts & served) / len(served) > 0.7
    assert inbox and large.rows("coordination", "evaluations")
    assert large.rows("coordination", "meetings")


async def test_welfare_technology_lends_each_device_once_on_a_legal_basis(
    generated: dict[str, int], database_urls: dict[str, str], town: str
) -> None:
    welfaretech = database_urls["welfaretech"]
    persons = await _ids(database_urls["intake"], town, "SELECT id FROM persons")
    lent_to = await _ids(welfaretech, town, "SELECT person_id FROM loans")
    wrong = await _rows(
        welfaretech,
        town,
        """SELECT 'twice' FROM loans WHERE ended_on IS NULL
            GROUP BY device_id HAVING count(*) > 1
           UNION ALL
           SELECT 'device' FROM loans l JOIN devices d ON d.id = l.device_id
            WHERE (l.ended_on IS NULL) <> (d.status = 'on_loan')
           UNION ALL
           SELECT 'basis' FROM loans l JOIN recommendations r ON r.id = l.recommendation_id
             JOIN assessments a ON a.id = r.assessment_id
             JOIN technologies t ON t.id = r.technology_id
            WHERE l.ended_on IS NULL AND (
                  (a.consent_capacity = 'yes' AND a.consent_given IS NOT TRUE)
               OR a.consent_capacity = 'unclear'
               OR (a.consent_capacity = 'no' AND t.is_alarm_or_location AND NOT EXISTS (
                   SELECT 1 FROM legal_decisions g WHERE g.assessment_id = a.id
                      AND g.valid_from <= :today AND :today <= g.valid_until
                      AND g.valid_until < g.valid_from + 366)))
           UNION ALL
           SELECT 'dates' FROM loans l JOIN recommendations r ON r.id = l.recommendation_id
             JOIN assessments a ON a.id = r.assessment_id
            WHERE l.installed_on < a.assessed_on OR l.installed_on > :today
               OR l.ended_on < l.installed_on""",
    )

    assert lent_to and lent_to <= persons
    assert wrong == []


def test_most_of_the_oldest_with_home_services_have_a_safety_alarm(large: Large) -> None:
    alarm = next(r["id"] for r in large.rows("welfaretech", "technologies")
                 if r["kind"] == "safety_alarm")  # fmt: skip
    alarms = {d["id"] for d in large.rows("welfaretech", "devices") if d["technology_id"] == alarm}
    loans = large.rows("welfaretech", "loans")
    alarmed = {r["person_id"] for r in loans if r["device_id"] in alarms and not r["ended_on"]}
    aged = {
        d.person_id
        for d in large.facts.decisions
        if d.running(TODAY)
        and d.service_type in large.facts.home_services
        and large.facts.persons[d.person_id].age(TODAY) >= 80
    }
    referrals = {r["status"] for r in large.rows("welfaretech", "referrals")}
    capacities = {r["consent_capacity"] for r in large.rows("welfaretech", "assessments")}
    serials = [d["serial"] for d in large.rows("welfaretech", "devices")]

    assert 0.4 < len(alarmed & aged) / len(aged) < 0.9
    assert any(r["ended_on"] is None and not r["is_trial"] for r in loans)
    assert any(r["ended_on"] for r in loans) and any(r["is_trial"] for r in loans)
    assert referrals == {"open", "assessed"} and capacities == {"yes", "no", "unclear"}
    assert large.rows("welfaretech", "legal_decisions")
    assert {m["kind"] for m in large.rows("welfaretech", "benefit_measurements")} == {
        "baseline",
        "follow_up",
    }
    assert len(set(serials)) == len(serials)


async def test_deviations_point_at_what_exists_in_the_other_services(
    generated: dict[str, int], database_urls: dict[str, str], town: str
) -> None:
    quality = database_urls["quality"]
    links = await _rows(quality, town, "SELECT kind, target_id FROM deviation_links")
    about = await _ids(
        quality, town, "SELECT person_id FROM deviations WHERE person_id IS NOT NULL"
    )
    targets = {
        "decision": await _ids(database_urls["intake"], town, "SELECT id FROM decisions"),
        "plan": await _ids(database_urls["coordination"], town, "SELECT id FROM plans"),
        "loan": await _ids(database_urls["welfaretech"], town, "SELECT id FROM loans"),
    }
    persons = await _ids(database_urls["intake"], town, "SELECT id FROM persons")

    assert links and about <= persons
    assert all(target in targets[kind] for kind, target in links)


def test_deviations_come_every_year_in_every_unit_state_and_category(large: Large) -> None:
    deviations = large.rows("quality", "deviations")
    per_unit: dict[str, int] = {}
    for row in deviations:
        per_unit[row["unit"]] = per_unit.get(row["unit"], 0) + 1
    overdue = [a for a in large.rows("quality", "corrective_actions")
               if a["status"] != "done" and a["due_on"] < TODAY]  # fmt: skip
    reported = [row["reported_on"] for row in deviations]

    assert set(per_unit) == set(large.facts.units)
    assert all(10 * 5 < count < 200 * 5 for count in per_unit.values()), per_unit
    assert {row["status"] for row in deviations} == {s.value for s in DeviationStatus}
    assert {row["category"] for row in deviations} == {c.value for c in DeviationCategory}
    assert any(row["is_serious"] for row in deviations)
    assert any(row["is_anonymous"] for row in deviations)
    assert (max(reported) - min(reported)).days > 4 * 365 and overdue
    assert {link["kind"] for link in large.rows("quality", "deviation_links")} == {
        "decision",
        "plan",
        "loan",
    }


async def _items(
    client: httpx.AsyncClient, path: str, headers: dict[str, str], **params: Any
) -> list[Any]:
    response = await client.get(path, params=params, headers=headers)
    assert response.status_code == 200, response.text
    body = response.json()
    items: list[Any] = body["items"] if isinstance(body, dict) and "items" in body else body
    return items


async def test_a_sample_of_the_other_services_rows_reads_back_through_their_apis(
    generated: dict[str, int],
    database_urls: dict[str, str],
    signing_key: SigningKey,
    token_factory: Callable[..., str],
    town: str,
) -> None:
    """Plans and their versions through the koordinator's eyes and the inbox; every loan, the
    assessments (those on a § 4-6 a decision first), referrals and the benefits dashboard; the
    deviation queue, statistics and single deviations (serious and linked ones first): every
    answer is 200 with every row."""
    plans = await _rows(
        database_urls["coordination"],
        town,
        """SELECT p.id, a.coordinator_sub FROM plans p JOIN coordinator_assignments a
             ON a.person_id = p.person_id AND a.to_date IS NULL ORDER BY p.id LIMIT 10""",
    )
    units = await _ids(database_urls["quality"], town, "SELECT DISTINCT unit FROM deviations")
    deviations = await _ids(
        database_urls["quality"],
        town,
        """SELECT d.id FROM deviations d ORDER BY d.is_serious DESC,
                  EXISTS (SELECT 1 FROM deviation_links l WHERE l.deviation_id = d.id) DESC,
                  d.is_anonymous DESC, d.id LIMIT 12""",
    )
    assessments = await _ids(
        database_urls["welfaretech"],
        town,
        """SELECT a.id FROM assessments a ORDER BY
                  EXISTS (SELECT 1 FROM legal_decisions g WHERE g.assessment_id = a.id) DESC,
                  a.id LIMIT 8""",
    )

    def app(service: str, create: Any, settings: Any) -> Any:
        return open_client(create(settings(**settings_kwargs(service, database_urls, signing_key))))

    async for coordination in app("coordination", create_coordination, CoordinationSettings):
        for plan_id, sub in plans:
            headers = auth(token_factory("koordinator", municipality=town, sub=sub))
            response = await coordination.get(
                f"/api/coordination/v1/plans/{plan_id}", headers=headers
            )
            assert response.status_code == 200, response.text
            assert await _items(
                coordination, f"/api/coordination/v1/plans/{plan_id}/versions", headers
            )
            await _items(coordination, "/api/coordination/v1/worklist", headers)
        headers = auth(token_factory("koordinator", municipality=town))
        for status in ("received", "assessed"):
            # a small municipality may have an empty inbox this day: the page holds what is there
            stored = await _ids(
                database_urls["coordination"],
                town,
                f"SELECT id FROM coordination_requests WHERE status = '{status}'",
            )
            listed = await _items(
                coordination, "/api/coordination/v1/requests", headers, status=status, limit=200
            )
            assert {item["id"] for item in listed} == {str(i) for i in stored} or (
                len(listed) == 200 and {item["id"] for item in listed} <= {str(i) for i in stored}
            )
        assert stored, "some requests were assessed"
    async for welfaretech in app("welfaretech", create_welfaretech, WelfaretechSettings):
        headers = auth(token_factory("velferdsteknolog", municipality=town))
        loans: list[Any] = []
        cursor = None
        while True:
            params: dict[str, Any] = {"limit": 200, **({"cursor": cursor} if cursor else {})}
            response = await welfaretech.get(
                "/api/welfaretech/v1/loans", params=params, headers=headers
            )
            assert response.status_code == 200, response.text
            loans += response.json()["items"]
            if not (cursor := response.json()["next_cursor"]):
                break
        for assessment_id in assessments:
            response = await welfaretech.get(
                f"/api/welfaretech/v1/assessments/{assessment_id}", headers=headers
            )
            assert response.status_code == 200, response.text
        referrals = await _items(welfaretech, "/api/welfaretech/v1/referrals", headers)
        dashboard = await welfaretech.get("/api/welfaretech/v1/benefits/dashboard", headers=headers)
        assert len(loans) == generated["welfaretech.loans"] and referrals
        assert dashboard.status_code == 200, dashboard.text
    async for quality in app("quality", create_quality, QualitySettings):
        lead = auth(token_factory("kvalitetsleder", municipality=town))
        leader = auth(token_factory("leder", municipality=town, units=sorted(units)))
        queue = await _items(quality, "/api/quality/v1/deviations/queue", leader)
        statistics = await quality.get(
            "/api/quality/v1/statistics",
            params={"first": TODAY.replace(year=TODAY.year - 5), "last": TODAY},
            headers=lead,
        )
        for deviation_id in deviations:
            response = await quality.get(f"/api/quality/v1/deviations/{deviation_id}", headers=lead)
            assert response.status_code == 200, response.text
        assert queue and statistics.status_code == 200, statistics.text


async def test_the_statistics_counted_in_postgresql_are_those_of_every_deviation_counted_by_hand(
    generated: dict[str, int],
    database_urls: dict[str, str],
    signing_key: SigningKey,
    token_factory: Callable[..., str],
    town: str,
) -> None:
    """The statistics page's figures over the generated register (grouping sets and a
    percentile in SQL) equal the same figures counted here, row by row."""
    first, last = date(TODAY.year - 3, 3, 1), TODAY
    rows = await _rows(
        database_urls["quality"],
        town,
        f"""SELECT reported_on, unit, category, consequence, probability, status, is_serious,
                   closed_on FROM deviations
             WHERE reported_on BETWEEN '{first.isoformat()}' AND '{last.isoformat()}'""",
    )
    settings = QualitySettings(**settings_kwargs("quality", database_urls, signing_key))
    lead = auth(token_factory("kvalitetsleder", municipality=town))
    async for quality in open_client(create_quality(settings)):
        response = await quality.get(
            "/api/quality/v1/statistics", params={"first": first, "last": last}, headers=lead
        )
    stats = response.json()

    def month(day: date) -> str:
        return f"{day.year:04d}-{day.month:02d}"

    def counted(body: list[dict[str, Any]]) -> dict[str, int]:
        return {c["key"]: c["count"] for c in body if c["count"]}

    levels = [level_of(r.consequence * r.probability).value for r in rows]
    days = [(r.closed_on - r.reported_on).days for r in rows if r.closed_on is not None]
    assert response.status_code == 200, response.text
    assert len(rows) > 100 and days
    assert stats["total"] == len(rows)
    assert stats["serious"] == sum(r.is_serious for r in rows)
    assert stats["open"] == sum(r.status != "closed" for r in rows)
    assert stats["median_days_to_close"] == float(median(days))
    assert counted(stats["by_category"]) == Counter(r.category for r in rows)
    assert counted(stats["by_unit"]) == Counter(r.unit for r in rows)
    assert counted(stats["by_status"]) == Counter(r.status for r in rows)
    assert counted(stats["by_risk_level"]) == Counter(levels)
    assert {
        (c["consequence"], c["probability"]): c["count"] for c in stats["heat_map"] if c["count"]
    } == Counter((r.consequence, r.probability) for r in rows)
    assert {p["period"]: (p["count"], p["serious"], p["high_risk"]) for p in stats["trend"]} == {
        m: (
            sum(month(r.reported_on) == m for r in rows),
            sum(month(r.reported_on) == m and r.is_serious for r in rows),
            sum(
                month(r.reported_on) == m and lvl == "high"
                for r, lvl in zip(rows, levels, strict=True)
            ),
        )
        for m in {p["period"] for p in stats["trend"]}
    }
    assert len(stats["trend"]) == (last.year - first.year) * 12 + last.month - first.month + 1
