"""Settings of the intake service."""

from pydantic import AliasChoices, Field

from shared.settings import ServiceSettings


class IntakeSettings(ServiceSettings):
    database_url: str = Field(
        validation_alias=AliasChoices("INTAKE_DATABASE_URL", "database_url"),
        description="postgresql+asyncpg URL of this service's own database",
    )
