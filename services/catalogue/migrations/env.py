"""Alembic environment of the catalogue service."""

from services.catalogue.models import Base
from shared.migrations import run_migrations

run_migrations("catalogue", Base.metadata)
