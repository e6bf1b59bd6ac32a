"""Registering applications against the catalogue, over real HTTP."""

from collections.abc import Callable

import httpx

from dev.testing import RunningServer, auth
from services.intake.tests.conftest import API, application_body, register_person


async def test_an_application_is_registered_with_its_interim_reply_date(
    client: httpx.AsyncClient, caseworker: dict[str, str], catalogue_services: list[str]
) -> None:
    person = await register_person(client, caseworker)

    response = await client.post(
        f"{API}/applications", json=application_body(person["id"]), headers=caseworker
    )

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["status"] == "received"
    assert body["interim_reply_due"] == "2026-04-10"
    assert body["services"][0]["service_name"]["nb"] == "Hjemmesykepleie"
    assert body["person"]["national_id_masked"].endswith("*****")


async def test_an_unknown_service_type_is_a_422_after_asking_the_catalogue(
    client: httpx.AsyncClient, caseworker: dict[str, str], catalogue_services: list[str]
) -> None:
    person = await register_person(client, caseworker)
    body = application_body(
        person["id"], services=[{"service_type": "hjemmesykepleie"}, {"service_type": "romreise"}]
    )

    response = await client.post(f"{API}/applications", json=body, headers=caseworker)

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.services.1.service_type"


async def test_with_the_catalogue_down_it_is_a_503_and_nothing_is_written(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    catalogue_server: RunningServer,
) -> None:
    person = await register_person(client, caseworker)
    await catalogue_server.stop()
    try:
        response = await client.post(
            f"{API}/applications", json=application_body(person["id"]), headers=caseworker
        )
    finally:
        await catalogue_server.start()

    listed = (
        await client.get(
            f"{API}/applications", params={"person_id": person["id"]}, headers=caseworker
        )
    ).json()
    assert response.status_code == 503
    assert response.json()["service"] == "catalogue"
    assert listed["items"] == []


async def test_an_application_for_an_unknown_person_is_a_422(
    client: httpx.AsyncClient, caseworker: dict[str, str], catalogue_services: list[str]
) -> None:
    body = application_body("00000000-0000-4000-8000-000000000000")

    response = await client.post(f"{API}/applications", json=body, headers=caseworker)

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.person_id"


async def test_a_retried_application_is_registered_once(
    client: httpx.AsyncClient, caseworker: dict[str, str], catalogue_services: list[str]
) -> None:
    person = await register_person(client, caseworker)
    headers = {**caseworker, "Idempotency-Key": "soknad-1"}

    first = await client.post(
        f"{API}/applications", json=application_body(person["id"]), headers=headers
    )
    again = await client.post(
        f"{API}/applications", json=application_body(person["id"]), headers=headers
    )

    listed = (
        await client.get(
            f"{API}/applications", params={"person_id": person["id"]}, headers=caseworker
        )
    ).json()
    assert first.json() == again.json()
    assert len(listed["items"]) == 1


async def test_status_moves_forward_and_never_back(
    client: httpx.AsyncClient, caseworker: dict[str, str], catalogue_services: list[str]
) -> None:
    person = await register_person(client, caseworker)
    created = (
        await client.post(
            f"{API}/applications", json=application_body(person["id"]), headers=caseworker
        )
    ).json()
    url = f"{API}/applications/{created['id']}/status"

    assessing = await client.post(
        url, json={"status": "in_assessment"}, headers={**caseworker, "If-Match": '"1"'}
    )
    back = await client.post(
        url, json={"status": "received"}, headers={**caseworker, "If-Match": '"2"'}
    )
    no_reason = await client.post(
        url, json={"status": "withdrawn"}, headers={**caseworker, "If-Match": '"2"'}
    )
    withdrawn = await client.post(
        url,
        json={"status": "withdrawn", "reason": "Flyttet"},
        headers={**caseworker, "If-Match": '"2"'},
    )

    assert assessing.status_code == 200 and assessing.json()["status"] == "in_assessment"
    assert back.status_code == 409
    assert no_reason.status_code == 422
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "withdrawn"


async def test_the_application_is_in_the_timeline_and_the_feed(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    token_factory: Callable[..., str],
    municipality: str,
) -> None:
    person = await register_person(client, caseworker)
    created = (
        await client.post(
            f"{API}/applications", json=application_body(person["id"]), headers=caseworker
        )
    ).json()

    timeline = (
        await client.get(f"{API}/persons/{person['id']}/timeline", headers=caseworker)
    ).json()
    feed = (
        await client.get(
            f"{API}/events",
            headers=auth(token_factory("systemintegrasjon", municipality=municipality)),
        )
    ).json()

    assert [(e["kind"], e["on"]) for e in timeline] == [
        ("application.received", "2026-03-10"),
        ("application.interim_reply_due", "2026-04-10"),
    ]
    received = [e for e in feed["items"] if e["type"] == "application.received"]
    assert received[0]["subject"] == created["id"]
    assert received[0]["data"]["service_types"] == ["hjemmesykepleie"]
