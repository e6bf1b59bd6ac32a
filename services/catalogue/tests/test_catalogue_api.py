"""The catalogue over HTTP against real PostgreSQL."""

from collections.abc import Callable

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from dev.testing import auth, tenant_connection
from services.catalogue.tests.conftest import level_body, make_service, service_body

API = "/api/catalogue/v1"


async def test_admin_creates_a_service_that_every_role_can_read(
    client: httpx.AsyncClient, admin: dict[str, str], reader: dict[str, str]
) -> None:
    await make_service(client, admin)

    response = await client.get(f"{API}/service-types/hjemmesykepleie", headers=reader)

    assert response.status_code == 200
    body = response.json()
    assert body["care_level"]["code"] == "1"
    assert body["current_criteria"]["version"] == 1
    assert body["current_criteria"]["conditions"] == [
        {"metric": "adl_mean", "op": ">=", "value": 2}
    ]
    assert response.headers["etag"] == '"1"'


async def test_unknown_service_type_is_a_404_problem(
    client: httpx.AsyncClient, reader: dict[str, str]
) -> None:
    response = await client.get(f"{API}/service-types/finnes-ikke", headers=reader)

    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"].endswith("/not-found")


async def test_invalid_input_is_a_422_with_field_paths(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    body = service_body(scope_unit="litres", name={"nn": "mangler bokmål"})

    response = await client.post(f"{API}/service-types", json=body, headers=admin)

    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["errors"]}
    assert {"body.scope_unit", "body.name.nb"} <= fields


async def test_an_unknown_criteria_metric_is_a_422_naming_the_condition(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    await client.post(f"{API}/care-levels", json=level_body(), headers=admin)
    body = service_body()
    body["criteria"]["conditions"] = [{"metric": "shoe_size", "op": ">", "value": 40}]

    response = await client.post(f"{API}/service-types", json=body, headers=admin)

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.criteria.conditions.0.metric"
    assert (
        await client.get(f"{API}/service-types/hjemmesykepleie", headers=admin)
    ).status_code == 404


async def test_a_service_needs_an_existing_care_level(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    response = await client.post(
        f"{API}/service-types", json=service_body(level="9"), headers=admin
    )

    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "body.care_level", "message": "There is no care level '9'"}
    ]


