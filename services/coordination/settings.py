"""Settings of the coordination service."""

from pydantic import AliasChoices, Field

from shared.settings import ServiceSettings


class CoordinationSettings(ServiceSettings):
    database_url: str = Field(
        validation_alias=AliasChoices("COORDINATION_DATABASE_URL", "database_url"),
        description="postgresql+asyncpg URL of this service's own database",
    )
