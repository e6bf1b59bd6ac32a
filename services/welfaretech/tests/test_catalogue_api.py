"""The technology catalogue: kept by the team, read by staff, public without sign-in."""

from collections.abc import Callable

import httpx

from services.welfaretech.tests.conftest import API, TECHNOLOGIES


async def test_the_catalogue_is_public_without_a_token(
    client: httpx.AsyncClient, catalogue: list[str], municipality: str
) -> None:
    response = await client.get(f"{API}/public/{municipality}/technologies")

    assert response.status_code == 200
    items = response.json()["items"]
    assert [t["code"] for t in items] == sorted(catalogue)
    alarm = next(t for t in items if t["code"] == "trygghetsalarm")
    assert alarm["user_fee_monthly_nok"] == 180
    assert alarm["is_alarm_or_location"] is True
    assert "monthly_cost_nok" not in alarm


async def test_another_municipalitys_public_catalogue_is_its_own(
    client: httpx.AsyncClient, catalogue: list[str]
) -> None:
    response = await client.get(f"{API}/public/0001/technologies")

    assert response.json()["items"] == []


async def test_a_gps_carries_its_kpr_code(
    client: httpx.AsyncClient, catalogue: list[str], municipality: str
) -> None:
    response = await client.get(f"{API}/public/{municipality}/technologies/gps-klokke")

    assert response.json()["kpr_service_code"] == "26"


async def test_a_retired_technology_leaves_the_public_catalogue(
    client: httpx.AsyncClient, catalogue: list[str], municipality: str, team: dict[str, str]
) -> None:
    await client.post(f"{API}/technologies/fallsensor/retire", headers=team)

    response = await client.get(f"{API}/public/{municipality}/technologies/fallsensor")

    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


async def test_a_code_twice_is_409(
    client: httpx.AsyncClient, catalogue: list[str], team: dict[str, str]
) -> None:
    response = await client.post(f"{API}/technologies", json=TECHNOLOGIES[0], headers=team)

    assert response.status_code == 409


async def test_bad_input_is_422_naming_the_field(
    client: httpx.AsyncClient, team: dict[str, str]
) -> None:
    body = {**TECHNOLOGIES[0], "iso9999": "alarm", "kpr_service_code": "99"}

    response = await client.post(f"{API}/technologies", json=body, headers=team)

    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert {"body.iso9999", "body.kpr_service_code"} <= fields


async def test_home_care_reads_but_does_not_edit_the_catalogue(
    client: httpx.AsyncClient, catalogue: list[str], headers_for: Callable[..., dict[str, str]]
) -> None:
    clinician = headers_for("helsepersonell")

    assert (await client.get(f"{API}/technologies", headers=clinician)).status_code == 200
    response = await client.post(f"{API}/technologies", json=TECHNOLOGIES[0], headers=clinician)
    assert response.status_code == 403


async def test_an_unknown_technology_is_404(
    client: httpx.AsyncClient, team: dict[str, str]
) -> None:
    response = await client.get(f"{API}/technologies/nothing", headers=team)

    assert response.status_code == 404
