"""The quality service app."""

from fastapi import FastAPI

from services.quality.api import (
    access_log,
    actions,
    audits,
    deviation_references,
    deviations,
    measures,
    procedures,
    public_surveys,
    reference,
    ros,
    statistics,
    supervision,
    surveys,
)
from services.quality.domain.deadlines import working_days
from services.quality.flows import ACCESS_LOG
from services.quality.jobs import overdue_check_for
from services.quality.models import Event
from services.quality.settings import QualitySettings
from shared.app import create_service_app
from shared.clock import today_in_norway
from shared.outbox import Outbox

DESCRIPTION = (
    "Avvik: the quick report by any employee (anonymous if wanted), handling by the unit's "
    "leader (acknowledged, investigated with causes, corrective actions, closed with what was "
    "learnt), the quality committee's queue, statistics and the CSV export."
)


async def _load_the_calendar(_: FastAPI) -> None:
    """The holiday calendar loaded before the first request: importing the holidays package's
    countries and filling this year's days cost a worker's first request that counts working
    days 0.6–2 s."""
    working_days().is_working_day(today_in_norway())


def create_app(settings: QualitySettings | None = None) -> FastAPI:
    settings = settings or QualitySettings()
    return create_service_app(
        "quality",
        settings,
        on_startup=_load_the_calendar,
        routers=[deviations.router, actions.router, statistics.router, reference.router]
        + [ros.router, procedures.router, audits.router, supervision.router, measures.router]
        + [deviation_references.router]
        + [surveys.router, access_log.router],
        public_routers=[public_surveys.router],
        outbox=Outbox(Event, source="quality", access_log=ACCESS_LOG),
        description=DESCRIPTION,
        background_jobs=lambda app: [overdue_check_for(app)],
    )
