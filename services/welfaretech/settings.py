"""Settings of the welfaretech service."""

from pydantic import AliasChoices, Field

from shared.settings import ServiceSettings


class WelfaretechSettings(ServiceSettings):
    database_url: str = Field(
        validation_alias=AliasChoices("WELFARETECH_DATABASE_URL", "database_url"),
        description="postgresql+asyncpg URL of this service's own database",
    )
    deviation_retry_seconds: float = Field(
        default=5.0, gt=0, description="Pause between rounds of the deviation retrier"
    )
    deviation_retry_max_seconds: float = Field(
        default=300.0, gt=0, description="The longest pause while quality stays down"
    )
    deviation_reporter_usernames: dict[str, str] = Field(
        default_factory=dict,
        description="municipality -> system user the retrier reports deviations as "
        "(default: the feed's system users)",
    )
