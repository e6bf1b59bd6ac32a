"""Reacting to intake over real HTTP: a decision made in intake becomes a measure to confirm,
an ended one ends it, a replay changes nothing, two units suggest a request; when intake is
down the plan still opens with its decisions marked unavailable, and while intake is slow
the plan's reader holds no database connection. The municipality's
need-to-know window and the emergency accesses set in intake decide who reads a person here."""

import uuid
from collections.abc import AsyncIterator, Callable
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from dev.testing import HeldUpstream, RunningServer, open_client, tenant_connection
from services.coordination.app import create_app
from services.coordination.flows import feed
from services.coordination.models import FeedCursor, ProcessedEvent
from services.coordination.tests.conftest import (
    API,
    INTAKE,
    OTHER_UNIT,
    UNIT,
    consent,
    coordination_settings,
    goal,
    person_with_plan,
    register_person,
    save,
)
from shared.clock import today_in_norway
from shared.db import set_tenant
from shared.feed import FeedConsumer
from shared.schemas.intake import DecisionEnded, DecisionMade, Outcome


class SignedTokens:
    def __init__(self, token_factory: Callable[..., str]) -> None:
        self.token_factory = token_factory

    async def token(self, municipality: str) -> str:
        return self.token_factory("systemintegrasjon", municipality=municipality)


@pytest.fixture
async def consumer(
    client: httpx.AsyncClient,
    intake_server: RunningServer,
    token_factory: Callable[..., str],
    municipality: str,
) -> AsyncIterator[FeedConsumer]:
    app = client._transport.app  # type: ignore[attr-defined]
    async with httpx.AsyncClient(timeout=5) as http:
        yield FeedConsumer(
            source="intake",
            base_url=intake_server.url,
            municipalities=[municipality],
            tokens=SignedTokens(token_factory),
            sessionmaker=app.state.sessionmaker,
            cursor_model=FeedCursor,
            processed_model=ProcessedEvent,
            handle=feed.handler(app.state.outbox),
            http=http,
        )


async def publish(
    server: RunningServer, municipality: str, payload: Any, subject: uuid.UUID
) -> None:
    """The event as intake's own outbox writes it when a decision is made or ends."""
    app = server.app
    async with app.state.sessionmaker() as session, session.begin():
        await set_tenant(session, municipality)
        await app.state.outbox.record(session, payload, subject=subject)


def made(person_id: str, unit: str = UNIT, **overrides: Any) -> DecisionMade:
    fields: dict[str, Any] = {
        "person_id": uuid.UUID(person_id),
        "service_type": "hjemmesykepleie",
        "outcome": Outcome.granted,
        "unit": unit,
        "starts_on": date.today(),
        "ends_on": None,
        "replaces_id": None,
        **overrides,
    }
    return DecisionMade(**fields)


async def active_plan(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
) -> tuple[dict[str, Any], dict[str, Any]]:
    person, plan = await person_with_plan(client, intake, caseworker, coordinator)
    plan = (await save(client, coordinator, plan, goals=[goal("Bo hjemme")])).json()
    await consent(client, coordinator, plan["id"])
    response = await client.post(
        f"{API}/plans/{plan['id']}/activate",
        headers={**coordinator, "If-Match": f'"{plan["version"]}"'},
    )
    return person, response.json()


async def test_a_decision_made_in_intake_becomes_a_measure_to_confirm_once(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    intake_server: RunningServer,
    consumer: FeedConsumer,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
    municipality: str,
    database_urls: dict[str, str],
) -> None:
    person, plan = await active_plan(client, intake, caseworker, coordinator)
    decision_id = uuid.uuid4()
    await publish(intake_server, municipality, made(person["id"]), decision_id)

    handled = await consumer.catch_up(municipality)
    async with tenant_connection(database_urls["coordination"], municipality) as connection:
        await connection.execute(text("UPDATE feed_cursors SET position = 0"))
    replayed = await consumer.catch_up(municipality)

    read = (await client.get(f"{API}/plans/{plan['id']}", headers=coordinator)).json()
    assert (handled, replayed) == (2, 0)  # person.registered and decision.made; then nothing
    assert [(m["decision_id"], m["status"], m["responsible"]) for m in read["measures"]] == [
        (str(decision_id), "to_confirm", UNIT)
    ]
    assert read["version"] == plan["version"] + 1
    assert consumer.readiness()[municipality]["events_behind"] == 0


