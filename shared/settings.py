"""Settings every service shares; each service adds its own database URL."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

SERVICE_NAMES = ("intake", "catalogue", "coordination", "welfaretech", "quality")


class Environment(StrEnum):
    dev = "dev"
    test = "test"
    production = "production"


class ServiceSettings(BaseSettings):
    """Common settings, read from `MESTRING_*` environment variables.

    A service subclass adds `database_url` with its own prefix
    (`CATALOGUE_DATABASE_URL`, ...), so one environment can hold all five.
    """

    model_config = SettingsConfigDict(env_prefix="MESTRING_", extra="ignore", populate_by_name=True)

    env: Environment = Environment.dev
    database_url: str = ""
    db_pool_size: int = Field(
        default=10,
        ge=1,
        description="Connections each worker process opens at most and keeps (no overflow)",
    )

    auth_jwks_url: str | None = None
    auth_public_key: str | None = Field(
        default=None, description="PEM public key; used instead of a JWKS URL when set"
    )
    auth_issuer: str = "mestring-dev"
    auth_audience: str = "mestring"
    auth_jwks_cache_seconds: int = Field(default=600, gt=0)
    auth_jwks_min_refresh_seconds: float = Field(
        default=30.0,
        ge=0,
        description="An unknown key id refetches the JWKS at most once per this interval",
    )
    auth_max_token_lifetime_seconds: int = Field(
        default=12 * 3600, gt=0, description="The longest `exp - iat` a token may have"
    )
    auth_clock_skew_seconds: int = Field(
        default=30, ge=0, description="Leeway for `exp`, `nbf` and `iat` between clocks"
    )

    intake_url: str = "http://127.0.0.1:8101"
    catalogue_url: str = "http://127.0.0.1:8102"
    coordination_url: str = "http://127.0.0.1:8103"
    welfaretech_url: str = "http://127.0.0.1:8104"
    quality_url: str = "http://127.0.0.1:8105"
    http_connect_timeout: float = 2.0
    http_read_timeout: float = 10.0
    http_retries: int = 2

    feed_enabled: bool = Field(
        default=True, description="Run this service's feed consumers in the background"
    )
    feed_poll_seconds: float = Field(default=2.0, gt=0, description="Pause between feed reads")
    feed_municipalities: list[str] = Field(
        default_factory=list, description="The municipalities whose feeds this deployment reads"
    )
    feed_token_url: str | None = Field(
        default=None, description="Token endpoint for the system user that reads other feeds"
    )
    feed_usernames: dict[str, str] = Field(
        default_factory=dict, description="municipality -> system user reading its feeds"
    )

    max_body_bytes: int = Field(
        default=1_000_000, gt=0, description="The largest request body (a 413 problem above)"
    )
    max_import_body_bytes: int = Field(
        default=25_000_000, gt=0, description="The largest body of an import (`/v1/imports`)"
    )
    write_rate_per_second: float = Field(
        default=20.0,
        ge=0,
        description="Writes a client may make per second, on average (0: no limit)",
    )
    write_burst: int = Field(default=200, gt=0, description="Writes a client may make at once")
    max_requests_in_flight: int = Field(
        default=48,
        ge=0,
        description=(
            "Requests one worker handles at once; more get a 503 with Retry-After at once "
            "instead of queueing (0: no limit)"
        ),
    )
    cors_origins: list[str] = Field(
        default_factory=list,
        description="Origins (other than the one origin) whose browsers may call the API",
    )
    api_docs_enabled: bool = Field(
        default=False,
        description="Serve /docs and /openapi.json in production too (always on in dev and test)",
    )

    log_json: bool = True
    log_level: str = "INFO"

    @property
    def is_production(self) -> bool:
        return self.env == Environment.production

    def service_url(self, name: str) -> str:
        if name not in SERVICE_NAMES:
            raise ValueError(f"unknown service {name!r}")
        return str(getattr(self, f"{name}_url")).rstrip("/")
