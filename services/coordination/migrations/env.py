"""Alembic environment of the coordination service."""

from services.coordination.models import Base
from shared.migrations import run_migrations

run_migrations("coordination", Base.metadata)
