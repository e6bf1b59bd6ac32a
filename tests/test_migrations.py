"""Every service's migrations go up and down and match its models (pytest-alembic)."""

from collections.abc import Iterator

import pytest
import pytest_alembic
from pytest_alembic import tests as alembic_tests
from pytest_alembic.config import Config
from sqlalchemy import create_engine

from dev.postgres import EmbeddedPostgres
from dev.testing import alembic_config
from shared.settings import SERVICE_NAMES


@pytest.fixture(params=SERVICE_NAMES)
def migrations(
    request: pytest.FixtureRequest, postgres: EmbeddedPostgres
) -> Iterator[pytest_alembic.MigrationContext]:
    service = request.param
    database = f"alembic_{service}"
    postgres.drop_databases([database])
    postgres.ensure_databases({service: database})
    url = postgres.owner_url(service, database, driver="postgresql+psycopg2")
    engine = create_engine(url)
    config = alembic_config(service, url)
    config.attributes.pop("url", None)
    try:
        with pytest_alembic.runner(config=Config.from_raw_config(config), engine=engine) as context:
            yield context
    finally:
        engine.dispose()
        postgres.drop_databases([database])


def test_single_head_revision(migrations: pytest_alembic.MigrationContext) -> None:
    alembic_tests.test_single_head_revision(migrations)


def test_upgrade_from_empty_to_head(migrations: pytest_alembic.MigrationContext) -> None:
    alembic_tests.test_upgrade(migrations)


def test_models_match_the_migrated_schema(migrations: pytest_alembic.MigrationContext) -> None:
    alembic_tests.test_model_definitions_match_ddl(migrations)


def test_every_migration_goes_down_again(migrations: pytest_alembic.MigrationContext) -> None:
    alembic_tests.test_up_down_consistency(migrations)
