"""A person's quality access log: the deviations about a person are their data here; leaders
and the kvalitetsleder read who has seen them (any other employee's attempt is a 403 that is
itself logged), newest first a page at a time, and export it as CSV for innsyn."""

import uuid
from collections.abc import Callable

import httpx

from dev.testing import auth
from services.quality.tests.conftest import API, OTHER_UNIT, report, step


async def test_a_persons_log_is_for_leaders_and_the_quality_lead_paged_and_exported(
    client: httpx.AsyncClient,
    nurse: dict[str, str],
    leader: dict[str, str],
    quality_lead: dict[str, str],
    token_factory: Callable[..., str],
) -> None:
    person = str(uuid.uuid4())
    url = f"{API}/persons/{person}/access-log"
    never_seen = await client.get(url, headers=leader)
    deviation = await report(client, nurse, person_id=person)
    await client.get(f"{API}/deviations/{deviation['id']}", headers=leader)

    by_nurse = await client.get(url, headers=nurse)  # the reporter, not a reader of the log
    by_lead = await client.get(url, headers=quality_lead)
    log = (await client.get(url, headers=leader)).json()
    elsewhere = await client.get(url, headers=auth(token_factory("leder", municipality="5032")))

    assert never_seen.status_code == 404
    assert never_seen.headers["content-type"] == "application/problem+json"
    assert by_nurse.status_code == 403
    assert by_nurse.headers["content-type"] == "application/problem+json"
    assert by_lead.status_code == 200
    assert elsewhere.status_code == 404
    assert [(e["actor"], e["action"], e["resource"]) for e in log["items"]] == [
        ("ql-1", "read", "access_log"),
        ("nurse-1", "refused", "access_log"),
        ("leader-1", "read", "deviation"),
        ("nurse-1", "create", "deviation"),
    ]
    assert log["items"][1]["reason"] == by_nurse.json()["detail"]

    first = (await client.get(url, params={"limit": 2}, headers=leader)).json()
    rest = await client.get(
        url, params={"limit": 2, "cursor": first["next_cursor"]}, headers=leader
    )
    exported = await client.get(f"{url}/export", params={"format": "csv"}, headers=quality_lead)
    refused_export = await client.get(f"{url}/export", headers=nurse)

    assert [e["action"] for e in first["items"]] == ["read", "read"]  # leader's, then ql-1's
    assert [e["action"] for e in rest.json()["items"]] == ["refused", "read"]
    assert exported.status_code == 200
    assert exported.headers["content-type"].startswith("text/csv")
    assert "tilgangslogg-kvalitet-" in exported.headers["content-disposition"]
    lines = exported.text.removeprefix("\ufeff").splitlines()
    assert lines[0].startswith("occurred_at;actor;actor_name")
    assert [line.split(";")[1] for line in lines[1:3]] == ["nurse-1", "leader-1"]
    assert lines[-1].split(";")[1] == "ql-1"
    assert lines[-1].split(";")[4:6] == ["export", "access_log"]
    assert refused_export.status_code == 403


async def test_a_leader_refused_handling_a_deviation_about_a_person_is_in_the_log(
    client: httpx.AsyncClient,
    leader: dict[str, str],
    headers_for: Callable[..., dict[str, str]],
) -> None:
    person = str(uuid.uuid4())
    # A leader of another unit reports a deviation in this unit: theirs to read, not to handle.
    reporter = headers_for("leder", units=[OTHER_UNIT], sub="leader-2")
    deviation = await report(client, reporter, person_id=person)

    refused = await step(client, reporter, deviation, "acknowledge", {})
    log = await client.get(f"{API}/persons/{person}/access-log", headers=leader)

    assert refused.status_code == 403
    assert refused.headers["content-type"] == "application/problem+json"
    newest = log.json()["items"][0]
    assert (newest["actor"], newest["action"], newest["resource"], newest["resource_id"]) == (
        "leader-2",
        "refused",
        "deviation",
        deviation["id"],
    )
