"""Internal audits and supervision findings over HTTP against real PostgreSQL."""

from collections.abc import Callable
from datetime import date
from typing import Any

import httpx

from services.quality.tests.conftest import API, OTHER_UNIT, UNIT
from services.quality.tests.test_procedures_api import PROCEDURE

Headers = Callable[..., dict[str, str]]
MEASURE = {
    "description": "Opplæring i dobbeltkontroll",
    "responsible": "Kari Nordby",
    "due_on": "2027-02-01",
}
FINDING = {
    "authority": "statsforvalteren",
    "case_reference": "2026/4711",
    "kind": "breach",
    "title": "Mangelfull oppfølging av avvik",
    "description": "Kommunen sikrer ikke at avvik i hjemmetjenesten følges opp og lukkes.",
    "received_on": "2026-10-15",
    "deadline": "2027-01-15",
}


def if_match(headers: dict[str, str], version: int) -> dict[str, str]:
    return {**headers, "If-Match": f'"{version}"'}


async def planned(client: httpx.AsyncClient, leader: dict[str, str]) -> Any:
    procedure = (await client.post(f"{API}/procedures", json=PROCEDURE, headers=leader)).json()
    response = await client.post(
        f"{API}/audits",
        json={
            "procedure_id": procedure["id"],
            "unit": UNIT,
            "planned_on": "2026-12-15",
            "auditor": "Per Ødegård",
            "sample_plan": "Ti tilfeldige medisinkurver fra uke 48",
        },
        headers=leader,
    )
    assert response.status_code == 201, response.text
    return response.json()


async def test_an_audit_is_planned_recorded_and_its_non_conformities_become_measures(
    client: httpx.AsyncClient, leader: dict[str, str], headers_for: Headers, today_is: Any
) -> None:
    today_is(date(2026, 12, 1))
    audit = await planned(client, leader)
    assert audit["status"] == "planned" and audit["is_overdue"] is False

    today_is(date(2026, 12, 16))
    recorded = await client.post(
        f"{API}/audits/{audit['id']}/record",
        json={
            "performed_on": "2026-12-16",
            "sample": "Ti medisinkurver, uke 48",
            "findings": "Åtte av ti signert riktig.",
            "non_conformities": [
                {"non_conformity": "To kurver uten signatur", "measure": MEASURE},
            ],
        },
        headers=if_match(leader, audit["version"]),
    )

    assert recorded.status_code == 200, recorded.text
    body = recorded.json()
    assert body["status"] == "completed" and body["procedure_version"] == 1
    assert body["non_conformities"] == 1
    assert body["measures"][0]["non_conformity"] == "To kurver uten signatur"
    assert body["measures"][0]["source"] == "audit"
    feed = (await client.get(f"{API}/events", headers=headers_for("systemintegrasjon"))).json()
    completed = [e["data"] for e in feed["items"] if e["type"] == "audit.completed"]
    mine = next(e for e in completed if e["audit_id"] == audit["id"])
    assert mine["non_conformities"] == 1 and mine["procedure_version"] == 1
    assert "findings" not in mine and "sample" not in mine

    again = await client.post(
        f"{API}/audits/{audit['id']}/record",
        json={"performed_on": "2026-12-16", "sample": "x", "findings": "y"},
        headers=if_match(leader, body["version"]),
    )
    assert again.status_code == 409


async def test_audit_errors_are_problems(
    client: httpx.AsyncClient, leader: dict[str, str], nurse: dict[str, str], today_is: Any
) -> None:
    today_is(date(2026, 12, 1))
    audit = await planned(client, leader)

    past = await client.post(
        f"{API}/audits",
        json={
            "procedure_id": audit["procedure_id"],
            "unit": UNIT,
            "planned_on": "2026-01-01",
            "auditor": "X",
        },
        headers=leader,
    )
    unknown = await client.post(
        f"{API}/audits",
        json={
            "procedure_id": "00000000-0000-4000-8000-000000000000",
            "unit": UNIT,
            "planned_on": "2026-12-20",
            "auditor": "X",
        },
        headers=leader,
    )
    future = await client.post(
        f"{API}/audits/{audit['id']}/record",
        json={"performed_on": "2026-12-24", "sample": "x", "findings": "y"},
        headers=if_match(leader, audit["version"]),
    )
    stale_due = await client.post(
        f"{API}/audits/{audit['id']}/record",
        json={
            "performed_on": "2026-12-01",
            "sample": "x",
            "findings": "y",
            "non_conformities": [
                {"non_conformity": "z", "measure": {**MEASURE, "due_on": "2026-01-01"}}
            ],
        },
        headers=if_match(leader, audit["version"]),
    )

    assert past.status_code == 422
    assert (
        unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "body.procedure_id"
    )
    assert future.status_code == 422
    assert stale_due.status_code == 422
    assert stale_due.json()["errors"][0]["field"] == "body.non_conformities.0.measure.due_on"
    assert (await client.get(f"{API}/audits/{audit['id']}", headers=leader)).json()[
        "status"
    ] == "planned"
    assert (await client.get(f"{API}/audits", headers=nurse)).status_code == 403


