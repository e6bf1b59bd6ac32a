"""Finding and registering persons, with the access log written for every read."""

from collections.abc import Callable

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from dev.testing import auth, tenant_connection
from services.intake.tests.conftest import API, person_body, register_person, synthetic_national_id


async def test_a_registered_person_is_found_by_partial_name_without_accents(
    client: httpx.AsyncClient, caseworker: dict[str, str]
) -> None:
    person = await register_person(client, caseworker)

    found = (await client.get(f"{API}/persons", params={"q": "odeg"}, headers=caseworker)).json()
    also = (
        await client.get(f"{API}/persons", params={"q": "ÅSE ødegå"}, headers=caseworker)
    ).json()
    none = (await client.get(f"{API}/persons", params={"q": "hansen"}, headers=caseworker)).json()

    assert [p["id"] for p in found["items"]] == [person["id"]]
    assert [p["id"] for p in also["items"]] == [person["id"]]
    assert none["items"] == []


async def test_lists_show_the_national_id_masked_and_the_detail_in_full(
    client: httpx.AsyncClient, caseworker: dict[str, str]
) -> None:
    national_id = synthetic_national_id()
    person = await register_person(client, caseworker, national_id=national_id)

    listed = (
        await client.get(f"{API}/persons", params={"q": national_id}, headers=caseworker)
    ).json()
    detail = (await client.get(f"{API}/persons/{person['id']}", headers=caseworker)).json()

    assert listed["items"][0]["national_id_masked"] == national_id[:6] + "*****"
    assert "national_id" not in listed["items"][0]
    assert detail["national_id"] == national_id
    assert detail["relatives"][0]["relation"] == "datter"
    assert detail["representatives"][0]["kind"] == "power_of_attorney"


async def test_the_person_page_shows_each_relative_and_representative_once(
    client: httpx.AsyncClient, caseworker: dict[str, str]
) -> None:
    """Read in one statement with both joined: three relatives by two representatives are
    six rows, and still three and two on the page."""
    relatives = [
        {"name": name, "relation": "barn", "information_scope": "none"}
        for name in ("Kari", "Ola", "Per")
    ]
    representatives = [
        {"kind": kind, "name": name, "scope": "Økonomi"}
        for kind, name in (("power_of_attorney", "Kari"), ("guardian", "Verge Vergesen"))
    ]
    person = await register_person(
        client, caseworker, relatives=relatives, representatives=representatives
    )
    bare = await register_person(client, caseworker, relatives=[], representatives=[])

    detail = (await client.get(f"{API}/persons/{person['id']}", headers=caseworker)).json()
    none = (await client.get(f"{API}/persons/{bare['id']}", headers=caseworker)).json()

    assert sorted(r["name"] for r in detail["relatives"]) == ["Kari", "Ola", "Per"]
    assert sorted(r["kind"] for r in detail["representatives"]) == [
        "guardian",
        "power_of_attorney",
    ]
    assert (none["relatives"], none["representatives"]) == ([], [])


