"""The coordination service app."""

from fastapi import FastAPI

from services.coordination.models import Event
from services.coordination.settings import CoordinationSettings
from shared.app import create_service_app
from shared.outbox import Outbox

DESCRIPTION = "Koordinerende enhet: individual plans, koordinator, primærkontakt and ansvarsgruppe."


def create_app(settings: CoordinationSettings | None = None) -> FastAPI:
    settings = settings or CoordinationSettings()
    return create_service_app(
        "coordination",
        settings,
        routers=[],
        outbox=Outbox(Event, source="coordination"),
        description=DESCRIPTION,
    )
