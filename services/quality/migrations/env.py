"""Alembic environment of the quality service."""

from services.quality.models import Base
from shared.migrations import run_migrations

run_migrations("quality", Base.metadata)