async def test_a_wrong_check_digit_is_a_422_naming_the_field(
    client: httpx.AsyncClient, caseworker: dict[str, str]
) -> None:
    number = synthetic_national_id()
    wrong = number[:10] + str((int(number[10]) + 1) % 10)

    response = await client.post(
        f"{API}/persons", json=person_body(national_id=wrong), headers=caseworker
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.national_id"


async def test_the_same_national_id_twice_is_a_409(
    client: httpx.AsyncClient, caseworker: dict[str, str]
) -> None:
    national_id = synthetic_national_id()
    await register_person(client, caseworker, national_id=national_id)

    response = await client.post(
        f"{API}/persons", json=person_body(national_id=national_id), headers=caseworker
    )

    assert response.status_code == 409


async def test_roles_decide_who_may_register_and_who_may_read(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    headers_for: Callable[[str], dict[str, str]],
) -> None:
    person = await register_person(client, caseworker)

    by_coordinator = await client.post(
        f"{API}/persons", json=person_body(), headers=headers_for("koordinator")
    )
    read_by_coordinator = await client.get(
        f"{API}/persons/{person['id']}", headers=headers_for("koordinator")
    )
    search_by_clinician = await client.get(f"{API}/persons", headers=headers_for("helsepersonell"))
    read_by_integration = await client.get(
        f"{API}/persons/{person['id']}", headers=headers_for("systemintegrasjon")
    )

    assert by_coordinator.status_code == 403
    assert read_by_coordinator.status_code == 200
    assert search_by_clinician.status_code == 403
    assert read_by_integration.status_code == 403


async def test_another_municipalitys_person_is_a_404(
    client: httpx.AsyncClient, caseworker: dict[str, str], token_factory: Callable[..., str]
) -> None:
    person = await register_person(client, caseworker)

    response = await client.get(
        f"{API}/persons/{person['id']}",
        headers=auth(token_factory("saksbehandler", municipality="0301")),
    )

    assert response.status_code == 404


async def test_a_stale_edit_is_a_412_and_a_blind_one_a_428(
    client: httpx.AsyncClient, caseworker: dict[str, str]
) -> None:
    person = await register_person(client, caseworker)
    url = f"{API}/persons/{person['id']}"

    blind = await client.patch(url, json={"phone": "22 22 22 22"}, headers=caseworker)
    done = await client.patch(
        url,
        json={"phone": "22 22 22 22", "given_name": "Åsa"},
        headers={**caseworker, "If-Match": '"1"'},
    )
    stale = await client.patch(
        url, json={"phone": "33 33 33 33"}, headers={**caseworker, "If-Match": '"1"'}
    )

    assert blind.status_code == 428
    assert done.status_code == 200 and done.json()["given_name"] == "Åsa"
    assert stale.status_code == 412
    found = (await client.get(f"{API}/persons", params={"q": "åsa"}, headers=caseworker)).json()
    assert [p["id"] for p in found["items"]] == [person["id"]]


async def test_every_read_and_write_is_in_the_access_log(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    headers_for: Callable[[str], dict[str, str]],
) -> None:
    person = await register_person(client, caseworker)
    await client.get(f"{API}/persons", params={"q": "ødegård"}, headers=caseworker)
    await client.get(f"{API}/persons/{person['id']}", headers=headers_for("koordinator"))

    log = (
        await client.get(f"{API}/persons/{person['id']}/access-log", headers=headers_for("leder"))
    ).json()["items"]

    assert [(e["action"], e["actor_roles"]) for e in reversed(log)] == [
        ("create", ["saksbehandler"]),
        ("search", ["saksbehandler"]),
        ("read", ["koordinator"]),
    ]


async def test_the_access_log_cannot_be_changed(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    database_urls: dict[str, str],
    municipality: str,
) -> None:
    await register_person(client, caseworker)

    # The service's runtime role holds only INSERT and SELECT on it (tests/test_database_roles.py).
    with pytest.raises(DBAPIError, match="permission denied for table access_log"):
        async with tenant_connection(database_urls["intake"], municipality) as connection:
            await connection.execute(text("DELETE FROM access_log"))


async def test_a_clinician_reads_a_person_only_with_a_relation_or_emergency_access(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    token_factory: Callable[..., str],
    municipality: str,
    headers_for: Callable[[str], dict[str, str]],
) -> None:
    from services.intake.tests.conftest import application_body

    served = await register_person(client, caseworker)
    stranger = await register_person(client, caseworker)
    body = application_body(served["id"], assessment_unit="hjemmetjenesten-nord")
    assert (
        await client.post(f"{API}/applications", json=body, headers=caseworker)
    ).status_code == 201
    nurse = auth(
        token_factory("helsepersonell", municipality=municipality, units=["hjemmetjenesten-nord"])
    )

    related = await client.get(f"{API}/persons/{served['id']}", headers=nurse)
    refused = await client.get(f"{API}/persons/{stranger['id']}", headers=nurse)
    opened = await client.post(
        f"{API}/persons/{stranger['id']}/emergency-access",
        json={"category": "acute_help", "reason": "Funnet falt, trenger medisinlisten nå"},
        headers=nurse,
    )
    emergency = await client.get(f"{API}/persons/{stranger['id']}", headers=nurse)
    log = (
        await client.get(f"{API}/persons/{stranger['id']}/access-log", headers=headers_for("leder"))
    ).json()["items"]

    assert related.status_code == 200
    assert refused.status_code == 403
    assert opened.status_code == 201
    assert emergency.status_code == 200
    assert log[0]["reason"] == "NØDTILGANG (acute_help): Funnet falt, trenger medisinlisten nå"
    assert [e["action"] for e in log] == ["read", "create", "refused", "create"]


async def test_search_finds_by_birth_date_and_ignores_diacritics_both_ways(
    client: httpx.AsyncClient, caseworker: dict[str, str]
) -> None:
    from datetime import date

    registered = await register_person(
        client,
        caseworker,
        given_name="Hans",
        family_name="Græsli",
        national_id=synthetic_national_id(date(1944, 2, 29)),
    )

    async def found(q: str) -> list[str]:
        page = (await client.get(f"{API}/persons", params={"q": q}, headers=caseworker)).json()
        return [p["id"] for p in page["items"]]

    assert registered["id"] in await found("grasli")
    assert registered["id"] in await found("GRÆSLI hans")
    assert registered["id"] in await found("graesli")
    assert registered["id"] in await found("290244")
    assert registered["id"] in await found("29.02.1944")
    assert registered["id"] not in await found("280244")


async def test_a_phone_number_is_checked_and_kept_in_international_form(
    client: httpx.AsyncClient, caseworker: dict[str, str]
) -> None:
    norwegian = await client.post(
        f"{API}/persons", json=person_body(phone="900 12 345"), headers=caseworker
    )
    foreign = await client.post(
        f"{API}/persons", json=person_body(phone="+46 70 123 45 67"), headers=caseworker
    )
    wrong = await client.post(f"{API}/persons", json=person_body(phone="12345"), headers=caseworker)

    assert norwegian.status_code == 201 and norwegian.json()["phone"] == "+47 90 01 23 45"
    assert foreign.status_code == 201 and foreign.json()["phone"].startswith("+46 70")
    assert wrong.status_code == 422
    error = wrong.json()["errors"][0]
    assert error["field"] == "body.phone" and "8 digits" in error["message"]


@pytest.mark.parametrize(
    "values", [[1, "00000000-0000-4000-8000-000000000001"], ["a", 5], [True, None], "x"]
)
async def test_a_cursor_of_the_wrong_shape_is_a_422_not_a_500(
    client: httpx.AsyncClient, caseworker: dict[str, str], values: object
) -> None:
    import base64
    import json

    cursor = base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")

    response = await client.get(f"{API}/persons", params={"cursor": cursor}, headers=caseworker)

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "query.cursor"


async def test_a_person_stored_before_phone_numbers_were_checked_still_reads(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    database_urls: dict[str, str],
    municipality: str,
) -> None:
    """Data checked by older rules (or imported) never makes a read fail with a 500."""
    person = await register_person(client, caseworker)
    async with tenant_connection(database_urls["intake"], municipality) as connection:
        await connection.execute(text("UPDATE relatives SET phone = '499 4426'"))
        await connection.execute(
            text("UPDATE persons SET gp = CAST(:gp AS jsonb)"),
            {"gp": '{"name": "Dr. Lege", "phone": "12"}'},
        )

    response = await client.get(f"{API}/persons/{person['id']}", headers=caseworker)

    assert response.status_code == 200
    assert response.json()["relatives"][0]["phone"] == "499 4426"
