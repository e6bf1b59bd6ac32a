"""Referrals: from intake's screening over its feed (idempotently), or direct; a referral's
unit keeps its need to know for the municipality's window after it is closed, and an emergency
access opened in intake opens the person here too, both told by intake's feed."""

from collections.abc import AsyncIterator, Callable
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from dev.testing import RunningServer, auth, tenant_connection
from services.welfaretech.flows.referrals import handle_intake_event
from services.welfaretech.models import FeedCursor, ProcessedEvent
from services.welfaretech.tests.conftest import API, INTAKE, UNIT, assessment_body
from shared.clock import today_in_norway
from shared.db import create_engine, create_sessionmaker
from shared.feed import FeedConsumer
from shared.need_to_know import RELATION_WINDOW


async def test_a_direct_referral_names_the_person_from_intake(
    client: httpx.AsyncClient, person: dict[str, Any], headers_for: Callable[..., dict[str, str]]
) -> None:
    clinician = headers_for("velferdsteknolog", units=["hjemmetjenesten-ski"])

    response = await client.post(
        f"{API}/referrals",
        json={"person_id": person["id"], "requested": ["safety_alarm"], "note": "Falt to ganger"},
        headers=clinician,
    )

    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["person_name"], body["source"], body["status"]) == (
        "Åse Ødegård",
        "direct",
        "open",
    )
    detail = await client.get(f"{API}/referrals/{body['id']}", headers=clinician)
    assert detail.json()["person"]["national_id_masked"].endswith("*****")


async def test_a_person_intake_does_not_know_is_404(
    client: httpx.AsyncClient, team: dict[str, str]
) -> None:
    response = await client.post(
        f"{API}/referrals",
        json={"person_id": "00000000-0000-4000-8000-000000000000"},
        headers=team,
    )

    assert response.status_code == 404


async def test_intake_down_is_503_and_nothing_is_written(
    client: httpx.AsyncClient,
    person: dict[str, Any],
    team: dict[str, str],
    intake_server: RunningServer,
) -> None:
    await intake_server.stop()
    try:
        response = await client.post(
            f"{API}/referrals", json={"person_id": person["id"]}, headers=team
        )
    finally:
        await intake_server.start()

    assert response.status_code == 503
    assert response.json()["service"] == "intake"
    inbox = await client.get(f"{API}/referrals", headers=team)
    assert inbox.json()["items"] == []


async def test_a_retried_referral_with_its_key_is_made_once(
    client: httpx.AsyncClient, person: dict[str, Any], team: dict[str, str]
) -> None:
    headers = {**team, "Idempotency-Key": "tablet-1"}
    body = {"person_id": person["id"]}

    first = await client.post(f"{API}/referrals", json=body, headers=headers)
    again = await client.post(f"{API}/referrals", json=body, headers=headers)

    assert first.json()["id"] == again.json()["id"]
    assert len((await client.get(f"{API}/referrals", headers=team)).json()["items"]) == 1


class SignedTokens:
    def __init__(self, token_factory: Callable[..., str]) -> None:
        self.token_factory = token_factory

    async def token(self, municipality: str) -> str:
        return self.token_factory("systemintegrasjon", municipality=municipality)


@pytest.fixture
async def consumer(
    database_urls: dict[str, str],
    token_factory: Callable[..., str],
    intake_server: RunningServer,
    municipality: str,
) -> AsyncIterator[FeedConsumer]:
    """The welfaretech service's own consumer of intake's feed, reading over real HTTP."""
    engine = create_engine(database_urls["welfaretech"])
    async with httpx.AsyncClient(timeout=5) as http:
        yield FeedConsumer(
            source="intake",
            base_url=intake_server.url,
            municipalities=[municipality],
            tokens=SignedTokens(token_factory),
            sessionmaker=create_sessionmaker(engine),
            cursor_model=FeedCursor,
            processed_model=ProcessedEvent,
            handle=handle_intake_event,
            http=http,
            batch=3,
        )
    await engine.dispose()


