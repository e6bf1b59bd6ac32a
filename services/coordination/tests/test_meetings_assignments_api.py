"""Ansvarsgruppe meetings turn into measures, evaluations feed the next version, koordinators
hand over their caseload in one step, and the worklist shows what is overdue."""

import asyncio
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import httpx
from sqlalchemy import text

from dev.testing import tenant_connection
from services.coordination.tests.conftest import (
    API,
    UNIT,
    consent,
    goal,
    person_with_plan,
    register_person,
    save,
    submit_request,
    take_request,
)

TODAY = date.today()


async def active(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
    **content: Any,
) -> tuple[dict[str, Any], dict[str, Any]]:
    person, plan = await person_with_plan(client, intake, caseworker, coordinator)
    plan = (await save(client, coordinator, plan, goals=[goal("Bo hjemme")], **content)).json()
    await consent(client, coordinator, plan["id"])
    response = await client.post(
        f"{API}/plans/{plan['id']}/activate",
        headers={**coordinator, "If-Match": f'"{plan["version"]}"'},
    )
    assert response.status_code == 200, response.text
    return person, response.json()


async def test_a_meetings_decisions_become_measures_and_the_koordinator_approves_the_minutes(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
    headers_for: Callable[..., dict[str, str]],
) -> None:
    _, plan = await active(client, intake, caseworker, coordinator)
    meeting = (
        await client.post(
            f"{API}/plans/{plan['id']}/meetings",
            json={
                "meeting_on": str(TODAY),
                "agenda": ["Status", "Mål"],
                "attendees": [{"name": "Kari Ødegård", "role": "datter"}],
            },
            headers=coordinator,
        )
    ).json()
    decision = {
        "what": "Søke om trygghetsalarm",
        "responsible": UNIT,
        "owner_name": "Aisha Rahman",
        "due_on": str(TODAY + timedelta(days=14)),
        "goal_id": plan["goals"][0]["id"],
    }

    held = await client.put(
        f"{API}/meetings/{meeting['id']}/minutes",
        json={"minutes": "Gikk gjennom målene.", "decisions": [decision]},
        headers={**coordinator, "If-Match": f'"{meeting["version"]}"'},
    )
    approved = await client.post(
        f"{API}/meetings/{meeting['id']}/approve",
        headers={**coordinator, "If-Match": f'"{held.json()["version"]}"'},
    )
    again = await client.put(
        f"{API}/meetings/{meeting['id']}/minutes",
        json={"minutes": "Endret"},
        headers={**coordinator, "If-Match": f'"{approved.json()["version"]}"'},
    )

    read = (await client.get(f"{API}/plans/{plan['id']}", headers=coordinator)).json()
    events = (await client.get(f"{API}/events", headers=headers_for("systemintegrasjon"))).json()
    assert held.status_code == 200, held.text
    assert held.json()["decisions"][0]["measure_id"] == read["measures"][0]["id"]
    assert read["measures"][0]["owner_name"] == "Aisha Rahman"
    assert read["measures"][0]["source"] == "meeting"
    assert approved.json()["status"] == "approved"
    assert approved.json()["approved_by_name"] == "Martin Haugen"
    assert again.status_code == 409
    assert "meeting.held" in [e["type"] for e in events["items"]]


async def test_minutes_for_a_meeting_not_yet_held_are_a_422(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
) -> None:
    _, plan = await active(client, intake, caseworker, coordinator)
    meeting = (
        await client.post(
            f"{API}/plans/{plan['id']}/meetings",
            json={"meeting_on": str(TODAY + timedelta(days=7))},
            headers=coordinator,
        )
    ).json()

    early = await client.put(
        f"{API}/meetings/{meeting['id']}/minutes",
        json={"minutes": "Referat"},
        headers={**coordinator, "If-Match": '"1"'},
    )
    approve = await client.post(
        f"{API}/meetings/{meeting['id']}/approve", headers={**coordinator, "If-Match": '"1"'}
    )

    assert early.status_code == 422
    assert approve.status_code == 409


