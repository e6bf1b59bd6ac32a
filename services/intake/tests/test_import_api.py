"""Migration import: existing cases come in whole, with their original dates, or not at all."""

from collections.abc import Callable
from datetime import date
from typing import Any

import httpx

from dev.testing import auth
from services.intake.tests.conftest import API, synthetic_national_id


def import_file(**overrides: Any) -> dict[str, Any]:
    anna = synthetic_national_id(date(1938, 4, 12))
    per = synthetic_national_id(date(1941, 11, 3))
    document = {
        "source_system": "Gerica",
        "persons": [
            {"national_id": anna, "given_name": "Anna", "family_name": "Grønli"},
            {"national_id": per, "given_name": "Per", "family_name": "Aas"},
        ],
        "decisions": [
            {
                "reference": "G-1001",
                "national_id": anna,
                "service_type": "hjemmesykepleie",
                "outcome": "granted",
                "status": "in_force",
                "scope_amount": 4,
                "starts_on": "2024-02-01",
                "review_on": "2025-02-01",
                "made_on": "2024-01-15",
                "sent_on": "2024-01-16",
                "received_on": "2024-01-18",
                "made_by_name": "Kari Saksbehandler",
            },
            {
                "reference": "G-1002",
                "national_id": per,
                "service_type": "langtidsopphold",
                "outcome": "granted",
                "status": "sent",
                "starts_on": "2024-06-01",
                "review_on": "2025-06-01",
                "made_on": "2024-05-02",
                "sent_on": "2024-05-02",
                "received_on": "2024-05-06",
            },
        ],
        "appeals": [
            {
                "decision_reference": "G-1001",
                "received_on": "2024-02-20",
                "sent_on": "2024-02-15",
                "appellant": "Anna Grønli",
                "grounds": "For få besøk.",
            }
        ],
        "waiting_list": [{"decision_reference": "G-1002", "listed_on": "2024-05-02"}],
    }
    return {**document, **overrides}


async def test_an_import_keeps_original_dates_and_computes_what_a_decision_here_gets(
    client: httpx.AsyncClient,
    catalogue_services: list[str],
    token_factory: Callable[..., str],
    municipality: str,
) -> None:
    integration = auth(token_factory("systemintegrasjon", municipality=municipality))
    caseworker = auth(token_factory("saksbehandler", municipality=municipality))

    response = await client.post(f"{API}/imports", json=import_file(), headers=integration)
    decisions = (
        await client.get(f"{API}/decisions", params={"limit": 10}, headers=caseworker)
    ).json()["items"]
    appeals = (await client.get(f"{API}/appeals", headers=caseworker)).json()["items"]
    waiting = (await client.get(f"{API}/waiting-list", headers=caseworker)).json()

    assert response.status_code == 200, response.text
    assert response.json() == {
        "dry_run": False,
        "persons_created": 2,
        "persons_existing": 0,
        "decisions": 2,
        "appeals": 1,
        "waiting_list": 1,
    }
    home = next(d for d in decisions if d["service_type"] == "hjemmesykepleie")
    assert home["imported_from"] == "Gerica"
    assert home["made_on"] == "2024-01-15" and home["received_on"] == "2024-01-18"
    assert home["appeal_deadline"] == "2024-02-15"  # four weeks after receipt
    assert home["review_due"] == "2025-02-01"
    assert appeals[0]["late"] is False  # posted on the deadline day (fvl § 30)
    assert [w["service_type"] for w in waiting] == ["langtidsopphold"]


