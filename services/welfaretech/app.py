"""The welfaretech service app."""

from fastapi import FastAPI

from services.welfaretech.models import Event
from services.welfaretech.settings import WelfaretechSettings
from shared.app import create_service_app
from shared.outbox import Outbox

DESCRIPTION = (
    "Velferdsteknologi: needs assessments, recommendations, consent and legal basis, device "
    "loans and benefit realisation."
)


def create_app(settings: WelfaretechSettings | None = None) -> FastAPI:
    settings = settings or WelfaretechSettings()
    return create_service_app(
        "welfaretech",
        settings,
        routers=[],
        outbox=Outbox(Event, source="welfaretech"),
        description=DESCRIPTION,
    )
