"""Alembic environment of the welfaretech service."""

from services.welfaretech.models import Base
from shared.migrations import run_migrations

run_migrations("welfaretech", Base.metadata)
