"""Pårørendesamtaler in the Ottestad model: with a relative from intake's register, the
innledningssamtale first, what was agreed recorded."""

from datetime import date
from typing import Any

import httpx

from services.coordination.tests.conftest import API, INTAKE, register_person, submit_request


async def known_person(
    client: httpx.AsyncClient, intake: httpx.AsyncClient, caseworker: dict[str, str]
) -> dict[str, Any]:
    """A person in intake whose need was reported to coordination (a person coordination has
    never seen is a 404 on its person routes)."""
    person = await register_person(intake, caseworker)
    await submit_request(client, caseworker, person["id"])
    return person


async def test_a_conversation_is_planned_with_a_registered_relative_and_recorded_with_what_was_agreed(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
) -> None:
    person = await known_person(client, intake, caseworker)
    registered = (await intake.get(f"{INTAKE}/persons/{person['id']}", headers=caseworker)).json()
    relative = registered["relatives"][0]
    url = f"{API}/persons/{person['id']}/relative-conversations"

    too_early = await client.post(
        url,
        json={
            "relative_id": relative["id"],
            "phase": "collaboration",
            "planned_on": str(date.today()),
        },
        headers=coordinator,
    )
    planned = await client.post(
        url,
        json={
            "relative_id": relative["id"],
            "phase": "introduction",
            "planned_on": str(date.today()),
        },
        headers=coordinator,
    )
    held = await client.put(
        f"{API}/relative-conversations/{planned.json()['id']}/held",
        json={
            "held_on": str(date.today()),
            "agreed": "Datter ringer hver fredag; får vite om helse.",
        },
        headers={**coordinator, "If-Match": '"1"'},
    )
    next_phase = await client.post(
        url,
        json={
            "relative_id": relative["id"],
            "phase": "collaboration",
            "planned_on": str(date.today()),
        },
        headers=coordinator,
    )

    assert too_early.status_code == 422
    assert planned.status_code == 201, planned.text
    assert planned.json()["information_scope"] == "health"
    assert held.json()["status"] == "held"
    assert next_phase.status_code == 201


async def test_an_unknown_relative_is_a_422_and_a_clinician_without_relation_gets_403(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
    nurse: dict[str, str],
) -> None:
    person = await known_person(client, intake, caseworker)
    url = f"{API}/persons/{person['id']}/relative-conversations"

    unknown = await client.post(
        url,
        json={"relative_id": person["id"], "phase": "introduction", "planned_on": "2026-11-01"},
        headers=coordinator,
    )
    listing = await client.get(url, headers=nurse)

    assert unknown.status_code == 422
    assert listing.status_code == 403


async def test_a_clinician_without_relation_cannot_record_a_conversation_held_and_is_logged(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
    nurse: dict[str, str],
    leader: dict[str, str],
) -> None:
    """Recording a pårørendesamtale held is for the koordinator or a unit that serves the
    person: a clinician of a unit that does not gets a 403 problem, the conversation stays
    planned, and the refusal is in the person's access log."""
    person = await known_person(client, intake, caseworker)
    registered = (await intake.get(f"{INTAKE}/persons/{person['id']}", headers=caseworker)).json()
    planned = await client.post(
        f"{API}/persons/{person['id']}/relative-conversations",
        json={
            "relative_id": registered["relatives"][0]["id"],
            "phase": "introduction",
            "planned_on": str(date.today()),
        },
        headers=coordinator,
    )
    assert planned.status_code == 201, planned.text

    held = await client.put(
        f"{API}/relative-conversations/{planned.json()['id']}/held",
        json={"held_on": str(date.today()), "agreed": "Datter ringer hver fredag."},
        headers={**nurse, "If-Match": '"1"'},
    )
    after = await client.get(
        f"{API}/persons/{person['id']}/relative-conversations", headers=coordinator
    )
    log = await client.get(f"{API}/persons/{person['id']}/access-log", headers=leader)

    assert held.status_code == 403, held.text
    assert held.headers["content-type"].startswith("application/problem+json")
    assert [c["status"] for c in after.json()] == ["planned"]
    assert ("nurse-1", "refused") in {(e["actor"], e["action"]) for e in log.json()["items"]}


def test_phases_follow_each_other() -> None:
    import pytest

    from services.coordination.domain.relatives import Phase, check_phase
    from shared.errors import RuleViolation

    check_phase(Phase.introduction, set())
    check_phase(Phase.follow_up, {Phase.introduction})
    with pytest.raises(RuleViolation):
        check_phase(Phase.follow_up, set())


async def test_the_persons_representatives_and_relatives_come_from_intake_or_a_503(
    client: httpx.AsyncClient,
    client_without_intake: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
    nurse: dict[str, str],
) -> None:
    person = await known_person(client, intake, caseworker)
    url = f"{API}/persons/{person['id']}/relations"

    relations = await client.get(url, headers=coordinator)
    not_serving = await client.get(url, headers=nurse)
    down = await client_without_intake.get(url, headers=coordinator)

    assert relations.status_code == 200, relations.text
    body = relations.json()
    assert [(r["kind"], r["name"], r["valid_today"]) for r in body["representatives"]] == [
        ("guardian", "Per Verge", True),
        ("power_of_attorney", "Ola Fullmakt", True),
    ]
    assert [(r["name"], r["information_scope"]) for r in body["relatives"]] == [
        ("Kari Ødegård", "health")
    ]
    assert not_serving.status_code == 403
    assert down.status_code == 503
    assert down.headers["content-type"].startswith("application/problem+json")