async def test_an_evaluation_feeds_the_next_version_and_a_stale_version_is_a_412(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
) -> None:
    _, plan = await active(client, intake, caseworker, coordinator)
    body = {
        "evaluated_on": str(TODAY),
        "results": [{"goal_id": plan["goals"][0]["id"], "result": "partly", "note": "Bedre"}],
        "next_evaluation_on": str(TODAY + timedelta(days=90)),
    }

    recorded = await client.post(
        f"{API}/plans/{plan['id']}/evaluations",
        json=body,
        headers={**coordinator, "If-Match": f'"{plan["version"]}"'},
    )
    stale = await client.post(
        f"{API}/plans/{plan['id']}/evaluations",
        json=body,
        headers={**coordinator, "If-Match": f'"{plan["version"]}"'},
    )

    read = (await client.get(f"{API}/plans/{plan['id']}", headers=coordinator)).json()
    assert recorded.status_code == 201, recorded.text
    assert recorded.json()["plan_version"] == plan["version"] + 1
    assert read["goals"][0]["status"] == "partly_reached"
    assert read["next_evaluation_on"] == str(TODAY + timedelta(days=90))
    assert stale.status_code == 412


async def test_a_hand_over_moves_every_person_in_one_step_with_history(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
    other_coordinator: dict[str, str],
    leader: dict[str, str],
) -> None:
    first, _ = await person_with_plan(client, intake, caseworker, coordinator)
    second, _ = await person_with_plan(client, intake, caseworker, coordinator)

    moved = await client.post(
        f"{API}/coordinators/koord-1/hand-over",
        json={"to_sub": "koord-2", "to_name": "Liv Koordinator", "on": str(TODAY)},
        headers=leader,
    )
    nobody_left = await client.post(
        f"{API}/coordinators/koord-1/hand-over",
        json={"to_sub": "koord-2", "to_name": "Liv Koordinator", "on": str(TODAY)},
        headers=leader,
    )

    caseload = (await client.get(f"{API}/caseload", headers=other_coordinator)).json()
    history = (
        await client.get(f"{API}/persons/{first['id']}/coordinators", headers=other_coordinator)
    ).json()
    overview = (await client.get(f"{API}/overview", headers=leader)).json()
    assert moved.status_code == 200, moved.text
    assert len(moved.json()["persons"]) == 2
    assert nobody_left.status_code == 409
    assert {c["person_id"] for c in caseload} == {first["id"], second["id"]}
    assert [(h["coordinator_sub"], h["ended_reason"]) for h in history] == [
        ("koord-1", "hand-over"),
        ("koord-2", None),
    ]
    assert history[0]["to_date"] is not None
    assert len(overview["recent_hand_overs"]) == 2
    assert overview["draft_plans"] == 2


async def test_the_koordinators_worklist_shows_overdue_evaluations_measures_and_minutes(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
    today_is: Callable[[date], None],
) -> None:
    overdue = {
        "what": "Søke NAV om hjelpemidler",
        "responsible_kind": "nav",
        "responsible": "NAV Ski",
        "due_on": str(TODAY + timedelta(days=5)),
    }
    _, plan = await active(
        client,
        intake,
        caseworker,
        coordinator,
        measures=[overdue],
        next_evaluation_on=str(TODAY + timedelta(days=3)),
    )
    await client.post(
        f"{API}/plans/{plan['id']}/meetings", json={"meeting_on": str(TODAY)}, headers=coordinator
    )

    today_is(TODAY + timedelta(days=10))
    items = (await client.get(f"{API}/worklist", headers=coordinator)).json()

    assert [i["kind"] for i in items] == [
        "meeting_without_minutes",
        "evaluation_overdue",
        "measure_overdue",
    ]
    assert all(i["person_name"] == "Åse Ødegård" for i in items)