async def screened_assessment_in_intake(
    intake: RunningServer,
    catalogue: RunningServer,
    person: dict[str, Any],
    headers_for: Callable[..., dict[str, str]],
) -> None:
    """The allocation office assesses an application and the screening points to technology."""
    caseworker = headers_for("saksbehandler")
    admin = headers_for("admin")
    async with httpx.AsyncClient(base_url=catalogue.url) as http:
        level = {"code": "2", "rank": 2, "name": {"nb": "Tidlig"}, "description": {"nb": "T"}}
        await http.post("/api/catalogue/v1/care-levels", json=level, headers=admin)
        service = {
            "code": "trygghetsalarm",
            "care_level": "2",
            "name": {"nb": "Trygghetsalarm"},
            "description": {"nb": "Trygghetsalarm"},
            "scope_unit": "none",
            "requires_decision": True,
            "user_fee": {"kind": "none"},
            "active_from": "2020-01-01",
            "legal_basis": [
                {
                    "law": "helse- og omsorgstjenesteloven",
                    "short": "hol",
                    "section": "§ 3-1",
                }
            ],
            "criteria": {
                "effective_from": "2024-01-01",
                "text": {"nb": "Kriterier."},
                "conditions": [],
                "source": "Test",
            },
        }
        created = await http.post("/api/catalogue/v1/service-types", json=service, headers=admin)
        assert created.status_code == 201, created.text
    async with httpx.AsyncClient(base_url=intake.url) as http:
        application = await http.post(
            f"{INTAKE}/applications",
            json={
                "person_id": person["id"],
                "channel": "phone",
                "received_on": "2026-03-10",
                "applicant_kind": "self",
                "services": [{"service_type": "trygghetsalarm"}],
                "consent_to_obtain_information": True,
            },
            headers=caseworker,
        )
        assert application.status_code == 201, application.text
        variables = (await http.get(f"{INTAKE}/functional-variables", headers=caseworker)).json()
        scores = {v["code"]: (2 if v["group"] == "sensory" else 3) for v in variables}
        assessment = await http.post(
            f"{INTAKE}/applications/{application.json()['id']}/assessments",
            json={
                "what_matters": [{"text": "Bo hjemme", "priority": 1}],
                "assessed_on": "2026-03-16",
                "place": "home",
                "scores": scores,
                "welfare_technology": {"positive": True, "needs": ["safety_alarm", "fall_sensor"]},
                "fall_risk": "high",
                "rehabilitation_potential": "no",
                "nutrition_risk": "none",
            },
            headers=caseworker,
        )
        assert assessment.status_code == 201, assessment.text


async def test_an_intake_assessment_with_screening_becomes_one_referral_even_read_twice(
    client: httpx.AsyncClient,
    consumer: FeedConsumer,
    intake_server: RunningServer,
    catalogue_server: RunningServer,
    person: dict[str, Any],
    headers_for: Callable[..., dict[str, str]],
    team: dict[str, str],
    municipality: str,
    database_urls: dict[str, str],
) -> None:
    await screened_assessment_in_intake(intake_server, catalogue_server, person, headers_for)

    await consumer.catch_up(municipality)
    async with tenant_connection(database_urls["welfaretech"], municipality) as connection:
        await connection.execute(text("UPDATE feed_cursors SET position = 0"))
    await consumer.catch_up(municipality)

    inbox = (await client.get(f"{API}/referrals", headers=team)).json()["items"]
    assert len(inbox) == 1
    referral = inbox[0]
    assert referral["source"] == "intake_screening"
    assert referral["person_id"] == person["id"]
    assert referral["requested"] == ["safety_alarm", "fall_sensor"]
    assert (referral["person_name"], referral["person_name_available"]) == ("Åse Ødegård", True)
    await intake_server.stop()
    try:  # intake down: the inbox still loads; a referral from the feed has no stored name
        down = await client.get(f"{API}/referrals", headers=team)
    finally:
        await intake_server.start()
    assert down.status_code == 200, down.text
    assert [(i["person_name"], i["person_name_available"]) for i in down.json()["items"]] == [
        (None, False)
    ]
    opened = await client.get(f"{API}/referrals/{referral['id']}", headers=team)
    assert opened.json()["person_name"] == "Åse Ødegård"


async def test_a_clinician_sees_only_their_units_referrals(
    client: httpx.AsyncClient,
    person: dict[str, Any],
    team: dict[str, str],
    headers_for: Callable[..., dict[str, str]],
) -> None:
    made = await client.post(
        f"{API}/referrals",
        json={"person_id": person["id"], "unit": "hjemmetjenesten-ski"},
        headers=team,
    )
    other = headers_for("helsepersonell", units=["hjemmetjenesten-kolbotn"])

    inbox = await client.get(f"{API}/referrals", headers=other)
    opened = await client.get(f"{API}/referrals/{made.json()['id']}", headers=other)

    assert inbox.json()["items"] == []
    assert opened.status_code == 403


async def test_a_clinician_refers_only_on_behalf_of_their_own_unit(
    client: httpx.AsyncClient,
    person: dict[str, Any],
    headers_for: Callable[..., dict[str, str]],
) -> None:
    kolbotn = headers_for("helsepersonell", units=["hjemmetjenesten-kolbotn"])

    response = await client.post(
        f"{API}/referrals",
        json={"person_id": person["id"], "unit": "hjemmetjenesten-ski"},
        headers=kolbotn,
    )

    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert "body.unit" in response.text


