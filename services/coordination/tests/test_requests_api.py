"""The koordinerende enhet's inbox: reported needs, longest waiting first, assessed with
reasons, a koordinator assigned; every error a problem."""

from collections.abc import Callable

import httpx

from services.coordination.tests.conftest import (
    API,
    register_person,
    submit_request,
    take_request,
)


async def test_the_inbox_shows_the_longest_waiting_request_first(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
) -> None:
    newer = await register_person(intake, caseworker)
    older = await register_person(intake, caseworker, given_name="Olav")
    await submit_request(client, caseworker, newer["id"], received_on="2026-11-20")
    await submit_request(client, caseworker, older["id"], received_on="2026-10-01")

    inbox = (await client.get(f"{API}/requests", headers=coordinator)).json()["items"]

    assert [r["person_name"] for r in inbox] == ["Olav Ødegård", "Åse Ødegård"]
    assert inbox[0]["waiting_days"] > inbox[1]["waiting_days"]


async def test_any_employee_may_report_a_need_and_the_event_is_published(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    nurse: dict[str, str],
    headers_for: Callable[..., dict[str, str]],
) -> None:
    person = await register_person(intake, caseworker)

    request = await submit_request(client, nurse, person["id"], source="employee")

    events = (await client.get(f"{API}/events", headers=headers_for("systemintegrasjon"))).json()[
        "items"
    ]
    assert request["submitted_by"] == "Kari Ødegård (datter)"
    assert [e["type"] for e in events] == ["coordination_request.received"]
    assert "description" not in events[0]["data"]


async def test_a_request_for_a_person_intake_does_not_know_is_a_422(
    client: httpx.AsyncClient, caseworker: dict[str, str]
) -> None:
    response = await client.post(
        f"{API}/requests",
        json={
            "person_id": "00000000-0000-0000-0000-000000000001",
            "source": "person",
            "received_on": "2026-11-01",
        },
        headers=caseworker,
    )

    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"][0]["field"] == "body.person_id"


async def test_a_request_asking_for_nothing_or_in_the_future_is_a_422(
    client: httpx.AsyncClient, intake: httpx.AsyncClient, caseworker: dict[str, str]
) -> None:
    person = await register_person(intake, caseworker)
    base = {"person_id": person["id"], "source": "person", "received_on": "2026-11-01"}

    nothing = await client.post(
        f"{API}/requests",
        json={**base, "wants_plan": False, "wants_coordinator": False},
        headers=caseworker,
    )
    future = await client.post(
        f"{API}/requests", json={**base, "received_on": "2099-01-01"}, headers=caseworker
    )
    system = await client.post(
        f"{API}/requests", json={**base, "source": "system"}, headers=caseworker
    )

    assert [r.status_code for r in (nothing, future, system)] == [422, 422, 422]


async def test_taking_a_request_assesses_it_with_reasons_and_makes_the_caller_koordinator(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
) -> None:
    person = await register_person(intake, caseworker)
    request = await submit_request(client, caseworker, person["id"])

    assessed = await take_request(client, coordinator, request)

    history = (
        await client.get(f"{API}/persons/{person['id']}/coordinators", headers=coordinator)
    ).json()
    waiting = (await client.get(f"{API}/requests", headers=coordinator)).json()["items"]
    assert assessed["status"] == "assessed"
    assert assessed["outcome"] == "granted"
    assert assessed["assessed_by_name"] == "Martin Haugen"
    assert [(a["coordinator_sub"], a["to_date"]) for a in history] == [("koord-1", None)]
    assert waiting == []


async def test_assessing_twice_is_a_409_and_a_stale_version_a_412(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
) -> None:
    person = await register_person(intake, caseworker)
    request = await submit_request(client, caseworker, person["id"])
    await take_request(client, coordinator, request)
    body = {"outcome": "refused", "grants_plan": False, "grants_coordinator": False, "reasons": "x"}

    stale = await client.post(
        f"{API}/requests/{request['id']}/assessment",
        json=body,
        headers={**coordinator, "If-Match": '"1"'},
    )
    again = await client.post(
        f"{API}/requests/{request['id']}/assessment",
        json=body,
        headers={**coordinator, "If-Match": '"2"'},
    )
    missing = await client.post(
        f"{API}/requests/{request['id']}/assessment", json=body, headers=coordinator
    )

    assert (stale.status_code, again.status_code, missing.status_code) == (412, 409, 428)


