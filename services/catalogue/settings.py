"""Settings of the catalogue service."""

from pydantic import AliasChoices, Field

from shared.settings import ServiceSettings


class CatalogueSettings(ServiceSettings):
    database_url: str = Field(
        validation_alias=AliasChoices("CATALOGUE_DATABASE_URL", "database_url"),
        description="postgresql+asyncpg URL of this service's own database",
    )