async def test_a_decision_ended_in_intake_ends_its_measure(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    intake_server: RunningServer,
    consumer: FeedConsumer,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
    municipality: str,
) -> None:
    person, plan = await active_plan(client, intake, caseworker, coordinator)
    decision_id = uuid.uuid4()
    await publish(intake_server, municipality, made(person["id"]), decision_id)
    ended = DecisionEnded(
        person_id=uuid.UUID(person["id"]), service_type="hjemmesykepleie", unit=UNIT
    )
    await publish(intake_server, municipality, ended, decision_id)

    await consumer.catch_up(municipality)

    read = (await client.get(f"{API}/plans/{plan['id']}", headers=coordinator)).json()
    assert [m["status"] for m in read["measures"]] == ["ended"]


async def test_a_unit_with_a_decision_but_no_primary_contact_is_asked_to_name_one(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    intake_server: RunningServer,
    consumer: FeedConsumer,
    caseworker: dict[str, str],
    leader: dict[str, str],
    municipality: str,
) -> None:
    person = await register_person(intake, caseworker)
    await publish(intake_server, municipality, made(person["id"]), uuid.uuid4())
    await consumer.catch_up(municipality)

    before = (await client.get(f"{API}/worklist", headers=leader)).json()
    named = await client.post(
        f"{API}/persons/{person['id']}/primary-contacts",
        json={
            "unit": UNIT,
            "employee_name": "Aisha Rahman",
            "employee_sub": "nurse-1",
            "from_date": str(date.today()),
        },
        headers=leader,
    )
    after = (await client.get(f"{API}/worklist", headers=leader)).json()

    assert [(i["kind"], i["unit"]) for i in before] == [("missing_primary_contact", UNIT)]
    assert named.status_code == 201
    assert after == []


async def test_long_term_services_from_two_units_suggest_a_request_once(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    intake_server: RunningServer,
    consumer: FeedConsumer,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
    municipality: str,
) -> None:
    person = await register_person(intake, caseworker)
    short = made(person["id"], OTHER_UNIT, ends_on=date.today() + timedelta(days=14))
    await publish(intake_server, municipality, made(person["id"]), uuid.uuid4())
    await publish(intake_server, municipality, short, uuid.uuid4())
    await consumer.catch_up(municipality)
    nothing_yet = (await client.get(f"{API}/requests", headers=coordinator)).json()["items"]

    await publish(intake_server, municipality, made(person["id"], OTHER_UNIT), uuid.uuid4())
    await publish(intake_server, municipality, made(person["id"], "tredje-enhet"), uuid.uuid4())
    await consumer.catch_up(municipality)

    inbox = (await client.get(f"{API}/requests", headers=coordinator)).json()["items"]
    assert nothing_yet == []
    assert [(r["source"], r["units"]) for r in inbox] == [("system", sorted([UNIT, OTHER_UNIT]))]


async def test_when_intake_is_down_the_plan_still_opens_with_decisions_unavailable(
    client: httpx.AsyncClient,
    client_without_intake: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
) -> None:
    _, plan = await person_with_plan(client, intake, caseworker, coordinator)

    up = await client.get(f"{API}/plans/{plan['id']}", headers=coordinator)
    down = await client_without_intake.get(f"{API}/plans/{plan['id']}", headers=coordinator)

    assert up.json()["decisions"] == {"available": True, "detail": None, "items": []}
    assert down.status_code == 200
    assert down.json()["decisions"]["available"] is False
    assert down.json()["service_names"] == {}
    assert down.json()["goals"] == up.json()["goals"]


