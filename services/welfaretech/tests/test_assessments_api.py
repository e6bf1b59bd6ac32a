"""Assessments, the recommendations the rules propose, acceptance, and the § 4-6 a decision."""

from collections.abc import Callable
from datetime import date
from typing import Any

import httpx
from sqlalchemy import text

from dev.testing import RunningServer, auth, tenant_connection
from services.welfaretech.tests.conftest import (
    API,
    CONDITIONS,
    REFLECTION,
    accept,
    assess,
    assessment_body,
    recommended,
)


async def test_an_assessment_gets_recommendations_with_reasons_and_what_they_may_replace(
    client: httpx.AsyncClient, catalogue: list[str], person: dict[str, Any], team: dict[str, str]
) -> None:
    assessment = await assess(client, team, person["id"])

    codes = [r["technology"]["code"] for r in assessment["recommendations"]]
    assert codes == ["trygghetsalarm", "fallsensor"]
    alarm = recommended(assessment, "trygghetsalarm")
    assert alarm["reasons"] == ["fall-alarm"]
    assert alarm["may_replace"] == ["planned_supervision_visits", "home_care_phone_calls"]
    assert alarm["sources"][0].startswith("Nasjonalt velferdsteknologiprogram")
    assert (alarm["status"], alarm["may_activate"]) == ("proposed", False)


async def test_a_referral_is_assessed_and_the_event_published(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    database_urls: dict[str, str],
    municipality: str,
) -> None:
    referral = (
        await client.post(f"{API}/referrals", json={"person_id": person["id"]}, headers=team)
    ).json()

    await assess(client, team, None, referral_id=referral["id"])  # type: ignore[arg-type]

    again = await client.get(f"{API}/referrals/{referral['id']}", headers=team)
    assert again.json()["status"] == "assessed"
    async with tenant_connection(database_urls["welfaretech"], municipality) as connection:
        types = (await connection.execute(text("SELECT type FROM events"))).scalars().all()
    assert "wt_assessment.completed" in types


async def test_without_capacity_the_ethical_reflection_is_required(
    client: httpx.AsyncClient, catalogue: list[str], person: dict[str, Any], team: dict[str, str]
) -> None:
    body = assessment_body(person["id"], consent_capacity="no", consent_given=None)

    response = await client.post(f"{API}/assessments", json=body, headers=team)

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.ethical_reflection"


async def test_the_reflection_is_recorded_step_by_step(
    client: httpx.AsyncClient, catalogue: list[str], person: dict[str, Any], team: dict[str, str]
) -> None:
    assessment = await assess(
        client,
        team,
        person["id"],
        consent_capacity="no",
        consent_given=None,
        needs=["wandering"],
        ethical_reflection=REFLECTION,
    )

    assert assessment["ethical_reflection"]["dilemma"].startswith("Frihet")
    gps = recommended(assessment, "gps-klokke")
    assert gps["needs_legal_decision"] is True
    assert "4-6 a" in gps["blocked_because"]


async def test_a_half_reflection_is_422(
    client: httpx.AsyncClient, person: dict[str, Any], team: dict[str, str]
) -> None:
    half = {k: v for k, v in REFLECTION.items() if k != "follow_up"}
    body = assessment_body(
        person["id"], consent_capacity="unclear", consent_given=None, ethical_reflection=half
    )

    response = await client.post(f"{API}/assessments", json=body, headers=team)

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.ethical_reflection.follow_up"


async def test_the_legal_decision_documents_each_condition_and_lifts_the_block(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    today_is: Callable[[Any], None],
) -> None:
    from datetime import date

    today_is(date(2026, 3, 20))
    assessment = await assess(
        client,
        team,
        person["id"],
        consent_capacity="no",
        consent_given=None,
        needs=["wandering"],
        ethical_reflection=REFLECTION,
    )
    gps = await accept(client, team, recommended(assessment, "gps-klokke"), trial_weeks=8)
    decision = {
        "kinds": ["location_technology"],
        "conditions": CONDITIONS,
        "person_does_not_resist": True,
        "decided_on": "2026-03-16",
        "valid_from": "2026-03-16",
        "valid_until": "2027-03-15",
    }

    response = await client.post(
        f"{API}/assessments/{assessment['id']}/legal-decisions", json=decision, headers=team
    )

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["legal_decisions"][0]["law"] == "pasient- og brukerrettighetsloven § 4-6 a"
    assert recommended(body, "gps-klokke")["may_activate"] is True
    assert gps["trial_evaluation_on"] == "2026-05-11"


