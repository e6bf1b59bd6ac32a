"""A person's welfare-technology access log: leaders and the velferdsteknolog of the person's
open case read it (others get a 403 that is itself logged), newest first a page at a time,
and export it as CSV for the person's innsyn request."""

from collections.abc import Callable
from typing import Any

import httpx

from dev.testing import auth
from services.welfaretech.tests.conftest import API, assess


async def test_a_persons_log_is_for_leaders_and_the_velferdsteknolog_of_the_open_case(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    headers_for: Callable[..., dict[str, str]],
    token_factory: Callable[..., str],
) -> None:
    leader = headers_for("leder", sub="leder-1")
    other_technologist = headers_for("velferdsteknolog", sub="vt-2")
    nurse = headers_for("helsepersonell", units=["hjemmetjenesten-ski"])
    url = f"{API}/persons/{person['id']}/access-log"
    never_seen = await client.get(url, headers=leader)  # intake knows the person, not we
    assessment = await assess(client, team, person["id"])
    await client.get(f"{API}/assessments/{assessment['id']}", headers=leader)

    not_theirs = await client.get(url, headers=other_technologist)
    by_nurse = await client.get(url, headers=nurse)
    by_owner = await client.get(url, headers=team)
    log = (await client.get(url, headers=leader)).json()["items"]

    assert never_seen.status_code == 404
    assert never_seen.headers["content-type"] == "application/problem+json"
    assert not_theirs.status_code == 403
    assert not_theirs.headers["content-type"] == "application/problem+json"
    assert by_nurse.status_code == 403
    assert by_owner.status_code == 200
    assert [(e["actor"], e["action"], e["resource"]) for e in log[:4]] == [
        ("test-velferdsteknolog", "read", "access_log"),
        ("test-helsepersonell", "refused", "access_log"),
        ("vt-2", "refused", "access_log"),
        ("leder-1", "read", "assessment"),
    ]
    assert log[2]["reason"] == not_theirs.json()["detail"]
    assert ("test-velferdsteknolog", "create", "assessment") in {
        (e["actor"], e["action"], e["resource"]) for e in log
    }

    # Every recommendation decided, no loan: the assessment is no longer an open case.
    for recommendation in assessment["recommendations"]:
        decided = await client.post(
            f"{API}/recommendations/{recommendation['id']}/decide",
            json={"accept": False, "reason": "Ikke nå", "decided_on": "2026-03-16"},
            headers={**team, "If-Match": f'"{recommendation["version"]}"'},
        )
        assert decided.status_code == 200, decided.text
    closed = await client.get(url, headers=team)
    elsewhere = await client.get(url, headers=auth(token_factory("leder", municipality="5032")))
    unknown = await client.get(
        f"{API}/persons/00000000-0000-4000-8000-000000000000/access-log", headers=leader
    )

    assert closed.status_code == 403
    assert elsewhere.status_code == 404
    assert unknown.status_code == 404


async def test_a_persons_log_pages_newest_first_and_exports_as_csv(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    headers_for: Callable[..., dict[str, str]],
) -> None:
    leader = headers_for("leder", sub="leder-1")
    url = f"{API}/persons/{person['id']}/access-log"
    assessment = await assess(client, team, person["id"])
    for _ in range(3):
        await client.get(f"{API}/assessments/{assessment['id']}", headers=team)

    whole = (await client.get(url, headers=leader)).json()
    pages: list[dict[str, Any]] = []
    cursor: str | None = None
    requests = 0
    while True:
        params: dict[str, Any] = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = await client.get(url, params=params, headers=leader)
        assert page.status_code == 200, page.text
        requests += 1
        pages += page.json()["items"]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            break
    bad_cursor = await client.get(url, params={"cursor": "not-a-cursor"}, headers=leader)
    exported = await client.get(f"{url}/export", params={"format": "csv"}, headers=leader)
    pdf = await client.get(f"{url}/export", params={"format": "pdf"}, headers=leader)
    refused = await client.get(f"{url}/export", headers=headers_for("velferdsteknolog", sub="x"))
    latest = (await client.get(url, params={"limit": 2}, headers=leader)).json()["items"]

    def key(entry: dict[str, Any]) -> tuple[Any, ...]:
        return (entry["occurred_at"], entry["actor"], entry["action"], entry["resource"])

    assert whole["next_cursor"] is None
    assert requests > 2
    # A page is read before its own read is logged: the first page starts with that read.
    assert [key(e) for e in pages[1:]] == [key(e) for e in whole["items"]]
    assert bad_cursor.status_code == 422
    assert exported.status_code == 200
    assert exported.headers["content-type"].startswith("text/csv")
    assert "tilgangslogg-velferdsteknologi-" in exported.headers["content-disposition"]
    lines = exported.text.removeprefix("\ufeff").splitlines()
    assert lines[0].startswith("occurred_at;actor;actor_name")
    assert lines[-1].split(";")[4:6] == ["export", "access_log"]  # the export is its last line
    assert len(lines) - 1 == len(pages) + requests + 1
    assert pdf.status_code == 422  # the printable PDF is intake's
    assert refused.status_code == 403
    assert [(e["actor"], e["action"]) for e in latest] == [("x", "refused"), ("leder-1", "export")]