async def test_without_a_token_the_inbox_is_401(client: httpx.AsyncClient) -> None:
    response = await client.get(f"{API}/referrals", headers=auth("not-a-token"))

    assert response.status_code == 401


async def test_the_inbox_lists_are_in_the_access_log(
    client: httpx.AsyncClient,
    person: dict[str, Any],
    team: dict[str, str],
    database_urls: dict[str, str],
    municipality: str,
) -> None:
    made = await client.post(f"{API}/referrals", json={"person_id": person["id"]}, headers=team)

    await client.get(f"{API}/referrals", headers=team)

    async with tenant_connection(database_urls["welfaretech"], municipality) as connection:
        rows = (
            await connection.execute(
                text(
                    "SELECT action FROM access_log WHERE resource = 'referral' "
                    "AND resource_id = :id ORDER BY sequence"
                ),
                {"id": made.json()["id"]},
            )
        ).scalars()
        assert list(rows) == ["create", "search"]


async def test_a_closed_referral_keeps_its_unit_only_for_the_municipality_s_window(
    client: httpx.AsyncClient,
    consumer: FeedConsumer,
    intake_server: RunningServer,
    person: dict[str, Any],
    team: dict[str, str],
    headers_for: Callable[..., dict[str, str]],
    today_is: Callable[[date], None],
    municipality: str,
    database_urls: dict[str, str],
) -> None:
    today = today_in_norway()
    nurse = headers_for("helsepersonell", units=[UNIT], sub="sykepleier-henvisning")
    made = await client.post(
        f"{API}/referrals",
        json={
            "person_id": person["id"],
            "unit": UNIT,
            "received_on": str(today - timedelta(days=10)),
        },
        headers=team,
    )
    today_is(today)
    closed = await client.post(f"{API}/referrals/{made.json()['id']}/close", headers=team)
    url = f"{API}/persons/{person['id']}/assessments"

    async def reads_on(day: date) -> int:
        today_is(day)
        return (await client.get(url, headers=nurse)).status_code

    before = await reads_on(today - timedelta(days=11))
    by_default = await reads_on(today + timedelta(days=RELATION_WINDOW.days_after_end - 1))
    async with httpx.AsyncClient(base_url=intake_server.url) as intake:
        saved = await intake.put(
            f"{INTAKE}/settings",
            json={"four_eyes": False, "need_to_know_days_after_end": 0},
            headers={**headers_for("admin"), "If-Match": '"0"'},
        )
    await consumer.catch_up(municipality)
    last_day = await reads_on(today)
    day_after = await reads_on(today + timedelta(days=1))
    async with tenant_connection(database_urls["welfaretech"], municipality) as connection:
        await connection.execute(text("UPDATE feed_cursors SET position = 0"))
    replayed = await consumer.catch_up(municipality)

    assert closed.status_code == 200, closed.text
    assert saved.status_code == 200, saved.text
    assert (before, by_default) == (403, 200)
    assert (last_day, day_after) == (200, 403)
    assert (replayed, await reads_on(today + timedelta(days=1))) == (0, 403)


async def test_an_emergency_access_opened_in_intake_opens_the_person_here_until_it_lapses(
    client: httpx.AsyncClient,
    consumer: FeedConsumer,
    intake_server: RunningServer,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    headers_for: Callable[..., dict[str, str]],
    municipality: str,
    database_urls: dict[str, str],
) -> None:
    nurse = headers_for("helsepersonell", units=[UNIT], sub="sykepleier-blalys")
    assessed = await client.post(
        f"{API}/assessments",
        json=assessment_body(person["id"], unit="hjemmetjenesten-kolbotn"),
        headers=team,
    )
    assert assessed.status_code == 201, assessed.text
    url = f"{API}/persons/{person['id']}/assessments"

    before = await client.get(url, headers=nurse)
    async with httpx.AsyncClient(base_url=intake_server.url) as intake:
        opened = await intake.post(
            f"{INTAKE}/persons/{person['id']}/emergency-access",
            json={"category": "acute_help", "reason": "Alarmen gikk, trenger oversikt over utstyr"},
            headers=nurse,
        )
    await consumer.catch_up(municipality)
    during = await client.get(url, headers=nurse)
    async with tenant_connection(database_urls["welfaretech"], municipality) as connection:
        reasons = (
            (
                await connection.execute(
                    text(
                        "SELECT reason FROM access_log WHERE actor = 'sykepleier-blalys' "
                        "AND action = 'read' AND resource = 'assessment'"
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
    assert [a["id"] for a in during.json()] == [assessed.json()["id"]]
    assert reasons == [f"NØDTILGANG (acute_help): nødtilgang {opened.json()['id']} i inntak"]
    assert after.status_code == 403
