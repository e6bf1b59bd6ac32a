"""The quality service app."""

from fastapi import FastAPI

from services.quality.models import Event
from services.quality.settings import QualitySettings
from shared.app import create_service_app
from shared.outbox import Outbox

DESCRIPTION = "Avvik, quality indicators, styringsdata and capacity forecasts."


def create_app(settings: QualitySettings | None = None) -> FastAPI:
    settings = settings or QualitySettings()
    return create_service_app(
        "quality",
        settings,
        routers=[],
        outbox=Outbox(Event, source="quality"),
        description=DESCRIPTION,
    )