async def test_a_file_with_bad_rows_imports_nothing_and_names_every_bad_row(
    client: httpx.AsyncClient,
    catalogue_services: list[str],
    token_factory: Callable[..., str],
    municipality: str,
) -> None:
    integration = auth(token_factory("systemintegrasjon", municipality=municipality))
    caseworker = auth(token_factory("saksbehandler", municipality=municipality))
    document = import_file()
    document["persons"][1]["national_id"] = "12345678901"
    document["decisions"][0]["received_on"] = "2024-01-10"
    document["decisions"][1]["service_type"] = "finnes-ikke"

    response = await client.post(f"{API}/imports", json=document, headers=integration)
    persons = (await client.get(f"{API}/persons", headers=caseworker)).json()["items"]

    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["errors"]}
    assert {
        "body.persons.1.national_id",
        "body.decisions.0.received_on",
        "body.decisions.1.service_type",
    } <= fields
    assert persons == []


async def test_a_dry_run_checks_every_row_and_stores_nothing(
    client: httpx.AsyncClient,
    catalogue_services: list[str],
    token_factory: Callable[..., str],
    municipality: str,
) -> None:
    integration = auth(token_factory("systemintegrasjon", municipality=municipality))
    caseworker = auth(token_factory("saksbehandler", municipality=municipality))

    response = await client.post(
        f"{API}/imports", params={"dry_run": "true"}, json=import_file(), headers=integration
    )
    persons = (await client.get(f"{API}/persons", headers=caseworker)).json()["items"]

    assert response.status_code == 200 and response.json()["dry_run"] is True
    assert response.json()["decisions"] == 2
    assert persons == []


async def test_only_integrations_import(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    token_factory: Callable[..., str],
    municipality: str,
) -> None:
    admin = auth(token_factory("admin", municipality=municipality))

    for headers in (caseworker, admin):
        response = await client.post(
            f"{API}/imports", params={"dry_run": "true"}, json=import_file(), headers=headers
        )
        assert response.status_code == 403


async def test_the_cli_sends_a_folder_of_csv_files_over_http_and_prints_every_bad_row(
    tmp_path: Any,
    catalogue_services: list[str],
    catalogue_server: Any,
    database_urls: dict[str, str],
    signing_key: Any,
    token_factory: Callable[..., str],
    municipality: str,
    capsys: Any,
) -> None:
    import anyio

    from dev.testing import RunningServer, settings_kwargs
    from services.intake.app import create_app
    from services.intake.import_cli import main
    from services.intake.settings import IntakeSettings

    anna = synthetic_national_id(date(1938, 4, 12))
    (tmp_path / "persons.csv").write_text(
        f"national_id,given_name,family_name,city\n{anna},Anna,Grønli,Ski\n", encoding="utf-8"
    )
    (tmp_path / "decisions.csv").write_text(
        "reference,national_id,service_type,outcome,status,starts_on,made_on,sent_on\n"
        f"G-1,{anna},hjemmesykepleie,granted,sent,2024-02-01,2024-01-15,2024-01-16\n"
        f"G-2,{anna},hjemmesykepleie,granted,sent,2024-02-01,2024-01-15,2024-01-10\n",
        encoding="utf-8",
    )
    intake = RunningServer(
        create_app(
            IntakeSettings(
                **settings_kwargs("intake", database_urls, signing_key),
                catalogue_url=catalogue_server.url,
            )
        )
    )
    await intake.start()
    token = token_factory("systemintegrasjon", municipality=municipality)
    try:
        args = [str(tmp_path), "--source", "Profil", "--url", intake.url, "--token", token]
        refused = await anyio.to_thread.run_sync(main, args)
        refused_output = capsys.readouterr().out
        (tmp_path / "decisions.csv").write_text(
            "reference,national_id,service_type,outcome,status,starts_on,made_on,sent_on\n"
            f"G-1,{anna},hjemmesykepleie,granted,sent,2024-02-01,2024-01-15,2024-01-16\n",
            encoding="utf-8",
        )
        stored = await anyio.to_thread.run_sync(main, args)
        stored_output = capsys.readouterr().out
    finally:
        await intake.stop()

    assert refused == 1
    assert "body.decisions.1.sent_on: Sent before it was made" in refused_output
    assert stored == 0 and '"persons_created": 1' in stored_output
