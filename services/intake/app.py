"""The intake service app."""

from fastapi import FastAPI

from services.intake.api import (
    appeals,
    applications,
    assessments,
    decisions,
    emergency_accesses,
    imports,
    me,
    persons,
    waiting_list,
    worklist,
)
from services.intake.api import settings as intake_settings
from services.intake.domain.deadlines import norwegian_calendar
from services.intake.flows import ACCESS_LOG
from services.intake.models import Event
from services.intake.settings import IntakeSettings
from shared.app import create_service_app
from shared.clock import today_in_norway
from shared.outbox import Outbox

DESCRIPTION = (
    "Søknad, kartlegging, vedtak, klage og venteliste: persons, applications, assessments, "
    "decisions, appeals, waiting lists and deadlines. Every read or write of a person's data "
    "is written to the access log."
)


async def _load_the_calendar(_: FastAPI) -> None:
    """The holiday calendar loaded before the first request: importing the holidays package's
    countries and filling this year's days cost a worker's first request that counts working
    days 0.6–2 s."""
    norwegian_calendar().is_working_day(today_in_norway())


def create_app(settings: IntakeSettings | None = None) -> FastAPI:
    settings = settings or IntakeSettings()
    return create_service_app(
        "intake",
        settings,
        on_startup=_load_the_calendar,
        routers=[
            emergency_accesses.router,
            persons.router,
            applications.router,
            assessments.router,
            decisions.router,
            appeals.router,
            waiting_list.router,
            worklist.router,
            intake_settings.router,
            imports.router,
            me.router,
        ],
        outbox=Outbox(Event, source="intake", access_log=ACCESS_LOG),
        description=DESCRIPTION,
    )
