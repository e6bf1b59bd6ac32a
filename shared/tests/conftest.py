"""A real service app (intake, whose only resource yet is its event feed) for the shared mechanisms."""

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from dev.issuer import SigningKey
from dev.testing import open_client, settings_kwargs


@pytest.fixture(scope="session")
def intake_app(database_urls: dict[str, str], signing_key: SigningKey) -> FastAPI:
    """Imported here, so tests that need no service (tokens, JWKS) run on their own."""
    from services.intake.app import create_app
    from services.intake.settings import IntakeSettings

    return create_app(IntakeSettings(**settings_kwargs("intake", database_urls, signing_key)))


@pytest.fixture(scope="session")
async def intake(intake_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async for client in open_client(intake_app):
        yield client
