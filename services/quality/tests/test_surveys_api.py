"""Surveys over HTTP against real PostgreSQL: definitions and versions, links and single-use
codes, the public answering routes without a token, results with small groups suppressed,
free text turned into a deviation, and who may do what. The service type is checked with a
real catalogue on a loopback port."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import date
from typing import Any

import httpx
import pytest

from dev.issuer import SigningKey
from dev.testing import RunningServer, open_client, settings_kwargs
from services.quality.app import create_app
from services.quality.settings import QualitySettings
from services.quality.tests.conftest import API, OTHER_UNIT, UNIT
from shared.clock import today

Headers = Callable[..., dict[str, str]]
PUBLIC = f"{API}/public"


def _settings(
    database_urls: dict[str, str], signing_key: SigningKey, catalogue: str
) -> QualitySettings:
    return QualitySettings(
        **settings_kwargs("quality", database_urls, signing_key),
        catalogue_url=catalogue,
        intake_url="http://127.0.0.1:9",
        coordination_url="http://127.0.0.1:9",
        welfaretech_url="http://127.0.0.1:9",
        http_retries=0,
    )


@pytest.fixture(scope="session")
async def surveys(
    database_urls: dict[str, str], signing_key: SigningKey, server_without_plans: RunningServer
) -> AsyncIterator[httpx.AsyncClient]:
    """Quality with the real catalogue (the fixture serving no plans is a catalogue)."""
    app = create_app(_settings(database_urls, signing_key, server_without_plans.url))
    async for http in open_client(app):
        yield http


@pytest.fixture(scope="session")
async def catalogue_down(
    database_urls: dict[str, str], signing_key: SigningKey
) -> AsyncIterator[httpx.AsyncClient]:
    async for http in open_client(
        create_app(_settings(database_urls, signing_key, "http://127.0.0.1:9"))
    ):
        yield http


def on_day(client: httpx.AsyncClient, day: date) -> None:
    client._transport.app.dependency_overrides[today] = lambda: day  # type: ignore[attr-defined]


def survey_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "unit": UNIT,
        "respondent": "both",
        "title": {
            "nb": "Hvordan opplever du hjemmetjenesten?",
            "nn": "Korleis opplever du heimetenesta?",
        },
        "intro": {"nb": "Svaret er anonymt.", "nn": "Svaret er anonymt."},
        "questions": [
            {
                "id": "trygg",
                "kind": "scale",
                "text": {"nb": "Føler du deg trygg?", "nn": "Kjenner du deg trygg?"},
                "low_label": {"nb": "Svært utrygg"},
                "high_label": {"nb": "Svært trygg"},
                "required": True,
            },
            {"id": "tid", "kind": "yes_no", "text": {"nb": "Har de nok tid?"}},
            {"id": "annet", "kind": "text", "text": {"nb": "Noe du vil fortelle oss?"}},
        ],
    }
    return {**body, **overrides}


async def create(
    client: httpx.AsyncClient, headers: dict[str, str], **overrides: Any
) -> dict[str, Any]:
    response = await client.post(f"{API}/surveys", json=survey_body(**overrides), headers=headers)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def link_of(
    client: httpx.AsyncClient, headers: dict[str, str], survey: dict[str, Any], unit: str = UNIT
) -> dict[str, Any]:
    response = await client.post(
        f"{API}/surveys/{survey['id']}/links", json={"unit": unit}, headers=headers
    )
    assert response.status_code in (200, 201), response.text
    return response.json()  # type: ignore[no-any-return]


async def answer(
    client: httpx.AsyncClient, municipality: str, token: str, **responses: Any
) -> httpx.Response:
    return await client.post(
        f"{PUBLIC}/{municipality}/surveys/{token}/answers",
        json={"responses": responses, "language": "nb"},
    )


async def test_a_leader_makes_a_survey_shares_its_link_and_reads_the_results(
    surveys: httpx.AsyncClient, leader: dict[str, str], municipality: str, headers_for: Headers
) -> None:
    survey = await create(surveys, leader)
    assert survey["current"]["number"] == 1 and survey["may_manage"] is True
    link = await link_of(surveys, leader, survey)
    assert link["path"] == f"/svar/{municipality}/{link['token']}"
    assert (await link_of(surveys, leader, survey))["token"] == link["token"]

    page = await surveys.get(f"{PUBLIC}/{municipality}/surveys/{link['token']}")
    assert page.status_code == 200, page.text
    assert page.json()["title"]["nn"] == "Korleis opplever du heimetenesta?"
    assert page.json()["single_use"] is False
    for grade in (5, 4, 4, 2, 5):
        given = await answer(
            surveys,
            municipality,
            link["token"],
            trygg=grade,
            tid=grade > 3,
            annet="Kom for sent i går",
        )
        assert given.status_code == 201, given.text

    results = await surveys.get(
        f"{API}/surveys/{survey['id']}/results",
        params={"first": "2026-01-01", "last": "2030-12-30"},
        headers=leader,
    )
    assert results.status_code == 200, results.text
    body = results.json()
    assert body["n"] == 5 and body["suppressed"] is False and body["min_group"] == 5
    assert body["by_unit"] == [{"unit": UNIT, "n": 5}]
    scale, yes_no, text = body["questions"]
    assert (
        scale["distribution"] == {"1": 0, "2": 1, "3": 0, "4": 2, "5": 2} and scale["mean"] == 4.0
    )
    assert yes_no["distribution"] == {"yes": 4, "no": 1}
    assert len(text["texts"]) == 5 and text["texts"][0]["deviation_id"] is None

    csv = await surveys.get(
        f"{API}/surveys/{survey['id']}/results.csv",
        params={"first": "2026-01-01", "last": "2030-12-30"},
        headers=leader,
    )
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    lines = csv.text.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("question_id;question;kind;n")
    assert lines[1].startswith("trygg;Føler du deg trygg?;scale;5;no;4,0;0;1;0;2;2")

    events = (await surveys.get(f"{API}/events", headers=headers_for("systemintegrasjon"))).json()[
        "items"
    ]
    answered = [e for e in events if e["type"] == "survey.answered"]
    assert len(answered) == 5
    assert set(answered[0]["data"]) == {
        "survey_id",
        "survey_version",
        "answer_id",
        "unit",
        "answered_on",
    }


async def test_four_answers_are_not_shown(
    surveys: httpx.AsyncClient, quality_lead: dict[str, str], municipality: str
) -> None:
    survey = await create(surveys, quality_lead)
    link = await link_of(surveys, quality_lead, survey)
    for _ in range(4):
        assert (
            await answer(surveys, municipality, link["token"], trygg=1, annet="Navn på pleier")
        ).status_code == 201

    body = (
        await surveys.get(
            f"{API}/surveys/{survey['id']}/results",
            params={"first": "2026-01-01", "last": "2030-12-30"},
            headers=quality_lead,
        )
    ).json()
    assert body["n"] == 4 and body["suppressed"] is True
    assert all(
        q["suppressed"] and q["distribution"] == {} and q["texts"] == [] for q in body["questions"]
    )
    assert "Navn på pleier" not in str(body)


async def test_a_single_use_code_answers_once(
    surveys: httpx.AsyncClient, leader: dict[str, str], municipality: str
) -> None:
    survey = await create(surveys, leader)
    issued = await surveys.post(
        f"{API}/surveys/{survey['id']}/tokens", json={"unit": UNIT, "count": 2}, headers=leader
    )
    assert issued.status_code == 201, issued.text
    code = issued.json()["tokens"][0]
    assert issued.json()["paths"][0] == f"/svar/{municipality}/{code}"

    page = await surveys.get(f"{PUBLIC}/{municipality}/surveys/{code}")
    assert page.status_code == 200 and page.json()["single_use"] is True
    assert (await answer(surveys, municipality, code, trygg=3)).status_code == 201
    again = await answer(surveys, municipality, code, trygg=4)
    assert again.status_code == 409
    assert again.headers["content-type"] == "application/problem+json"
    assert (await surveys.get(f"{PUBLIC}/{municipality}/surveys/{code}")).status_code == 409
    assert (await answer(surveys, municipality, code.lower(), trygg=4)).status_code == 409
    other = issued.json()["tokens"][1]
    assert (await answer(surveys, municipality, other, trygg=4)).status_code == 201


async def test_public_routes_need_no_token_and_refuse_bad_input(
    surveys: httpx.AsyncClient, leader: dict[str, str], municipality: str
) -> None:
    survey = await create(surveys, leader)
    link = await link_of(surveys, leader, survey)
    token = link["token"]

    assert (
        await surveys.get(f"{PUBLIC}/{municipality}/surveys/UNKNOWN-TOKEN-1")
    ).status_code == 404
    assert (await surveys.get(f"{PUBLIC}/9999/surveys/{token}")).status_code == 404
    assert (await surveys.get(f"{PUBLIC}/{municipality}/surveys/short")).status_code == 422
    missing = await answer(surveys, municipality, token, tid=True)
    assert missing.status_code == 422
    assert missing.json()["errors"][0]["field"] == "body.responses.trygg"
    assert (await answer(surveys, municipality, token, trygg=9)).status_code == 422
    assert (await answer(surveys, municipality, token, trygg=3, ukjent=1)).status_code == 422
    too_long = await answer(surveys, municipality, token, trygg=3, annet="x" * 2001)
    assert too_long.status_code == 422
    many = await surveys.post(
        f"{PUBLIC}/{municipality}/surveys/{token}/answers",
        json={"responses": {f"q{i}": 1 for i in range(41)}},
    )
    assert many.status_code == 422
    assert (
        await surveys.post(f"{PUBLIC}/{municipality}/surveys/{token}/answers", content=b"\xff")
    ).status_code == 422

    closed = await surveys.put(
        f"{API}/surveys/{survey['id']}/state",
        json={"is_open": False},
        headers={**leader, "If-Match": f'"{survey["version"]}"'},
    )
    assert closed.status_code == 200, closed.text
    assert (await answer(surveys, municipality, token, trygg=3)).status_code == 409
    assert (await surveys.get(f"{PUBLIC}/{municipality}/surveys/{token}")).status_code == 409


async def test_a_change_after_answers_is_a_new_version_and_answers_keep_theirs(
    surveys: httpx.AsyncClient, leader: dict[str, str], municipality: str
) -> None:
    survey = await create(surveys, leader)
    changed = survey_body(
        questions=[{"id": "trygg", "kind": "scale", "text": {"nb": "Er du trygg?"}}]
    )
    del changed["unit"], changed["respondent"]
    url = f"{API}/surveys/{survey['id']}/content"
    first = await surveys.put(
        url, json=changed, headers={**leader, "If-Match": f'"{survey["version"]}"'}
    )
    assert first.status_code == 200, first.text
    assert first.json()["current"]["number"] == 1, "no answers yet: changed in place"
    stale = await surveys.put(
        url, json=changed, headers={**leader, "If-Match": f'"{survey["version"]}"'}
    )
    assert stale.status_code == 412
    assert (await surveys.put(url, json=changed, headers=leader)).status_code == 428

    link = await link_of(surveys, leader, survey)
    assert (await answer(surveys, municipality, link["token"], trygg=4)).status_code == 201
    second = await surveys.put(
        url,
        json={
            **changed,
            "questions": [{"id": "hjelp", "kind": "yes_no", "text": {"nb": "Får du hjelp?"}}],
        },
        headers={**leader, "If-Match": f'"{first.json()["version"]}"'},
    )
    assert second.status_code == 200, second.text
    assert second.json()["current"]["number"] == 2 and second.json()["versions"] == [1, 2]
    assert (await answer(surveys, municipality, link["token"], hjelp=True)).status_code == 201

    params = {"first": "2026-01-01", "last": "2030-12-30"}
    old = (
        await surveys.get(
            f"{API}/surveys/{survey['id']}/results", params={**params, "version": 1}, headers=leader
        )
    ).json()
    new = (
        await surveys.get(f"{API}/surveys/{survey['id']}/results", params=params, headers=leader)
    ).json()
    assert old["survey_version"] == 1 and old["n"] == 1 and old["questions"][0]["id"] == "trygg"
    assert new["survey_version"] == 2 and new["n"] == 1 and new["questions"][0]["id"] == "hjelp"
    missing = await surveys.get(
        f"{API}/surveys/{survey['id']}/results", params={**params, "version": 7}, headers=leader
    )
    assert missing.status_code == 422


async def test_free_text_becomes_a_deviation_of_the_unit_once(
    surveys: httpx.AsyncClient,
    leader: dict[str, str],
    quality_lead: dict[str, str],
    municipality: str,
) -> None:
    survey = await create(surveys, quality_lead)
    link = await link_of(surveys, quality_lead, survey)
    for _ in range(5):
        await answer(surveys, municipality, link["token"], trygg=2, annet="Ingen kom på søndag")
    results = (
        await surveys.get(
            f"{API}/surveys/{survey['id']}/results",
            params={"first": "2026-01-01", "last": "2030-12-30"},
            headers=leader,
        )
    ).json()
    answer_id = results["questions"][2]["texts"][0]["answer_id"]
    body = {
        "question_id": "annet",
        "category": "service_not_delivered",
        "consequence": 3,
        "probability": 2,
    }

    routed = await surveys.post(
        f"{API}/survey-answers/{answer_id}/deviation", json=body, headers=leader
    )
    assert routed.status_code == 201, routed.text
    deviation = (
        await surveys.get(f"{API}/deviations/{routed.json()['deviation_id']}", headers=leader)
    ).json()
    assert deviation["unit"] == UNIT and deviation["category"] == "service_not_delivered"
    assert (
        "Ingen kom på søndag" in deviation["what_happened"]
        and answer_id in deviation["what_happened"]
    )
    references = f"{API}/deviations/{deviation['id']}/references"
    named = (await surveys.get(references, headers=leader)).json()["survey_answer"]
    assert named["answer_id"] == answer_id and named["survey_id"] == survey["id"]
    assert named["question_id"] == "annet" and named["unit"] == UNIT
    assert named["survey_title"]["nb"] == survey["title"]["nb"]
    kept = await surveys.put(
        references, json={"hazard_id": None, "procedure_id": None}, headers=leader
    )
    assert kept.status_code == 200 and kept.json()["survey_answer"]["answer_id"] == answer_id
    assert (
        await surveys.post(f"{API}/survey-answers/{answer_id}/deviation", json=body, headers=leader)
    ).status_code == 409
    scale = await surveys.post(
        f"{API}/survey-answers/{answer_id}/deviation",
        json={**body, "question_id": "trygg"},
        headers=leader,
    )
    assert scale.status_code == 422
    again = (
        await surveys.get(
            f"{API}/surveys/{survey['id']}/results",
            params={"first": "2026-01-01", "last": "2030-12-30"},
            headers=leader,
        )
    ).json()
    linked = [t for t in again["questions"][2]["texts"] if t["answer_id"] == answer_id]
    assert linked[0]["deviation_id"] == routed.json()["deviation_id"]


async def test_who_may_do_what(
    surveys: httpx.AsyncClient,
    leader: dict[str, str],
    nurse: dict[str, str],
    quality_lead: dict[str, str],
    headers_for: Headers,
    token_factory: Callable[..., str],
) -> None:
    survey = await create(surveys, quality_lead, unit=OTHER_UNIT)
    assert (
        await surveys.post(f"{API}/surveys", json=survey_body(), headers=nurse)
    ).status_code == 403
    assert (
        await surveys.post(f"{API}/surveys", json=survey_body(unit=OTHER_UNIT), headers=leader)
    ).status_code == 403
    assert (await surveys.get(f"{API}/surveys/{survey['id']}", headers=leader)).status_code == 404
    assert (await surveys.get(f"{API}/surveys", headers=nurse)).status_code == 403
    assert (await surveys.post(f"{API}/surveys", json=survey_body())).status_code == 401
    listed = (await surveys.get(f"{API}/surveys", headers=leader)).json()["items"]
    assert survey["id"] not in [s["id"] for s in listed]
    outsider = {"Authorization": f"Bearer {token_factory('kvalitetsleder', municipality='0301')}"}
    assert (await surveys.get(f"{API}/surveys/{survey['id']}", headers=outsider)).status_code == 404
    leader_elsewhere = await surveys.post(
        f"{API}/surveys/{survey['id']}/links", json={"unit": UNIT}, headers=quality_lead
    )
    assert leader_elsewhere.status_code == 422, "a unit's survey is collected in that unit only"
    results = await surveys.get(
        f"{API}/surveys/{survey['id']}/results",
        params={"first": "2026-01-01", "last": "2030-12-30", "unit": OTHER_UNIT},
        headers=leader,
    )
    assert results.status_code == 404
    reversed_period = await surveys.get(
        f"{API}/surveys/{survey['id']}/results",
        params={"first": "2026-02-01", "last": "2026-01-01"},
        headers=quality_lead,
    )
    assert reversed_period.status_code == 422


async def test_a_service_type_is_checked_with_the_catalogue(
    surveys: httpx.AsyncClient, catalogue_down: httpx.AsyncClient, quality_lead: dict[str, str]
) -> None:
    unknown = await surveys.post(
        f"{API}/surveys",
        json=survey_body(unit=None, service_type="finnes-ikke"),
        headers=quality_lead,
    )
    assert unknown.status_code == 422, unknown.text
    assert unknown.json()["errors"][0]["field"] == "body.service_type"
    both = await surveys.post(
        f"{API}/surveys", json=survey_body(service_type="hjemmesykepleie"), headers=quality_lead
    )
    assert both.status_code == 422
    down = await catalogue_down.post(
        f"{API}/surveys",
        json=survey_body(unit=None, service_type="hjemmesykepleie"),
        headers=quality_lead,
    )
    assert down.status_code == 503
    listed = (
        await surveys.get(f"{API}/surveys", params={"limit": 500}, headers=quality_lead)
    ).json()["items"]
    assert all(s["service_type"] != "hjemmesykepleie" for s in listed)
