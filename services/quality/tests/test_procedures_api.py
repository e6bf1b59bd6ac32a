"""The procedure library over HTTP against real PostgreSQL: versions that are never
overwritten, `procedure.revised`, read-and-understood receipts, who has not confirmed,
overdue reviews, and a deviation naming the procedure that was not followed."""

from collections.abc import Callable
from typing import Any

import httpx

from services.quality.tests.conftest import API, OTHER_UNIT, UNIT, report

Headers = Callable[..., dict[str, str]]

PROCEDURE = {
    "unit": UNIT,
    "title": "Utdeling av legemidler i hjemmetjenesten",
    "owner": "Kari Nordby",
    "valid_from": "2026-01-01",
    "review_by": "2027-12-31",
    "approved_by": "Kommunalsjef helse",
    "text": "1. Kontroller navn og fødselsdato.\n2. Kontroller dosett mot legemiddelliste.",
}
REVISION = {
    "valid_from": "2026-11-01",
    "review_by": "2028-11-01",
    "approved_by": "Kommunalsjef helse",
    "text": "1. Kontroller navn og fødselsdato.\n2. Dobbeltkontroll ved multidosebytte.",
    "change_note": "Dobbeltkontroll ved bytte av multidose (etter ROS 2026).",
}


async def create(client: httpx.AsyncClient, headers: dict[str, str], **overrides: Any) -> Any:
    response = await client.post(
        f"{API}/procedures", json={**PROCEDURE, **overrides}, headers=headers
    )
    assert response.status_code == 201, response.text
    return response.json()


async def events(client: httpx.AsyncClient, headers_for: Headers, kind: str) -> list[Any]:
    response = await client.get(f"{API}/events", headers=headers_for("systemintegrasjon"))
    return [e for e in response.json()["items"] if e["type"] == kind]


async def test_a_revision_is_a_new_version_and_the_old_one_stays(
    client: httpx.AsyncClient, leader: dict[str, str], headers_for: Headers
) -> None:
    procedure = await create(client, leader)
    assert procedure["current_version"] == 1 and procedure["may_edit"] is True

    revised = await client.post(
        f"{API}/procedures/{procedure['id']}/revisions",
        json=REVISION,
        headers={**leader, "If-Match": f'"{procedure["version"]}"'},
    )

    assert revised.status_code == 200, revised.text
    body = revised.json()
    assert body["current_version"] == 2 and body["current"]["text"] == REVISION["text"]
    assert [v["number"] for v in body["versions"]] == [2, 1]
    assert body["versions"][1]["text"] == PROCEDURE["text"]
    assert body["versions"][0]["change_note"].startswith("Dobbeltkontroll")
    published = [
        e["data"]
        for e in await events(client, headers_for, "procedure.revised")
        if e["data"]["procedure_id"] == procedure["id"]
    ]
    assert [e["version"] for e in published] == [1, 2]
    assert set(published[1]) == {"procedure_id", "unit", "version", "valid_from", "review_by"}

    stale = await client.post(
        f"{API}/procedures/{procedure['id']}/revisions",
        json=REVISION,
        headers={**leader, "If-Match": f'"{procedure["version"]}"'},
    )
    assert stale.status_code == 412


async def test_an_employee_confirms_and_must_confirm_again_after_a_revision(
    client: httpx.AsyncClient, leader: dict[str, str], nurse: dict[str, str], headers_for: Headers
) -> None:
    procedure = await create(client, leader)
    colleague = headers_for("helsepersonell", units=[UNIT], sub="nurse-2", name="Bjørn Lie")
    await client.get(f"{API}/procedures", headers=colleague)

    listed = (await client.get(f"{API}/procedures", params={"unit": UNIT}, headers=nurse)).json()
    assert (
        next(p for p in listed["items"] if p["id"] == procedure["id"])["confirmed_by_me"] is False
    )
    confirmed = await client.post(
        f"{API}/procedures/{procedure['id']}/receipts", json={"version": 1}, headers=nurse
    )
    assert confirmed.status_code == 200, confirmed.text
    assert confirmed.json()["confirmed_by_me"] is True
    twice = await client.post(
        f"{API}/procedures/{procedure['id']}/receipts", json={"version": 1}, headers=nurse
    )
    assert twice.status_code == 200

    readers = (
        await client.get(f"{API}/procedures/{procedure['id']}/readers", headers=leader)
    ).json()
    by_sub = {r["sub"]: r for r in readers["readers"]}
    assert by_sub["nurse-1"]["has_confirmed_current"] is True
    assert by_sub["nurse-2"]["has_confirmed_current"] is False
    assert readers["readers"][0]["sub"] == "nurse-2"
    assert readers["confirmed"] == 1

    await client.post(
        f"{API}/procedures/{procedure['id']}/revisions",
        json=REVISION,
        headers={**leader, "If-Match": f'"{procedure["version"]}"'},
    )
    old = await client.post(
        f"{API}/procedures/{procedure['id']}/receipts", json={"version": 1}, headers=nurse
    )
    assert old.status_code == 409
    reread = (await client.get(f"{API}/procedures/{procedure['id']}", headers=nurse)).json()
    assert reread["confirmed_by_me"] is False and reread["my_confirmed_version"] == 1
    after = (await client.get(f"{API}/procedures/{procedure['id']}/readers", headers=leader)).json()
    assert after["confirmed"] == 0
    assert {r["sub"]: r for r in after["readers"]}["nurse-1"]["confirmed_version"] == 1