async def test_a_second_service_with_the_same_code_is_a_409(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    await make_service(client, admin)

    response = await client.post(f"{API}/service-types", json=service_body(), headers=admin)

    assert response.status_code == 409
    assert response.json()["status"] == 409


async def test_only_admin_may_write(client: httpx.AsyncClient, reader: dict[str, str]) -> None:
    response = await client.post(f"{API}/care-levels", json=level_body(), headers=reader)

    assert response.status_code == 403
    assert response.json()["type"].endswith("/forbidden")


async def test_criteria_versions_keep_history_retrievable_by_date(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    await make_service(client, admin)
    criteria = f"{API}/service-types/hjemmesykepleie/criteria"
    first = (await client.get(f"{criteria}/1", headers=admin)).json()

    added = await client.post(
        criteria,
        json={
            "effective_from": "2025-01-01",
            "text": {"nb": "Strengere krav."},
            "conditions": [{"metric": "adl_mean", "op": ">=", "value": 3}],
        },
        headers=admin,
    )

    assert added.status_code == 201
    assert added.json()["version"] == 2
    versions = (await client.get(criteria, headers=admin)).json()["items"]
    assert [(v["version"], v["effective_from"], v["effective_to"]) for v in versions] == [
        (1, "2024-01-01", "2024-12-31"),
        (2, "2025-01-01", None),
    ]
    old = (await client.get(f"{criteria}/1", headers=admin)).json()
    assert {k: v for k, v in old.items() if k not in ("effective_to", "in_force")} == {
        k: v for k, v in first.items() if k not in ("effective_to", "in_force")
    }
    on_2024 = (await client.get(criteria, params={"on": "2024-06-30"}, headers=admin)).json()[
        "items"
    ]
    assert [v["version"] for v in on_2024] == [1]
    on_2026 = (await client.get(criteria, params={"on": "2026-06-30"}, headers=admin)).json()[
        "items"
    ]
    assert [v["version"] for v in on_2026] == [2]
    before = await client.get(criteria, params={"on": "2023-01-01"}, headers=admin)
    assert before.status_code == 404


async def test_a_version_cannot_take_effect_before_the_latest(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    await make_service(client, admin)

    response = await client.post(
        f"{API}/service-types/hjemmesykepleie/criteria",
        json={"effective_from": "2023-01-01", "text": {"nb": "Tilbakedatert."}, "conditions": []},
        headers=admin,
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.effective_from"


async def test_the_database_refuses_to_change_a_criteria_version(
    client: httpx.AsyncClient,
    admin: dict[str, str],
    database_urls: dict[str, str],
    municipality: str,
) -> None:
    await make_service(client, admin)

    with pytest.raises(DBAPIError, match="immutable"):
        async with tenant_connection(database_urls["catalogue"], municipality) as connection:
            await connection.execute(text("UPDATE allocation_criteria SET source = 'endret'"))


async def test_update_needs_if_match_and_refuses_a_stale_one(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    await make_service(client, admin)
    url = f"{API}/service-types/hjemmesykepleie"
    change = {"published": False}

    missing = await client.patch(url, json=change, headers=admin)
    done = await client.patch(url, json=change, headers={**admin, "If-Match": '"1"'})
    stale = await client.patch(url, json={"published": True}, headers={**admin, "If-Match": '"1"'})

    assert missing.status_code == 428
    assert done.status_code == 200
    assert done.headers["etag"] == '"2"'
    assert done.json()["published"] is False
    assert stale.status_code == 412
    assert stale.headers["content-type"] == "application/problem+json"


async def test_a_retried_post_with_the_same_key_creates_nothing_twice(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    headers = {**admin, "Idempotency-Key": "nettbrett-42"}
    await client.post(f"{API}/care-levels", json=level_body(), headers=admin)

    first = await client.post(f"{API}/service-types", json=service_body(), headers=headers)
    again = await client.post(f"{API}/service-types", json=service_body(), headers=headers)
    other = await client.post(
        f"{API}/service-types", json=service_body(code="annen"), headers=headers
    )

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    assert other.status_code == 409
    listed = (await client.get(f"{API}/service-types", headers=admin)).json()["items"]
    assert [s["code"] for s in listed] == ["hjemmesykepleie"]


async def test_one_municipality_never_sees_anothers_rows(
    client: httpx.AsyncClient, admin: dict[str, str], token_factory: Callable[..., str]
) -> None:
    await make_service(client, admin, code="kun-hos-oss")
    other = auth(token_factory("admin", municipality="0301"))

    direct = await client.get(f"{API}/service-types/kun-hos-oss", headers=other)
    listed = (await client.get(f"{API}/service-types", params={"limit": 500}, headers=other)).json()

    assert direct.status_code == 404
    assert "kun-hos-oss" not in [s["code"] for s in listed["items"]]


async def test_public_read_needs_no_token_and_shows_only_published(
    client: httpx.AsyncClient, admin: dict[str, str], municipality: str
) -> None:
    await make_service(client, admin, code="apen")
    await make_service(client, admin, code="intern", published=False)
    await make_service(client, admin, code="utgatt", active_to="2021-12-31")

    listed = await client.get(f"{API}/public/{municipality}/service-types")
    hidden = await client.get(f"{API}/public/{municipality}/service-types/intern")
    shown = await client.get(f"{API}/public/{municipality}/service-types/apen")
    levels = await client.get(f"{API}/public/{municipality}/care-levels")

    assert listed.status_code == 200
    assert [s["code"] for s in listed.json()["items"]] == ["apen"]
    assert hidden.status_code == 404
    assert shown.status_code == 200
    assert [level["code"] for level in levels.json()["items"]] == ["1"]


async def test_units_list_the_services_they_deliver(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    await make_service(client, admin)
    body = {
        "code": "sone-nord",
        "name": "Hjemmetjenesten sone nord",
        "kind": "home_care_zone",
        "services": [
            {"service_type": "hjemmesykepleie", "capacity": 120, "capacity_unit": "persons"}
        ],
    }

    created = await client.post(f"{API}/units", json=body, headers=admin)
    service = (await client.get(f"{API}/service-types/hjemmesykepleie", headers=admin)).json()

    assert created.status_code == 201
    assert created.json()["services"][0]["service_type"] == "hjemmesykepleie"
    assert service["units"][0]["code"] == "sone-nord"
    unknown = await client.post(
        f"{API}/units",
        json={**body, "code": "sone-sor", "services": [{"service_type": "finnes-ikke"}]},
        headers=admin,
    )
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["field"] == "body.services.0.service_type"


async def test_facts_are_evaluated_against_the_criteria_in_force(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    await make_service(client, admin)
    await make_service(client, admin, code="apen-kafe", criteria=None)

    low = await client.post(
        f"{API}/criteria/evaluate", json={"facts": {"adl_mean": 1.2}}, headers=admin
    )
    high = await client.post(
        f"{API}/criteria/evaluate", json={"facts": {"adl_mean": 3.5}}, headers=admin
    )
    unknown = await client.post(f"{API}/criteria/evaluate", json={"facts": {}}, headers=admin)

    by_code = {r["service_type"]["code"]: r for r in low.json()}
    assert by_code["hjemmesykepleie"]["met"] is False
    assert by_code["hjemmesykepleie"]["criteria_version"] == 1
    assert by_code["apen-kafe"]["met"] is True
    assert {r["service_type"]["code"]: r["met"] for r in high.json()}["hjemmesykepleie"] is True
    assert {r["service_type"]["code"]: r["met"] for r in unknown.json()}["hjemmesykepleie"] is None


async def test_facts_of_the_wrong_kind_are_a_422_not_a_500(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    await make_service(client, admin)

    wrong_type = await client.post(
        f"{API}/criteria/evaluate", json={"facts": {"adl_mean": "høy"}}, headers=admin
    )
    unknown = await client.post(
        f"{API}/criteria/evaluate", json={"facts": {"shoe_size": 44}}, headers=admin
    )

    assert wrong_type.status_code == 422
    assert wrong_type.json()["errors"][0]["field"] == "body.facts.adl_mean"
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["field"] == "body.facts.shoe_size"