async def test_a_leader_names_a_primary_contact_only_in_their_own_unit_with_history(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
    leader: dict[str, str],
) -> None:
    person, _ = await person_with_plan(client, intake, caseworker, coordinator)
    url = f"{API}/persons/{person['id']}/primary-contacts"

    other_unit = await client.post(
        url, json={"unit": "annen", "employee_name": "X", "from_date": str(TODAY)}, headers=leader
    )
    first = await client.post(
        url,
        json={"unit": UNIT, "employee_name": "Aisha", "from_date": str(TODAY - timedelta(days=30))},
        headers=leader,
    )
    second = await client.post(
        url, json={"unit": UNIT, "employee_name": "Tone", "from_date": str(TODAY)}, headers=leader
    )
    history = (await client.get(url, headers=coordinator)).json()

    assert other_unit.status_code == 403
    assert (first.status_code, second.status_code) == (201, 201)
    assert [(h["employee_name"], h["to_date"] is None) for h in history] == [
        ("Aisha", False),
        ("Tone", True),
    ]


async def test_a_measure_past_due_shows_on_its_owning_units_worklist_and_no_other(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
    headers_for: Callable[..., dict[str, str]],
    today_is: Callable[[date], None],
) -> None:
    owned = {
        "what": "Opptrening etter fall",
        "responsible_kind": "unit",
        "responsible": UNIT,
        "due_on": str(TODAY + timedelta(days=2)),
    }
    done = {**owned, "what": "Ferdig tiltak", "status": "done"}
    _, plan = await active(client, intake, caseworker, coordinator, measures=[owned, done])
    owners = headers_for("leder", units=[UNIT], sub="leader-own", name="Eier")
    others = headers_for("leder", units=["annen-enhet"], sub="leader-other", name="Annen")

    today_is(TODAY + timedelta(days=1))
    before = (await client.get(f"{API}/worklist", headers=owners)).json()
    today_is(TODAY + timedelta(days=3))
    after = (await client.get(f"{API}/worklist", headers=owners)).json()
    elsewhere = (await client.get(f"{API}/worklist", headers=others)).json()

    mine = [i for i in after if i["kind"] == "measure_overdue" and i["plan_id"] == plan["id"]]
    assert not [i for i in before if i.get("plan_id") == plan["id"]]
    assert [(i["text"], i["unit"], i["due_on"]) for i in mine] == [
        ("Opptrening etter fall", UNIT, owned["due_on"])
    ]
    assert not [i for i in elsewhere if i.get("plan_id") == plan["id"]]


async def test_a_units_worklist_follows_the_plans_measures_as_each_version_changes_them(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
    headers_for: Callable[..., dict[str, str]],
    database_urls: dict[str, str],
    municipality: str,
) -> None:
    """The worklists and the koordinator's caseload read the measures as rows kept with the
    plan's content: each new version, and closing the plan, replaces what they find."""
    overdue = {
        "what": "Opptrening etter fall",
        "responsible_kind": "unit",
        "responsible": UNIT,
        "due_on": str(TODAY - timedelta(days=3)),
    }
    _, plan = await active(client, intake, caseworker, coordinator, measures=[overdue])
    leader = headers_for("leder", units=[UNIT], sub="leader-follows", name="Leder")

    async def listed() -> list[tuple[str, str]]:
        items = (await client.get(f"{API}/worklist", headers=leader)).json()
        caseload = (await client.get(f"{API}/caseload", headers=coordinator)).json()
        [followed] = [c for c in caseload if c["plan_id"] == plan["id"]] or [
            {"overdue_measures": 0}
        ]
        shown = [(i["text"], i["due_on"]) for i in items if i.get("plan_id") == plan["id"]]
        assert followed["overdue_measures"] == len(shown)
        return shown

    first = await listed()
    [kept] = plan["measures"]
    later = {**kept, "due_on": str(TODAY + timedelta(days=10))}
    other = {**overdue, "what": "Søke om trygghetsalarm", "due_on": str(TODAY - timedelta(days=1))}
    moved = (await save(client, coordinator, plan, measures=[later, other])).json()
    second = await listed()
    done = (
        await save(
            client, coordinator, moved, measures=[later, {**moved["measures"][1], "status": "done"}]
        )
    ).json()
    third = await listed()
    reopened = (
        await save(client, coordinator, done, measures=[{**later, "due_on": overdue["due_on"]}])
    ).json()
    fourth = await listed()
    closed = await client.post(
        f"{API}/plans/{plan['id']}/close",
        json={"reason": "Personen har flyttet"},
        headers={**coordinator, "If-Match": f'"{reopened["version"]}"'},
    )
    fifth = await listed()
    async with tenant_connection(database_urls["coordination"], municipality) as connection:
        rows = (
            await connection.execute(
                text("SELECT plan_status, what FROM plan_measures WHERE plan_id = :plan"),
                {"plan": plan["id"]},
            )
        ).all()

    assert first == [("Opptrening etter fall", overdue["due_on"])]
    assert second == [("Søke om trygghetsalarm", other["due_on"])]
    assert third == []
    assert fourth == [("Opptrening etter fall", overdue["due_on"])]
    assert closed.status_code == 200, closed.text
    assert fifth == []
    assert [tuple(row) for row in rows] == [("closed", "Opptrening etter fall")]


