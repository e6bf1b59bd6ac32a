"""The intake service app."""

from fastapi import FastAPI

from services.intake.models import Event
from services.intake.settings import IntakeSettings
from shared.app import create_service_app
from shared.outbox import Outbox

DESCRIPTION = (
    "Søknad, kartlegging, vedtak, klage og venteliste: applications, assessments, decisions, "
    "appeals, waiting lists and deadlines. Owns the person register."
)


def create_app(settings: IntakeSettings | None = None) -> FastAPI:
    settings = settings or IntakeSettings()  # type: ignore[call-arg]
    return create_service_app(
        "intake",
        settings,
        routers=[],
        outbox=Outbox(Event, source="intake"),
        description=DESCRIPTION,
    )