async def test_a_refusal_assigns_nobody_and_needs_reasons(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
) -> None:
    person = await register_person(intake, caseworker)
    request = await submit_request(client, caseworker, person["id"])
    headers = {**coordinator, "If-Match": '"1"'}
    refusal = {"outcome": "refused", "grants_plan": False, "grants_coordinator": False}

    with_coordinator = await client.post(
        f"{API}/requests/{request['id']}/assessment",
        json={**refusal, "reasons": "Kortvarig behov.", "coordinator": {}},
        headers=headers,
    )
    blank = await client.post(
        f"{API}/requests/{request['id']}/assessment",
        json={**refusal, "reasons": "   "},
        headers=headers,
    )

    assert with_coordinator.status_code == 422
    assert with_coordinator.json()["errors"][0]["field"] == "body.coordinator"
    assert blank.status_code == 422


async def test_only_the_coordinating_unit_assesses_and_clinicians_do_not_read_the_inbox(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    nurse: dict[str, str],
) -> None:
    person = await register_person(intake, caseworker)
    request = await submit_request(client, caseworker, person["id"])

    assess = await client.post(
        f"{API}/requests/{request['id']}/assessment",
        json={
            "outcome": "granted",
            "grants_plan": True,
            "grants_coordinator": True,
            "reasons": "x",
        },
        headers={**caseworker, "If-Match": '"1"'},
    )
    inbox = await client.get(f"{API}/requests", headers=nurse)
    anonymous = await client.get(f"{API}/requests")

    assert (assess.status_code, inbox.status_code, anonymous.status_code) == (403, 403, 401)


async def test_a_barnekoordinator_is_for_a_child_only(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
) -> None:
    from datetime import date

    adult = await register_person(intake, caseworker)
    child = await register_person(intake, caseworker, born=date(2016, 3, 4), given_name="Emma")
    body = {"kind": "child_coordinator", "from_date": "2026-11-15"}

    refused = await client.post(
        f"{API}/persons/{adult['id']}/coordinators", json=body, headers=coordinator
    )
    assigned = await client.post(
        f"{API}/persons/{child['id']}/coordinators", json=body, headers=coordinator
    )

    assert refused.status_code == 422
    assert assigned.status_code == 201
    assert assigned.json()["kind"] == "child_coordinator"


async def test_a_person_coordination_has_never_seen_is_a_404_and_a_clinician_needs_a_relation(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
    leader: dict[str, str],
    nurse: dict[str, str],
    token_factory: Callable[..., str],
) -> None:
    """Unknown here, or another municipality's person: a 404 problem, never an empty list."""
    person = await register_person(intake, caseworker)
    unseen = person["id"]  # intake knows them; coordination has no row about them yet
    known = await register_person(intake, caseworker, given_name="Olav")
    await submit_request(client, caseworker, known["id"])
    elsewhere = {
        "Authorization": "Bearer "
        + token_factory("koordinator", municipality="5032", sub="koord-selbu", name="Ola Flønes")
    }

    def paths(person_id: str) -> list[str]:
        return [
            f"{API}/persons/{person_id}/coordinators",
            f"{API}/persons/{person_id}/primary-contacts",
            f"{API}/persons/{person_id}/relative-conversations",
            f"{API}/persons/{person_id}/relations",
            f"{API}/persons/{person_id}/access-log",
        ]

    unknown = [await client.get(p, headers=coordinator) for p in paths(unseen)]
    foreign = [await client.get(p, headers=elsewhere) for p in paths(known["id"])]
    found = [await client.get(p, headers=coordinator) for p in paths(known["id"])]
    nurse_reads = [
        await client.get(f"{API}/persons/{known['id']}/{route}", headers=nurse)
        for route in ("coordinators", "primary-contacts")
    ]
    contact = await client.post(
        f"{API}/persons/{unseen}/primary-contacts",
        json={"unit": "hjemmetjenesten-ski", "employee_name": "Aisha", "from_date": "2026-11-02"},
        headers=leader,
    )

    assert [(r.status_code, r.headers["content-type"]) for r in unknown + foreign] == [
        (404, "application/problem+json")
    ] * 10
    # the log is for leaders and the person's koordinator; this koordinator is not theirs yet
    assert [r.status_code for r in found] == [200] * 4 + [403]
    assert contact.status_code == 404
    assert [r.status_code for r in nurse_reads] == [403, 403]  # her unit does not serve them