async def test_the_overview_names_persons_with_long_term_services_from_two_units_and_no_koordinator(
    client: httpx.AsyncClient,
    client_without_intake: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    leader: dict[str, str],
    database_urls: dict[str, str],
    municipality: str,
) -> None:
    two_units = (await register_person(intake, caseworker))["id"]
    short_stay = (await register_person(intake, caseworker))["id"]
    rows = [
        (two_units, UNIT, None),
        (two_units, "dagsenter-ski", None),
        (short_stay, UNIT, None),
        (short_stay, "korttid-ski", TODAY + timedelta(days=14)),
    ]
    async with tenant_connection(database_urls["coordination"], municipality) as connection:
        for person_id, unit, ends_on in rows:
            await connection.execute(
                text(
                    "INSERT INTO person_services "
                    "(decision_id, person_id, service_type, unit, starts_on, ends_on) "
                    "VALUES (gen_random_uuid(), :person, 'hjemmesykepleie', :unit, :starts, :ends)"
                ),
                {"person": person_id, "unit": unit, "starts": TODAY, "ends": ends_on},
            )

    overview = (await client.get(f"{API}/overview", headers=leader)).json()
    intake_down = await client_without_intake.get(f"{API}/overview", headers=leader)

    listed = {p["person_id"]: p for p in overview["without_coordinator"]}
    assert listed[two_units]["units"] == sorted([UNIT, "dagsenter-ski"])
    assert listed[two_units]["person_name"] == "Åse Ødegård"
    assert short_stay not in listed
    assert intake_down.status_code == 200
    unnamed = {p["person_id"]: p for p in intake_down.json()["without_coordinator"]}
    assert unnamed[two_units]["person_name"] is None


async def test_the_overview_names_persons_granted_a_plan_who_have_none_until_it_is_started(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
    leader: dict[str, str],
) -> None:
    person = await register_person(intake, caseworker)
    request = await submit_request(client, caseworker, person["id"])
    await take_request(client, coordinator, request)

    before = (await client.get(f"{API}/overview", headers=leader)).json()
    started = await client.post(
        f"{API}/plans",
        json={"person_id": person["id"], "request_id": request["id"]},
        headers=coordinator,
    )
    after = (await client.get(f"{API}/overview", headers=leader)).json()

    assert started.status_code == 201, started.text
    waiting = {p["person_id"]: p["person_name"] for p in before["granted_without_plan"]}
    assert waiting[person["id"]] == "Åse Ødegård"
    assert person["id"] not in {p["person_id"] for p in after["granted_without_plan"]}


