"""An event is in the feed if and only if its transaction committed."""

import uuid
from collections.abc import Callable
from typing import ClassVar

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text

from dev.testing import auth, tenant_connection
from shared.db import set_tenant
from shared.schemas.events import Code, EventEnvelope, EventPayload, payload_problems


class Counted(EventPayload):
    event_type: ClassVar[str] = "test.counted"

    n: int


class Secret(EventPayload):
    event_type: ClassVar[str] = "test.secret"


class AboutPerson(EventPayload):
    event_type: ClassVar[str] = "test.about_person"

    person_id: uuid.UUID


class PersonItself(EventPayload):
    event_type: ClassVar[str] = "test.person_itself"
    subject_is_person: ClassVar[bool] = True


FEED = "/api/intake/v1/events"


async def test_committed_events_are_in_the_feed_and_rolled_back_ones_never(
    intake: httpx.AsyncClient,
    intake_app: FastAPI,
    token_factory: Callable[..., str],
    municipality: str,
) -> None:
    outbox = intake_app.state.outbox
    sessionmaker = intake_app.state.sessionmaker
    async with sessionmaker() as session, session.begin():
        await set_tenant(session, municipality)
        await outbox.record(session, Counted(n=1), subject="a-1")
    async with sessionmaker() as session:
        await session.begin()
        await set_tenant(session, municipality)
        await outbox.record(session, Counted(n=2), subject="a-2")
        await session.rollback()
    async with sessionmaker() as session, session.begin():
        await set_tenant(session, municipality)
        await outbox.record(session, Secret(), subject="d-1")

    feed = (
        await intake.get(
            FEED, headers=auth(token_factory("systemintegrasjon", municipality=municipality))
        )
    ).json()

    assert [(e["type"], e["subject"]) for e in feed["items"]] == [
        ("test.counted", "a-1"),
        ("test.secret", "d-1"),
    ]
    assert all(e["source"] == "intake" and e["municipality"] == municipality for e in feed["items"])


async def test_the_feed_continues_after_a_sequence(
    intake: httpx.AsyncClient,
    intake_app: FastAPI,
    token_factory: Callable[..., str],
    municipality: str,
) -> None:
    async with intake_app.state.sessionmaker() as session, session.begin():
        await set_tenant(session, municipality)
        for n in range(5):
            await intake_app.state.outbox.record(session, Counted(n=n))
    headers = auth(token_factory("systemintegrasjon", municipality=municipality))

    first = (await intake.get(FEED, params={"limit": 3}, headers=headers)).json()
    rest = (await intake.get(FEED, params={"after": first["next_cursor"]}, headers=headers)).json()

    assert [e["data"]["n"] for e in first["items"] + rest["items"]] == [0, 1, 2, 3, 4]
    assert rest["next_cursor"] is None


async def test_another_municipality_does_not_see_the_events(
    intake: httpx.AsyncClient,
    intake_app: FastAPI,
    token_factory: Callable[..., str],
    municipality: str,
) -> None:
    async with intake_app.state.sessionmaker() as session, session.begin():
        await set_tenant(session, municipality)
        await intake_app.state.outbox.record(session, Secret())

    other = (
        await intake.get(
            FEED,
            params={"limit": 500},
            headers=auth(token_factory("systemintegrasjon", municipality="0301")),
        )
    ).json()

    assert "test.secret" not in [e["type"] for e in other["items"]]


async def test_reading_the_feed_is_in_the_access_log_of_each_person_it_concerns(
    intake: httpx.AsyncClient,
    intake_app: FastAPI,
    token_factory: Callable[..., str],
    municipality: str,
    database_urls: dict[str, str],
) -> None:
    one, other, unmentioned = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    async with intake_app.state.sessionmaker() as session, session.begin():
        await set_tenant(session, municipality)
        outbox = intake_app.state.outbox
        await outbox.record(session, AboutPerson(person_id=one), subject=uuid.uuid4())
        await outbox.record(session, Counted(n=1), subject=unmentioned)
        await outbox.record(session, PersonItself(), subject=other)
        await outbox.record(session, AboutPerson(person_id=one), subject=uuid.uuid4())
    token = token_factory("systemintegrasjon", municipality=municipality, sub="epj-feed")

    page = (await intake.get(FEED, params={"limit": 500}, headers=auth(token))).json()

    mine = [e["sequence"] for e in page["items"] if e["type"].startswith("test.about")]
    async with tenant_connection(database_urls["intake"], municipality) as connection:
        rows = (
            await connection.execute(
                text(
                    "SELECT person_id, action, resource, resource_id FROM access_log "
                    "WHERE actor = 'epj-feed' AND person_id = ANY(:ids) ORDER BY sequence"
                ),
                {"ids": [one, other, unmentioned]},
            )
        ).all()
    assert [tuple(r) for r in rows] == [
        (one, "read", "event", f"intake:{mine[-2]}-{mine[-1]}"),
        (other, "read", "event", rows[1].resource_id),
    ]


async def test_admin_does_not_read_a_feed_about_persons(
    intake: httpx.AsyncClient, token_factory: Callable[..., str], municipality: str
) -> None:
    response = await intake.get(
        FEED, headers=auth(token_factory("admin", municipality=municipality))
    )

    assert response.status_code == 403


def test_a_feed_event_parses_back_into_its_payload_model() -> None:
    envelope = EventEnvelope.model_validate(
        {
            "sequence": 1,
            "id": "00000000-0000-4000-8000-000000000001",
            "type": "test.counted",
            "version": 1,
            "source": "intake",
            "municipality": "3207",
            "occurred_at": "2026-11-30T12:00:00Z",
            "data": {"n": 7},
        }
    )

    assert envelope.payload() == Counted(n=7)
    assert envelope.model_copy(update={"type": "unknown.kind"}).payload() is None


def test_a_payload_with_free_text_or_health_content_cannot_be_declared() -> None:
    with pytest.raises(TypeError, match="free text"):

        class Noted(EventPayload):
            person_id: uuid.UUID
            remark: str | None

    with pytest.raises(TypeError, match="health content"):

        class Followed(EventPayload):
            person_id: uuid.UUID
            follow_ups: list[Code]


def test_codes_pass_and_a_service_s_health_enums_are_refused() -> None:
    from shared.schemas.welfaretech import Need

    class Coded(EventPayload):
        person_id: uuid.UUID
        unit: Code | None
        service_types: list[Code]

    class Needy(Coded):
        found: list[Need]

    assert payload_problems(Coded, [Need]) == []
    assert payload_problems(Needy, [Need]) == ["Needy.found: health facts stay behind the API"]
