"""Individual plans over HTTP: versions never overwritten, compare, 412 on a stale save,
consent before activation, consent scope and need to know, the access log on every read."""

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
    save,
)
from shared.clock import today_in_norway
from shared.need_to_know import RELATION_WINDOW


async def test_every_save_is_a_new_version_and_two_versions_compare_item_by_item(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
) -> None:
    _, plan = await person_with_plan(client, intake, caseworker, coordinator)
    first = (
        await save(client, coordinator, plan, goals=[goal("Gå tur med hunden hver dag")])
    ).json()
    walk = first["goals"][0]
    second = await save(
        client,
        coordinator,
        first,
        goals=[
            {**walk, "text": "Gå tur med hunden to ganger om dagen"},
            goal("Handle selv", "social"),
        ],
    )

    versions = (await client.get(f"{API}/plans/{plan['id']}/versions", headers=coordinator)).json()
    old = (await client.get(f"{API}/plans/{plan['id']}/versions/2", headers=coordinator)).json()
    diff = (
        await client.get(
            f"{API}/plans/{plan['id']}/compare", params={"from": 2, "to": 3}, headers=coordinator
        )
    ).json()
    assert second.status_code == 200
    assert second.headers["etag"] == '"3"'
    assert [v["number"] for v in versions] == [1, 2, 3]
    assert old["content"]["goals"][0]["text"] == "Gå tur med hunden hver dag"
    changes = {(i["change"], i["label"]) for i in diff["items"]}
    assert changes == {
        ("changed", "Gå tur med hunden to ganger om dagen"),
        ("added", "Handle selv"),
    }


async def test_the_second_save_with_a_stale_version_gets_412(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
) -> None:
    _, plan = await person_with_plan(client, intake, caseworker, coordinator)
    await save(client, coordinator, plan, goals=[goal("Bo hjemme")])

    stale = await save(client, coordinator, plan, goals=[goal("Noe annet")])
    without = await client.put(f"{API}/plans/{plan['id']}", json={}, headers=coordinator)

    assert stale.status_code == 412
    assert stale.headers["content-type"] == "application/problem+json"
    assert without.status_code == 428


async def test_a_plan_is_activated_only_with_consent_and_a_goal(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
    headers_for: Callable[..., dict[str, str]],
) -> None:
    _, plan = await person_with_plan(client, intake, caseworker, coordinator)
    plan = (await save(client, coordinator, plan, goals=[goal("Klare meg selv")])).json()
    activate = f"{API}/plans/{plan['id']}/activate"
    headers = {**coordinator, "If-Match": f'"{plan["version"]}"'}

    without = await client.post(activate, headers=headers)
    await consent(client, coordinator, plan["id"])
    active = await client.post(activate, headers=headers)

    events = (await client.get(f"{API}/events", headers=headers_for("systemintegrasjon"))).json()[
        "items"
    ]
    assert without.status_code == 422
    assert without.json()["errors"][0]["field"] == "consent"
    assert active.status_code == 200, active.text
    assert active.json()["status"] == "active"
    assert active.json()["has_consent"] is True
    assert "plan.activated" in [e["type"] for e in events]