async def test_while_intake_is_slow_opening_a_plan_holds_no_database_connection(
    database_urls: dict[str, str],
    signing_key: Any,
    intake_server: RunningServer,
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
) -> None:
    """Intake behind a hop that holds each request until the test lets it on: while the
    plan's reader waits for intake's decisions, coordination's pool has nothing checked out
    (a slow intake must not run the pool dry), and the answer still carries the decisions."""
    _, plan = await person_with_plan(client, intake, caseworker, coordinator)

    async with HeldUpstream(intake_server.url) as slow_intake:
        app = create_app(coordination_settings(database_urls, signing_key, slow_intake.url))
        async for http in open_client(app):
            held_while_waiting, answer = await slow_intake.held_while(
                app, http, f"{API}/plans/{plan['id']}", coordinator
            )

    assert held_while_waiting == 0
    assert answer.status_code == 200
    assert answer.json()["decisions"]["available"] is True


async def test_readiness_shows_how_far_behind_the_intake_feed_is(
    database_urls: dict[str, str], signing_key: Any, municipality: str
) -> None:
    from dev.testing import open_client, settings_kwargs
    from services.coordination.app import create_app
    from services.coordination.settings import CoordinationSettings

    settings = CoordinationSettings(
        **settings_kwargs("coordination", database_urls, signing_key),
        feed_enabled=False,
        feed_municipalities=[municipality],
        feed_token_url="http://127.0.0.1:9/token",
        feed_usernames={municipality: "systemintegrasjon-test"},
    )
    async for http in open_client(create_app(settings)):
        ready = (await http.get("/api/coordination/health/ready")).json()

    assert set(ready["feeds"]["intake"][municipality]) >= {
        "events_behind",
        "seconds_since_last_read",
    }


async def test_the_municipality_s_window_from_intake_decides_when_a_unit_loses_the_person(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    intake_server: RunningServer,
    consumer: FeedConsumer,
    caseworker: dict[str, str],
    nurse: dict[str, str],
    headers_for: Callable[..., dict[str, str]],
    today_is: Callable[[date], None],
    municipality: str,
    database_urls: dict[str, str],
) -> None:
    today = today_in_norway()
    person = await register_person(intake, caseworker)
    decision_id = uuid.uuid4()
    started = made(person["id"], starts_on=today - timedelta(days=10))
    await publish(intake_server, municipality, started, decision_id)
    ended = DecisionEnded(
        person_id=uuid.UUID(person["id"]), service_type="hjemmesykepleie", unit=UNIT
    )
    await publish(intake_server, municipality, ended, decision_id)  # ends today
    await consumer.catch_up(municipality)
    url = f"{API}/persons/{person['id']}/coordinators"

    async def reads_on(day: date) -> int:
        today_is(day)
        return (await client.get(url, headers=nurse)).status_code

    by_default = await reads_on(today + timedelta(days=1))  # Mestring's 30 days
    saved = await intake.put(
        f"{INTAKE}/settings",
        json={"four_eyes": False, "need_to_know_days_after_end": 0},
        headers={**headers_for("admin"), "If-Match": '"0"'},
    )
    await consumer.catch_up(municipality)
    last_day = await reads_on(today)
    day_after = await reads_on(today + timedelta(days=1))
    async with tenant_connection(database_urls["coordination"], municipality) as connection:
        await connection.execute(text("UPDATE feed_cursors SET position = 0"))
    replayed = await consumer.catch_up(municipality)
    still_out = await reads_on(today + timedelta(days=1))

    assert saved.status_code == 200, saved.text
    assert by_default == 200
    assert (last_day, day_after) == (200, 403)
    assert (replayed, still_out) == (0, 403)


