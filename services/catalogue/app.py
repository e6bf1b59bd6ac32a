"""The catalogue service app."""

from fastapi import FastAPI

from services.catalogue.api import evaluation, levels, public, service_types, units
from services.catalogue.models import Event
from services.catalogue.settings import CatalogueSettings
from shared.app import create_service_app
from shared.outbox import Outbox
from shared.schemas.roles import Role

DESCRIPTION = (
    "Tjenestekatalog: the municipality's services on its own staircase (innsatstrapp, "
    "omsorgstrapp or prevention levels), versioned allocation criteria, units and capacity. "
    "Reads are open to every authenticated role, writes to `admin`; `/v1/public/` serves "
    "the published catalogue without a token. Its event feed names no person, so `admin` "
    "reads it as well as integrations."
)


def create_app(settings: CatalogueSettings | None = None) -> FastAPI:
    settings = settings or CatalogueSettings()
    return create_service_app(
        "catalogue",
        settings,
        routers=[levels.router, service_types.router, units.router, evaluation.router],
        public_routers=[public.router],
        outbox=Outbox(Event, source="catalogue", readers=(Role.integration, Role.admin)),
        description=DESCRIPTION,
    )
