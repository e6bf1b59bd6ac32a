"""Settings of the intake service."""

from pydantic import AliasChoices, Field

from shared.settings import ServiceSettings


class IntakeSettings(ServiceSettings):
    database_url: str = Field(
        validation_alias=AliasChoices("INTAKE_DATABASE_URL", "database_url"),
        description="postgresql+asyncpg URL of this service's own database",
    )
    four_eyes_municipalities: list[str] = Field(
        default_factory=list,
        validation_alias=AliasChoices(
            "INTAKE_FOUR_EYES_MUNICIPALITIES", "four_eyes_municipalities"
        ),
        description="Municipalities where a second caseworker approves each decision",
    )