async def test_who_may_publish_and_see_the_readers(
    client: httpx.AsyncClient,
    leader: dict[str, str],
    nurse: dict[str, str],
    quality_lead: dict[str, str],
    headers_for: Headers,
) -> None:
    municipal = await create(client, quality_lead, unit=None)
    assert municipal["unit"] is None

    assert (
        await client.post(f"{API}/procedures", json={**PROCEDURE, "unit": None}, headers=leader)
    ).status_code == 403
    assert (
        await client.post(
            f"{API}/procedures", json={**PROCEDURE, "unit": OTHER_UNIT}, headers=leader
        )
    ).status_code == 403
    assert (
        await client.post(f"{API}/procedures", json=PROCEDURE, headers=nurse)
    ).status_code == 403
    assert (
        await client.get(f"{API}/procedures/{municipal['id']}", headers=nurse)
    ).status_code == 200
    assert (
        await client.get(f"{API}/procedures/{municipal['id']}/readers", headers=leader)
    ).status_code == 403
    assert (
        await client.get(f"{API}/procedures/{municipal['id']}/readers", headers=nurse)
    ).status_code == 403
    revised_by_leader = await client.post(
        f"{API}/procedures/{municipal['id']}/revisions",
        json=REVISION,
        headers={**leader, "If-Match": f'"{municipal["version"]}"'},
    )
    assert revised_by_leader.status_code == 403


async def test_text_or_link_and_dates_in_order_else_422(
    client: httpx.AsyncClient, leader: dict[str, str]
) -> None:
    neither = await client.post(
        f"{API}/procedures", json={**PROCEDURE, "text": None}, headers=leader
    )
    backwards = await client.post(
        f"{API}/procedures", json={**PROCEDURE, "review_by": "2025-01-01"}, headers=leader
    )
    not_https = await client.post(
        f"{API}/procedures", json={**PROCEDURE, "text": None, "link": "ftp://x"}, headers=leader
    )
    link_only = await client.post(
        f"{API}/procedures",
        json={**PROCEDURE, "text": None, "link": "https://eqs.example/doc/17"},
        headers=leader,
    )
    procedure = link_only.json()
    earlier = await client.post(
        f"{API}/procedures/{procedure['id']}/revisions",
        json={**REVISION, "valid_from": "2025-06-01"},
        headers={**leader, "If-Match": f'"{procedure["version"]}"'},
    )

    assert neither.status_code == 422 and neither.json()["errors"][0]["field"] == "body.text"
    assert backwards.status_code == 422
    assert not_https.status_code == 422
    assert link_only.status_code == 201
    assert earlier.status_code == 422 and earlier.json()["errors"][0]["field"] == "body.valid_from"


async def test_overdue_reviews_are_listed(
    client: httpx.AsyncClient, leader: dict[str, str]
) -> None:
    overdue = await create(client, leader, valid_from="2024-01-01", review_by="2025-01-01")
    current = await create(client, leader)

    listed = (
        await client.get(f"{API}/procedures", params={"review_overdue": "true"}, headers=leader)
    ).json()["items"]

    ids = {p["id"] for p in listed}
    assert overdue["id"] in ids and current["id"] not in ids
    assert all(p["is_review_overdue"] for p in listed)


async def test_nobody_outside_the_municipality_reads_or_confirms(
    client: httpx.AsyncClient, leader: dict[str, str], token_factory: Callable[..., str]
) -> None:
    procedure = await create(client, leader)
    elsewhere = {"Authorization": f"Bearer {token_factory('helsepersonell', municipality='9999')}"}

    assert (
        await client.get(f"{API}/procedures/{procedure['id']}", headers=elsewhere)
    ).status_code == 404
    assert (
        await client.post(
            f"{API}/procedures/{procedure['id']}/receipts", json={"version": 1}, headers=elsewhere
        )
    ).status_code == 404
    assert procedure["id"] not in (await client.get(f"{API}/procedures", headers=elsewhere)).text


async def test_a_deviation_names_the_procedure_that_was_not_followed(
    client: httpx.AsyncClient,
    leader: dict[str, str],
    nurse: dict[str, str],
    quality_lead: dict[str, str],
) -> None:
    procedure = await create(client, leader)
    other = await create(client, quality_lead, unit=OTHER_UNIT)
    deviation = await report(client, nurse)

    named = await client.put(
        f"{API}/deviations/{deviation['id']}/references",
        json={"procedure_id": procedure["id"]},
        headers=leader,
    )
    wrong_unit = await client.put(
        f"{API}/deviations/{deviation['id']}/references",
        json={"procedure_id": other["id"]},
        headers=leader,
    )

    assert named.status_code == 200, named.text
    assert named.json()["procedure_title"] == PROCEDURE["title"]
    assert named.json()["procedure_version"] == 1
    assert wrong_unit.status_code == 422
    read = (await client.get(f"{API}/procedures/{procedure['id']}", headers=leader)).json()
    assert read["not_followed_in_deviations"] == 1


async def test_the_library_is_cursor_paged_by_title(
    client: httpx.AsyncClient, leader: dict[str, str]
) -> None:
    for title in ("Smittevern", "Fallforebygging", "Legemiddelhåndtering"):
        await create(client, leader, title=title)

    first = (await client.get(f"{API}/procedures", params={"limit": 2}, headers=leader)).json()
    rest = (
        await client.get(
            f"{API}/procedures",
            params={"limit": 2, "cursor": first["next_cursor"]},
            headers=leader,
        )
    ).json()

    titles = [p["title"] for p in first["items"] + rest["items"]]
    assert titles == ["Fallforebygging", "Legemiddelhåndtering", "Smittevern"]
    assert rest["next_cursor"] is None