async def test_a_planned_audit_left_after_its_day_is_overdue(
    client: httpx.AsyncClient, leader: dict[str, str], today_is: Any
) -> None:
    today_is(date(2026, 12, 1))
    audit = await planned(client, leader)
    today_is(date(2026, 12, 20))

    listed = (await client.get(f"{API}/audits", headers=leader)).json()["items"]

    assert next(a for a in listed if a["id"] == audit["id"])["is_overdue"] is True


async def test_a_finding_is_followed_up_and_closed_when_its_measures_are_done(
    client: httpx.AsyncClient, quality_lead: dict[str, str], leader: dict[str, str], today_is: Any
) -> None:
    today_is(date(2026, 12, 1))
    created = await client.post(f"{API}/supervision-findings", json=FINDING, headers=quality_lead)
    assert created.status_code == 201, created.text
    finding = created.json()
    assert finding["status"] == "open" and finding["is_overdue"] is False

    too_early = await client.post(
        f"{API}/supervision-findings/{finding['id']}/close",
        json={"closing_note": "Fulgt opp"},
        headers=if_match(quality_lead, finding["version"]),
    )
    assert too_early.status_code == 409
    measure = (
        await client.post(
            f"{API}/supervision-findings/{finding['id']}/measures",
            json=MEASURE,
            headers=quality_lead,
        )
    ).json()
    assert measure["source"] == "supervision"
    still_open = await client.post(
        f"{API}/supervision-findings/{finding['id']}/close",
        json={"closing_note": "Fulgt opp"},
        headers=if_match(quality_lead, finding["version"]),
    )
    assert still_open.status_code == 409

    today_is(date(2027, 1, 20))
    overdue = (await client.get(f"{API}/supervision-findings", headers=quality_lead)).json()
    assert next(f for f in overdue["items"] if f["id"] == finding["id"])["is_overdue"] is True
    assert (
        await client.get(f"{API}/supervision-findings/{finding['id']}", headers=leader)
    ).status_code == 404

    await client.patch(
        f"{API}/measures/{measure['id']}",
        json={"status": "done"},
        headers=if_match(quality_lead, measure["version"]),
    )
    closed = await client.post(
        f"{API}/supervision-findings/{finding['id']}/close",
        json={"closing_note": "Ny rutine for lukking av avvik; sendt Statsforvalteren."},
        headers=if_match(quality_lead, finding["version"]),
    )
    assert closed.status_code == 200, closed.text
    assert closed.json()["status"] == "closed" and closed.json()["closed_on"] == "2027-01-20"
    assert closed.json()["is_overdue"] is False
    after = await client.post(
        f"{API}/supervision-findings/{finding['id']}/measures", json=MEASURE, headers=quality_lead
    )
    assert after.status_code == 409


