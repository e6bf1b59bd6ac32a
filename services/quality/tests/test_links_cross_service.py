"""Links to other services, checked over real HTTP: intake answers for decisions; a service
with no such endpoint yet, or one that is down, leaves the link unverified."""

import uuid
from typing import Any

import httpx

from dev.testing import RunningServer
from services.quality.tests.conftest import API, decision_in_intake, report, report_body


async def test_a_link_to_a_known_decision_is_verified_by_asking_intake(
    client: httpx.AsyncClient,
    nurse: dict[str, str],
    database_urls: dict[str, str],
    municipality: str,
) -> None:
    decision_id = await decision_in_intake(database_urls, municipality)

    created = await report(
        client, nurse, links=[{"kind": "decision", "target_id": str(decision_id)}]
    )

    assert created["links"] == [
        {
            "kind": "decision",
            "target_id": str(decision_id),
            "status": "verified",
            "checked_at": created["links"][0]["checked_at"],
        }
    ]


async def test_a_link_to_an_unknown_decision_is_a_422_after_asking_intake(
    client: httpx.AsyncClient, nurse: dict[str, str], headers_for: Any
) -> None:
    body = report_body(links=[{"kind": "decision", "target_id": str(uuid.uuid4())}])

    response = await client.post(f"{API}/deviations", json=body, headers=nurse)

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.links.0.target_id"
    mine = await client.get(f"{API}/deviations/mine", headers=nurse)
    assert mine.json()["items"] == []


async def test_intake_down_the_report_is_saved_unverified_and_verified_on_a_later_read(
    client: httpx.AsyncClient,
    nurse: dict[str, str],
    leader: dict[str, str],
    intake_server: RunningServer,
    database_urls: dict[str, str],
    municipality: str,
) -> None:
    decision_id = await decision_in_intake(database_urls, municipality)
    await intake_server.stop()
    try:
        created = await report(
            client, nurse, links=[{"kind": "decision", "target_id": str(decision_id)}]
        )
        still_down = await client.get(f"{API}/deviations/{created['id']}", headers=leader)
    finally:
        await intake_server.start()

    later = await client.get(f"{API}/deviations/{created['id']}", headers=leader)

    assert created["links"][0]["status"] == "unverified"
    assert still_down.json()["links"][0]["status"] == "unverified"
    assert later.json()["links"][0]["status"] == "verified"
    assert later.json()["version"] == created["version"]


async def test_a_plan_link_is_accepted_unverified_while_the_target_has_no_plans_endpoint(
    client: httpx.AsyncClient, nurse: dict[str, str]
) -> None:
    created = await report(client, nurse, links=[{"kind": "plan", "target_id": str(uuid.uuid4())}])

    assert created["links"][0]["status"] == "unverified"


async def test_a_loan_link_is_accepted_unverified_while_welfaretech_does_not_answer(
    client: httpx.AsyncClient, nurse: dict[str, str]
) -> None:
    created = await report(client, nurse, links=[{"kind": "loan", "target_id": str(uuid.uuid4())}])

    assert created["links"][0]["status"] == "unverified"


async def test_an_unknown_link_kind_is_a_422(
    client: httpx.AsyncClient, nurse: dict[str, str]
) -> None:
    body = report_body(links=[{"kind": "invoice", "target_id": str(uuid.uuid4())}])

    response = await client.post(f"{API}/deviations", json=body, headers=nurse)

    assert response.status_code == 422