async def test_a_decision_missing_a_condition_or_against_resistance_is_422(
    client: httpx.AsyncClient, catalogue: list[str], person: dict[str, Any], team: dict[str, str]
) -> None:
    assessment = await assess(
        client,
        team,
        person["id"],
        consent_capacity="no",
        consent_given=None,
        needs=["wandering"],
        ethical_reflection=REFLECTION,
    )
    url = f"{API}/assessments/{assessment['id']}/legal-decisions"
    decision = {
        "kinds": ["location_technology"],
        "conditions": {**CONDITIONS, "relatives_heard": ""},
        "person_does_not_resist": True,
        "decided_on": "2026-03-16",
        "valid_from": "2026-03-16",
        "valid_until": "2026-09-16",
    }

    missing = await client.post(url, json=decision, headers=team)
    resists = await client.post(
        url,
        json={**decision, "conditions": CONDITIONS, "person_does_not_resist": False},
        headers=team,
    )

    assert missing.json()["errors"][0]["field"] == "body.conditions.relatives_heard"
    assert resists.status_code == 422


async def test_a_decision_for_a_person_with_capacity_is_409(
    client: httpx.AsyncClient, catalogue: list[str], person: dict[str, Any], team: dict[str, str]
) -> None:
    assessment = await assess(client, team, person["id"])
    decision = {
        "kinds": ["safety_alarm"],
        "conditions": CONDITIONS,
        "person_does_not_resist": True,
        "decided_on": "2026-03-16",
        "valid_from": "2026-03-16",
        "valid_until": "2026-09-16",
    }

    response = await client.post(
        f"{API}/assessments/{assessment['id']}/legal-decisions", json=decision, headers=team
    )

    assert response.status_code == 409


async def test_accept_and_reject_each_with_a_reason_and_who_provides_it(
    client: httpx.AsyncClient, catalogue: list[str], person: dict[str, Any], team: dict[str, str]
) -> None:
    assessment = await assess(client, team, person["id"])

    alarm = await accept(client, team, recommended(assessment, "trygghetsalarm"))
    sensor = recommended(assessment, "fallsensor")
    rejected = await client.post(
        f"{API}/recommendations/{sensor['id']}/decide",
        json={"accept": False, "reason": "Alarmen er nok nå", "decided_on": "2026-03-16"},
        headers={**team, "If-Match": f'"{sensor["version"]}"'},
    )

    assert (alarm["status"], alarm["provider"], alarm["may_activate"]) == (
        "accepted",
        "municipal_loan",
        True,
    )
    assert rejected.json()["status"] == "rejected"


async def test_the_person_may_buy_it_themselves(
    client: httpx.AsyncClient, catalogue: list[str], person: dict[str, Any], team: dict[str, str]
) -> None:
    assessment = await assess(client, team, person["id"])

    alarm = await accept(
        client,
        team,
        recommended(assessment, "trygghetsalarm"),
        provider="bought_by_person",
        reason="Motivert til anskaffelse selv",
    )

    assert alarm["provider"] == "bought_by_person"


async def test_deciding_errors(
    client: httpx.AsyncClient, catalogue: list[str], person: dict[str, Any], team: dict[str, str]
) -> None:
    assessment = await assess(client, team, person["id"])
    alarm = recommended(assessment, "trygghetsalarm")
    url = f"{API}/recommendations/{alarm['id']}/decide"
    body = {"accept": True, "reason": "Ja", "decided_on": "2026-03-16"}

    no_match = await client.post(url, json=body, headers=team)
    no_provider = await client.post(url, json=body, headers={**team, "If-Match": '"1"'})
    stale = await client.post(
        url, json={**body, "provider": "municipal_loan"}, headers={**team, "If-Match": '"7"'}
    )
    await accept(client, team, alarm)
    twice = await client.post(
        url, json={**body, "provider": "municipal_loan"}, headers={**team, "If-Match": '"2"'}
    )

    assert no_match.status_code == 428
    assert no_provider.json()["errors"][0]["field"] == "body.provider"
    assert stale.status_code == 412
    assert twice.status_code == 409