async def test_a_plan_without_goals_is_not_activated(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
) -> None:
    _, plan = await person_with_plan(client, intake, caseworker, coordinator)
    await consent(client, coordinator, plan["id"])

    response = await client.post(
        f"{API}/plans/{plan['id']}/activate", headers={**coordinator, "If-Match": '"1"'}
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "goals"


async def test_closing_needs_a_reason_and_a_closed_plan_is_never_changed(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
) -> None:
    _, plan = await person_with_plan(client, intake, caseworker, coordinator)
    close = f"{API}/plans/{plan['id']}/close"

    blank = await client.post(
        close, json={"reason": " "}, headers={**coordinator, "If-Match": '"1"'}
    )
    closed = await client.post(
        close,
        json={"reason": "Personen ønsker ikke plan"},
        headers={**coordinator, "If-Match": '"1"'},
    )
    edit = await save(client, coordinator, closed.json(), goals=[goal("x")])

    assert blank.status_code == 422
    assert closed.json()["status"] == "closed"
    assert closed.json()["closed_reason"] == "Personen ønsker ikke plan"
    assert edit.status_code == 409


async def test_only_the_persons_koordinator_starts_or_edits_the_plan(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
    other_coordinator: dict[str, str],
) -> None:
    person, plan = await person_with_plan(client, intake, caseworker, coordinator)

    second = await client.post(
        f"{API}/plans", json={"person_id": person["id"]}, headers=coordinator
    )
    other_create = await client.post(
        f"{API}/plans", json={"person_id": person["id"]}, headers=other_coordinator
    )
    other_edit = await save(client, other_coordinator, plan, goals=[goal("x")])
    other_read = await client.get(f"{API}/plans/{plan['id']}", headers=other_coordinator)

    assert second.status_code == 409
    assert other_create.status_code == 403
    assert other_edit.status_code == 403
    assert other_read.status_code == 403


async def test_a_bad_plan_body_is_a_422_never_a_500(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
) -> None:
    _, plan = await person_with_plan(client, intake, caseworker, coordinator)
    measure = {
        "what": "Fysioterapi",
        "responsible_kind": "unit",
        "responsible": UNIT,
        "goal_id": "00000000-0000-0000-0000-000000000009",
    }

    unknown_goal = await save(client, coordinator, plan, measures=[measure])
    bad_area = await save(client, coordinator, plan, goals=[{"life_area": "moon", "text": "x"}])
    no_plan = await client.get(
        f"{API}/plans/00000000-0000-0000-0000-000000000001", headers=coordinator
    )
    bad_compare = await client.get(
        f"{API}/plans/{plan['id']}/compare", params={"from": 1, "to": 9}, headers=coordinator
    )

    assert unknown_goal.status_code == 422
    assert bad_area.status_code == 422
    assert no_plan.status_code == 404
    assert bad_compare.status_code == 404


async def test_consent_decides_who_else_sees_the_plan_and_withdrawal_closes_it_at_once(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
    headers_for: Callable[..., dict[str, str]],
) -> None:
    _, plan = await person_with_plan(client, intake, caseworker, coordinator)
    member: dict[str, Any] = {
        "name": "Aisha Rahman",
        "role": "sykepleier",
        "unit": UNIT,
        "employee_sub": "nurse-9",
        "may_see_plan": True,
    }
    plan = (await save(client, coordinator, plan, team=[member])).json()
    nurse = headers_for("helsepersonell", units=["annen-enhet"], sub="nurse-9")

    before = await client.get(f"{API}/plans/{plan['id']}", headers=nurse)
    given = await consent(
        client,
        coordinator,
        plan["id"],
        audiences=["team_members"],
        member_ids=[plan["team"][0]["id"]],
    )
    during = await client.get(f"{API}/plans/{plan['id']}", headers=nurse)
    await client.post(
        f"{API}/plans/{plan['id']}/consents/{given['id']}/withdraw",
        json={"withdrawn_on": "2026-11-20", "reason": "Ønsker ikke deling"},
        headers=coordinator,
    )
    after = await client.get(f"{API}/plans/{plan['id']}", headers=nurse)
    own = await client.get(f"{API}/plans/{plan['id']}", headers=coordinator)

    assert before.status_code == 403
    assert during.status_code == 200
    assert during.json()["members_who_may_see"] == [plan["team"][0]["id"]]
    assert after.status_code == 403
    assert own.status_code == 200


async def test_a_guardian_consents_only_as_registered_with_the_mandate_confirmed(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
) -> None:
    person, plan = await person_with_plan(client, intake, caseworker, coordinator)
    registered = (
        await intake.get(f"/api/intake/v1/persons/{person['id']}", headers=caseworker)
    ).json()
    guardian, attorney = registered["representatives"]
    url = f"{API}/plans/{plan['id']}/consents"

    by_guardian = await client.post(
        url,
        json={
            "given_by_kind": "guardian",
            "representative_id": guardian["id"],
            "scope_confirmed": True,
            "given_on": "2026-11-10",
        },
        headers=coordinator,
    )
    as_another_kind = await client.post(
        url,
        json={
            "given_by_kind": "guardian",
            "representative_id": attorney["id"],
            "scope_confirmed": True,
            "given_on": "2026-11-10",
        },
        headers=coordinator,
    )
    economy_only = await client.post(
        url,
        json={
            "given_by_kind": "power_of_attorney",
            "representative_id": attorney["id"],
            "given_on": "2026-11-10",
        },
        headers=coordinator,
    )
    nobody = await client.post(
        url, json={"given_by_kind": "guardian", "given_on": "2026-11-10"}, headers=coordinator
    )

    assert by_guardian.status_code == 201, by_guardian.text
    assert by_guardian.json()["given_by_name"] == "Per Verge"
    assert by_guardian.json()["representative_scope"] == "Personlige og helsemessige forhold"
    assert by_guardian.json()["scope_confirmed_by"] == "Martin Haugen"
    assert as_another_kind.status_code == 422
    assert economy_only.status_code == 422
    assert "Økonomi" in economy_only.json()["detail"]
    assert economy_only.json()["errors"][0]["field"] == "body.scope_confirmed"
    assert nobody.status_code == 422


async def test_a_clinician_of_a_serving_unit_needs_the_consent_to_cover_serving_units(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
    nurse: dict[str, str],
    database_urls: dict[str, str],
    municipality: str,
) -> None:
    person, plan = await person_with_plan(client, intake, caseworker, coordinator)
    async with tenant_connection(database_urls["coordination"], municipality) as connection:
        await connection.execute(
            text(
                "INSERT INTO person_services (decision_id, person_id, service_type, unit) "
                "VALUES (gen_random_uuid(), :person, 'hjemmesykepleie', :unit)"
            ),
            {"person": person["id"], "unit": UNIT},
        )

    without = await client.get(f"{API}/plans/{plan['id']}", headers=nurse)
    await consent(client, coordinator, plan["id"], audiences=["serving_units"])
    with_consent = await client.get(f"{API}/plans/{plan['id']}", headers=nurse)
    caseworker_read = await client.get(f"{API}/plans/{plan['id']}", headers=caseworker)

    assert without.status_code == 403
    assert with_consent.status_code == 200
    assert with_consent.json()["may_edit"] is False
    assert caseworker_read.status_code == 403


async def test_a_serving_unit_s_relation_expires_the_window_after_the_service_ended(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
    nurse: dict[str, str],
    database_urls: dict[str, str],
    municipality: str,
) -> None:
    person, plan = await person_with_plan(client, intake, caseworker, coordinator)
    await consent(client, coordinator, plan["id"], audiences=["serving_units"])
    today = today_in_norway()

    async def served_until(ended_on: date) -> None:
        async with tenant_connection(database_urls["coordination"], municipality) as connection:
            await connection.execute(
                text(
                    "INSERT INTO person_services "
                    "(decision_id, person_id, service_type, unit, starts_on, ended_on) "
                    "VALUES (gen_random_uuid(), :person, 'hjemmesykepleie', :unit, :start, :end)"
                ),
                {
                    "person": person["id"],
                    "unit": UNIT,
                    "start": today - timedelta(days=400),
                    "end": ended_on,
                },
            )

    await served_until(today - timedelta(days=RELATION_WINDOW.days_after_end))
    expired = await client.get(f"{API}/plans/{plan['id']}", headers=nurse)
    await served_until(today - timedelta(days=RELATION_WINDOW.days_after_end - 1))
    within = await client.get(f"{API}/plans/{plan['id']}", headers=nurse)

    assert expired.status_code == 403
    assert expired.headers["content-type"] == "application/problem+json"
    assert within.status_code == 200


async def test_every_read_of_a_plan_writes_the_access_log(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
    other_coordinator: dict[str, str],
    leader: dict[str, str],
) -> None:
    """The log is for leaders and the person's koordinator (a refusal logged too), newest
    first a page at a time, and exported as CSV for innsyn, the export logged."""
    person, plan = await person_with_plan(client, intake, caseworker, coordinator)
    url = f"{API}/persons/{person['id']}/access-log"

    for _ in range(3):
        await client.get(f"{API}/plans/{plan['id']}", headers=coordinator)
    refused = await client.get(f"{API}/plans/{plan['id']}", headers=leader)
    not_theirs = await client.get(url, headers=other_coordinator)  # koordinator, not theirs
    by_koordinator = await client.get(url, headers=coordinator)

    log = (await client.get(url, headers=leader)).json()
    reads = [e for e in log["items"] if e["resource"] == "plan" and e["action"] == "read"]
    assert refused.status_code == 403
    assert not_theirs.status_code == 403
    assert not_theirs.headers["content-type"] == "application/problem+json"
    assert by_koordinator.status_code == 200
    assert len(reads) == 4  # three reads, and the read that answered the create
    assert {e["actor"] for e in reads} == {"koord-1"}
    assert reads[0]["reason"] == "koordinator"
    assert [(e["actor"], e["action"]) for e in log["items"][:2]] == [
        ("koord-1", "read"),  # the koordinator's read of the log, newest first
        ("koord-2", "refused"),
    ]
    assert log["items"][1]["resource"] == "access_log"

    # Two at a time: the pages together are the whole log, none repeated or skipped (a page
    # reads before its own read is logged, so the first page starts with the last read).
    def key(entry: dict[str, Any]) -> tuple[Any, ...]:
        return (entry["occurred_at"], entry["actor"], entry["action"], entry["resource"])

    whole = (await client.get(url, headers=leader)).json()
    pages: list[dict[str, Any]] = []
    cursor: str | None = None
    requests = 0
    while True:
        params: dict[str, Any] = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = (await client.get(url, params=params, headers=leader)).json()
        requests += 1
        pages += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert whole["next_cursor"] is None
    assert requests > 2
    assert [key(e) for e in pages[1:]] == [key(e) for e in whole["items"]]
    assert (pages[0]["actor"], pages[0]["resource"]) == ("leader-1", "access_log")
    bad_cursor = await client.get(url, params={"cursor": "not-a-cursor"}, headers=leader)
    assert bad_cursor.status_code == 422

    exported = await client.get(f"{url}/export", params={"format": "csv"}, headers=leader)
    pdf = await client.get(f"{url}/export", params={"format": "pdf"}, headers=leader)
    refused_export = await client.get(f"{url}/export", headers=other_coordinator)
    latest = (await client.get(url, params={"limit": 2}, headers=leader)).json()["items"]

    assert exported.status_code == 200
    assert exported.headers["content-type"].startswith("text/csv")
    lines = exported.text.removeprefix("\ufeff").splitlines()
    assert lines[0].startswith("occurred_at;actor;actor_name")
    assert lines[-1].split(";")[4:6] == ["export", "access_log"]  # the export is its last line
    assert len(lines) - 1 == len(pages) + requests + 1  # all of it: the pages' reads, export
    assert pdf.status_code == 422  # the printable PDF is intake's
    assert refused_export.status_code == 403
    assert [(e["actor"], e["action"], e["reason"]) for e in latest] == [
        ("koord-2", "refused", latest[0]["reason"]),
        ("leader-1", "export", "innsyn: csv"),
    ]


async def test_every_refusal_about_a_person_is_in_the_access_log(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
    other_coordinator: dict[str, str],
    nurse: dict[str, str],
    leader: dict[str, str],
) -> None:
    """A 403 about a person (a plan read, the koordinator list, the relatives, a change to
    the plan by one who does not coordinate the person) is logged as `refused`, in a
    transaction of its own that the refusal's rollback leaves standing."""
    person, plan = await person_with_plan(client, intake, caseworker, coordinator)
    person_url = f"{API}/persons/{person['id']}"

    answers = [
        await client.get(f"{API}/plans/{plan['id']}", headers=nurse),
        await client.get(f"{person_url}/coordinators", headers=nurse),
        await client.get(f"{person_url}/primary-contacts", headers=nurse),
        await client.get(f"{person_url}/relative-conversations", headers=nurse),
        await save(client, other_coordinator, plan),
    ]
    log = (await client.get(f"{person_url}/access-log", headers=leader)).json()["items"]

    assert [answer.status_code for answer in answers] == [403] * 5, [a.text for a in answers]
    refused = [(e["actor"], e["resource"]) for e in log if e["action"] == "refused"]
    assert refused == [
        ("koord-2", "plan"),
        ("nurse-1", "relative_conversation"),
        ("nurse-1", "primary_contact"),
        ("nurse-1", "coordinator_assignment"),
        ("nurse-1", "plan"),
    ]
    newest_refusal = next(e for e in log if e["action"] == "refused")
    assert newest_refusal["reason"] == answers[4].json()["detail"]


async def test_the_access_log_cannot_be_changed(
    database_urls: dict[str, str],
    municipality: str,
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
) -> None:
    import pytest
    from sqlalchemy.exc import DBAPIError

    await person_with_plan(client, intake, caseworker, coordinator)

    with pytest.raises(DBAPIError):
        async with tenant_connection(database_urls["coordination"], municipality) as connection:
            await connection.execute(text("DELETE FROM access_log"))