async def test_a_measure_owned_by_an_employee_shows_on_their_worklist_before_and_after_its_deadline(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
    headers_for: Callable[..., dict[str, str]],
    today_is: Callable[[date], None],
) -> None:
    owned = {
        "what": "Søke om støttekontakt",
        "responsible_kind": "unit",
        "responsible": UNIT,
        "owner_name": "Aisha Rahman",
        "owner_sub": "nurse-owner",
        "due_on": str(TODAY + timedelta(days=20)),
    }
    _, plan = await active(client, intake, caseworker, coordinator, measures=[owned])
    owner = headers_for("helsepersonell", units=[UNIT], sub="nurse-owner", name="Aisha Rahman")
    colleague = headers_for("helsepersonell", units=[UNIT], sub="nurse-other", name="Tone")

    def measures(items: list[dict[str, Any]]) -> list[tuple[str, str]]:
        return [(i["kind"], i["text"]) for i in items if i.get("plan_id") == plan["id"]]

    today_is(TODAY + timedelta(days=5))
    early = (await client.get(f"{API}/worklist", headers=owner)).json()
    today_is(TODAY + timedelta(days=15))
    soon = (await client.get(f"{API}/worklist", headers=owner)).json()
    today_is(TODAY + timedelta(days=21))
    late = (await client.get(f"{API}/worklist", headers=owner)).json()
    others = (await client.get(f"{API}/worklist", headers=colleague)).json()

    assert measures(early) == []
    assert measures(soon) == [("measure_due_soon", "Søke om støttekontakt")]
    assert measures(late) == [("measure_overdue", "Søke om støttekontakt")]
    assert measures(others) == []


async def test_who_is_responsible_is_typed_by_kind(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
) -> None:
    """A unit by its code, a relative or another party by name; NAV, school, GP and the
    specialist health service by their kind alone (a name is optional)."""
    _, plan = await person_with_plan(client, intake, caseworker, coordinator)
    by_kind = [
        {"what": "Arbeidsavklaring", "responsible_kind": "nav"},
        {"what": "Samarbeid med fastlegen", "responsible_kind": "gp", "responsible": "Dr. Berg"},
    ]

    saved = await save(client, coordinator, plan, measures=by_kind)
    no_unit = await save(
        client, coordinator, saved.json(), measures=[{"what": "X", "responsible_kind": "unit"}]
    )
    no_name = await save(
        client, coordinator, saved.json(), measures=[{"what": "X", "responsible_kind": "other"}]
    )

    assert saved.status_code == 200, saved.text
    assert [(m["responsible_kind"], m["responsible"]) for m in saved.json()["measures"]] == [
        ("nav", None),
        ("gp", "Dr. Berg"),
    ]
    assert (no_unit.status_code, no_name.status_code) == (422, 422)
    assert no_unit.json()["errors"][0]["field"].startswith("body.measures.0")


async def test_reading_a_caseload_takes_no_lock_a_hand_over_would_wait_for(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
    database_urls: dict[str, str],
    municipality: str,
) -> None:
    """While another transaction holds the koordinator's assignments locked (a hand-over in
    progress), the koordinator's worklist, caseload and plans, and the plan itself, still
    answer at once: reads lock nothing (they had locked the assignments, so two tabs, or
    two readers of one plan, waited for each other)."""
    _, plan = await person_with_plan(client, intake, caseworker, coordinator)
    async with tenant_connection(database_urls["coordination"], municipality) as connection:
        locked = await connection.execute(
            text(
                "SELECT id FROM coordinator_assignments"
                " WHERE coordinator_sub = 'koord-1' AND to_date IS NULL FOR UPDATE"
            )
        )
        assert locked.all()
        answers = await asyncio.wait_for(
            asyncio.gather(
                client.get(f"{API}/worklist", headers=coordinator),
                client.get(f"{API}/caseload", headers=coordinator),
                client.get(f"{API}/plans", params={"mine": "true"}, headers=coordinator),
                client.get(f"{API}/plans/{plan['id']}", headers=coordinator),
            ),
            timeout=10,
        )

    assert [a.status_code for a in answers] == [200] * 4, [a.text for a in answers]
