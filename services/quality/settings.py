"""Settings of the quality service."""

from pydantic import AliasChoices, Field

from shared.settings import ServiceSettings


class QualitySettings(ServiceSettings):
    database_url: str = Field(
        validation_alias=AliasChoices("QUALITY_DATABASE_URL", "database_url"),
        description="postgresql+asyncpg URL of this service's own database",
    )