async def test_a_leader_records_findings_for_their_unit_only(
    client: httpx.AsyncClient, leader: dict[str, str], token_factory: Callable[..., str]
) -> None:
    own = await client.post(
        f"{API}/supervision-findings", json={**FINDING, "unit": UNIT}, headers=leader
    )
    other = await client.post(
        f"{API}/supervision-findings", json={**FINDING, "unit": OTHER_UNIT}, headers=leader
    )
    municipal = await client.post(f"{API}/supervision-findings", json=FINDING, headers=leader)
    backwards = await client.post(
        f"{API}/supervision-findings",
        json={**FINDING, "unit": UNIT, "deadline": "2026-01-01"},
        headers=leader,
    )
    unknown_authority = await client.post(
        f"{API}/supervision-findings",
        json={**FINDING, "unit": UNIT, "authority": "arbeidstilsynet"},
        headers=leader,
    )
    elsewhere = {"Authorization": f"Bearer {token_factory('kvalitetsleder', municipality='9999')}"}

    assert own.status_code == 201 and other.status_code == 403 and municipal.status_code == 403
    assert backwards.status_code == 422 and unknown_authority.status_code == 422
    hidden = await client.get(f"{API}/supervision-findings/{own.json()['id']}", headers=elsewhere)
    assert hidden.status_code == 404


async def test_the_audits_and_the_findings_are_cursor_paged(
    client: httpx.AsyncClient,
    leader: dict[str, str],
    quality_lead: dict[str, str],
    today_is: Any,
) -> None:
    today_is(date(2026, 12, 1))
    planned_ids = {(await planned(client, leader))["id"] for _ in range(3)}
    for deadline in ("2027-01-15", "2027-01-10", "2027-01-20"):
        created = await client.post(
            f"{API}/supervision-findings",
            json={**FINDING, "unit": UNIT, "deadline": deadline},
            headers=quality_lead,
        )
        assert created.status_code == 201, created.text

    for path, key in (("audits", "planned_on"), ("supervision-findings", "deadline")):
        first = (await client.get(f"{API}/{path}", params={"limit": 2}, headers=leader)).json()
        assert len(first["items"]) == 2 and first["next_cursor"]
        rest = (
            await client.get(
                f"{API}/{path}",
                params={"limit": 2, "cursor": first["next_cursor"]},
                headers=leader,
            )
        ).json()
        items = first["items"] + rest["items"]
        assert len({i["id"] for i in items}) == len(items) >= 3
        assert [i[key] for i in items] == sorted(i[key] for i in items)
        bad = await client.get(f"{API}/{path}", params={"cursor": "nonsense"}, headers=leader)
        assert bad.status_code == 422
    audits = (await client.get(f"{API}/audits", params={"limit": 500}, headers=leader)).json()
    assert planned_ids <= {a["id"] for a in audits["items"]}


async def test_recording_closing_and_changing_a_measure_need_the_version_shown(
    client: httpx.AsyncClient,
    leader: dict[str, str],
    quality_lead: dict[str, str],
    today_is: Any,
) -> None:
    today_is(date(2026, 12, 1))
    audit = await planned(client, leader)
    today_is(date(2026, 12, 15))
    record = {"performed_on": "2026-12-15", "sample": "Ti kurver", "findings": "Alt i orden"}
    url = f"{API}/audits/{audit['id']}/record"
    stale = await client.post(url, json=record, headers=if_match(leader, audit["version"] + 1))
    missing = await client.post(url, json=record, headers=leader)
    assert (stale.status_code, missing.status_code) == (412, 428)
    assert stale.headers["content-type"].startswith("application/problem+json")
    assert (await client.get(f"{API}/audits/{audit['id']}", headers=leader)).json()[
        "status"
    ] == "planned", "nothing recorded"

    finding = (
        await client.post(f"{API}/supervision-findings", json=FINDING, headers=quality_lead)
    ).json()
    measure = (
        await client.post(
            f"{API}/supervision-findings/{finding['id']}/measures",
            json={**MEASURE, "due_on": "2027-01-01"},
            headers=quality_lead,
        )
    ).json()
    done = await client.patch(
        f"{API}/measures/{measure['id']}",
        json={"status": "done"},
        headers=if_match(quality_lead, measure["version"]),
    )
    assert done.status_code == 200, done.text
    again = await client.patch(
        f"{API}/measures/{measure['id']}",
        json={"status": "cancelled"},
        headers=if_match(quality_lead, measure["version"]),
    )
    assert again.status_code == 412
    close = f"{API}/supervision-findings/{finding['id']}/close"
    note = {"closing_note": "Rutinen er endret og kontrollert."}
    assert (
        await client.post(close, json=note, headers=if_match(quality_lead, finding["version"] + 1))
    ).status_code == 412
    closed = await client.post(close, json=note, headers=if_match(quality_lead, finding["version"]))
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