async def test_every_read_of_an_assessment_is_in_the_access_log(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    headers_for: Callable[..., dict[str, str]],
    database_urls: dict[str, str],
    municipality: str,
) -> None:
    assessment = await assess(client, team, person["id"])

    await client.get(f"{API}/assessments/{assessment['id']}", headers=headers_for("leder"))
    await client.get(f"{API}/persons/{person['id']}/assessments", headers=team)

    async with tenant_connection(database_urls["welfaretech"], municipality) as connection:
        rows = (
            await connection.execute(
                text(
                    "SELECT action, resource, resource_id, actor_roles FROM access_log "
                    "ORDER BY sequence"
                )
            )
        ).all()
    reads = [r for r in rows if r.action == "read" and r.resource == "assessment"]
    assert [str(r.resource_id) for r in reads] == [assessment["id"], assessment["id"]]
    assert reads[0].actor_roles == ["leder"]


async def test_a_clinician_of_another_unit_may_not_read_the_assessment(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    headers_for: Callable[..., dict[str, str]],
    today_is: Callable[[Any], None],
) -> None:
    assessment = await assess(client, team, person["id"])
    today_is(date(2026, 3, 20))  # days after the assessment (made without a referral)

    own = headers_for("helsepersonell", units=["hjemmetjenesten-ski"])
    other = headers_for("helsepersonell", units=["hjemmetjenesten-kolbotn"])

    assert (
        await client.get(f"{API}/assessments/{assessment['id']}", headers=own)
    ).status_code == 200
    assert (
        await client.get(f"{API}/assessments/{assessment['id']}", headers=other)
    ).status_code == 403


async def test_a_direct_assessment_needs_a_person_or_a_referral(
    client: httpx.AsyncClient, team: dict[str, str]
) -> None:
    body = assessment_body("x")
    del body["person_id"]

    response = await client.post(f"{API}/assessments", json=body, headers=team)

    assert response.json()["errors"][0]["field"] == "body.person_id"


async def test_an_unknown_assessment_is_404(
    client: httpx.AsyncClient, team: dict[str, str]
) -> None:
    response = await client.get(
        f"{API}/assessments/00000000-0000-4000-8000-000000000000", headers=team
    )

    assert response.status_code == 404


async def test_a_person_unknown_here_and_to_intake_is_404_not_an_empty_list(
    client: httpx.AsyncClient,
    person: dict[str, Any],
    team: dict[str, str],
    token_factory: Callable[..., str],
    intake_server: RunningServer,
) -> None:
    unknown = "00000000-0000-4000-8000-000000000000"
    other_municipality = auth(token_factory("velferdsteknolog", municipality="5032"))

    missing = await client.get(f"{API}/persons/{unknown}/assessments", headers=team)
    elsewhere = await client.get(
        f"{API}/persons/{person['id']}/assessments", headers=other_municipality
    )
    known = await client.get(f"{API}/persons/{person['id']}/assessments", headers=team)
    await intake_server.stop()
    try:
        down = await client.get(f"{API}/persons/{unknown}/assessments", headers=team)
    finally:
        await intake_server.start()

    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")
    assert elsewhere.status_code == 404, elsewhere.text
    assert (known.status_code, known.json()) == (200, [])
    assert down.status_code == 503
    assert down.json()["service"] == "intake"


async def test_a_person_with_assessments_is_listed_while_intake_is_down(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    intake_server: RunningServer,
) -> None:
    assessment = await assess(client, team, person["id"])

    await intake_server.stop()
    try:
        listed = await client.get(f"{API}/persons/{person['id']}/assessments", headers=team)
    finally:
        await intake_server.start()

    assert [a["id"] for a in listed.json()] == [assessment["id"]]