async def test_an_emergency_access_opened_in_intake_opens_the_person_here_until_it_lapses(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    intake_server: RunningServer,
    consumer: FeedConsumer,
    caseworker: dict[str, str],
    nurse: dict[str, str],
    municipality: str,
    database_urls: dict[str, str],
) -> None:
    person = await register_person(intake, caseworker)
    await publish(intake_server, municipality, made(person["id"], OTHER_UNIT), uuid.uuid4())
    await consumer.catch_up(municipality)
    url = f"{API}/persons/{person['id']}/coordinators"

    before = await client.get(url, headers=nurse)
    opened = await intake.post(
        f"{INTAKE}/persons/{person['id']}/emergency-access",
        json={"category": "acute_help", "reason": "Funnet falt i gangen, trenger oversikt nå"},
        headers=nurse,
    )
    await consumer.catch_up(municipality)
    during = await client.get(url, headers=nurse)
    async with tenant_connection(database_urls["coordination"], municipality) as connection:
        reasons = (
            (
                await connection.execute(
                    text(
                        "SELECT reason FROM access_log WHERE actor = 'nurse-1' AND action = 'read' "
                        "AND resource = 'coordinator_assignment'"
                    )
                )
            )
            .scalars()
            .all()
        )
        # Four hours later it lapses here as in intake.
        await connection.execute(
            text("UPDATE emergency_accesses SET valid_until = now() - interval '1 second'")
        )
    after = await client.get(url, headers=nurse)

    assert before.status_code == 403
    assert opened.status_code == 201, opened.text
    assert during.status_code == 200, during.text
    assert reasons == [f"NØDTILGANG (acute_help): nødtilgang {opened.json()['id']} i inntak"]
    assert after.status_code == 403


async def test_the_worklist_and_overview_ask_intake_for_names_once_and_hold_no_connection(
    database_urls: dict[str, str],
    signing_key: Any,
    intake_server: RunningServer,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    headers_for: Callable[..., dict[str, str]],
    municipality: str,
) -> None:
    """Three persons with services from two units and no koordinator: the leader's worklist
    and overview name them through intake's person lookup, one call each, not one call per
    person; while intake holds its answer, coordination's pool has nothing checked out."""
    persons = [(await register_person(intake, caseworker))["id"] for _ in range(3)]
    async with tenant_connection(database_urls["coordination"], municipality) as connection:
        for person_id in persons:
            for unit in (UNIT, OTHER_UNIT):
                await connection.execute(
                    text(
                        "INSERT INTO person_services (decision_id, person_id, service_type,"
                        " unit, starts_on) VALUES (gen_random_uuid(), :person,"
                        " 'hjemmesykepleie', :unit, current_date - 30)"
                    ),
                    {"person": person_id, "unit": unit},
                )
    leader = headers_for("leder", units=[UNIT], sub="leader-names", name="Kari Nordby")
    held: list[int] = []
    answers: list[httpx.Response] = []
    async with HeldUpstream(intake_server.url) as slow_intake:
        app = create_app(coordination_settings(database_urls, signing_key, slow_intake.url))
        async for http in open_client(app):
            for path in ("/worklist", "/overview"):
                checked_out, answer = await slow_intake.held_while(
                    app, http, f"{API}{path}", leader
                )
                held.append(checked_out)
                answers.append(answer)
    calls = slow_intake.calls

    assert held == [0, 0]
    assert [a.status_code for a in answers] == [200, 200], [a.text for a in answers]
    assert calls == ["POST /api/intake/v1/person-lookups"] * 2
    worklist, overview = answers[0].json(), answers[1].json()
    named = {i["person_id"]: i["person_name"] for i in worklist if i["person_id"] in persons}
    assert named == dict.fromkeys(persons, "Åse Ødegård")
    without = {p["person_id"]: p["person_name"] for p in overview["without_coordinator"]}
    assert {p: without.get(p) for p in persons} == dict.fromkeys(persons, "Åse Ødegård")
