"""Settings of the welfaretech service."""

from pydantic import AliasChoices, Field

from shared.settings import ServiceSettings


class WelfaretechSettings(ServiceSettings):
    database_url: str = Field(
        validation_alias=AliasChoices("WELFARETECH_DATABASE_URL", "database_url"),
        description="postgresql+asyncpg URL of this service's own database",
    )
