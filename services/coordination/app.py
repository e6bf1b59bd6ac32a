"""The coordination service app."""

from collections.abc import Sequence

from fastapi import FastAPI

from services.coordination.api import (
    assignments,
    meetings,
    plans,
    relatives,
    requests,
    worklist,
)
from services.coordination.flows import ACCESS_LOG, feed
from services.coordination.models import Event, FeedCursor, ProcessedEvent
from services.coordination.settings import CoordinationSettings
from shared.app import create_service_app
from shared.feed import FeedConsumer, consumer_for
from shared.outbox import Outbox

DESCRIPTION = (
    "Koordinerende enhet: requests for an individual plan and koordinator, individual plans "
    "(goals, measures, care team, consent, versions), koordinator and primærkontakt, "
    "ansvarsgruppe meetings and evaluations. Reads persons and decisions from intake and "
    "consumes intake's event feed. Every read or write of a person's data is written to "
    "the access log."
)


def _consumers(app: FastAPI) -> Sequence[FeedConsumer | None]:
    return [
        consumer_for(
            app,
            source="intake",
            cursor_model=FeedCursor,
            processed_model=ProcessedEvent,
            handle=feed.handler(app.state.outbox),
        )
    ]


def create_app(settings: CoordinationSettings | None = None) -> FastAPI:
    settings = settings or CoordinationSettings()
    return create_service_app(
        "coordination",
        settings,
        routers=[
            requests.router,
            plans.router,
            meetings.router,
            assignments.router,
            worklist.router,
            relatives.router,
        ],
        outbox=Outbox(Event, source="coordination", access_log=ACCESS_LOG),
        description=DESCRIPTION,
        feed_consumers=_consumers,
    )
