"""Tables of the catalogue service: care levels, service types, criteria versions, units."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Integer,
    MetaData,
    Numeric,
    String,
    UniqueConstraint,
    false,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from shared.db import NAMING_CONVENTION, TenantMixin
from shared.idempotency import IdempotencyKeyMixin
from shared.outbox import EventMixin


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Event(EventMixin, Base):
    """The catalogue's outbox."""

    __tablename__ = "events"


class IdempotencyKey(IdempotencyKeyMixin, Base):
    __tablename__ = "idempotency_keys"


class MunicipalityProfile(TenantMixin, Base):
    """How a municipality presents its catalogue: its name and what it calls its staircase."""

    __tablename__ = "municipality_profiles"
    __table_args__ = (UniqueConstraint("municipality"),)

    name: Mapped[str] = mapped_column(String(100))
    written_language: Mapped[str] = mapped_column(String(2), default="nb")
    staircase_name: Mapped[dict[str, str]] = mapped_column(JSONB)
    staircase_description: Mapped[dict[str, str]] = mapped_column(JSONB)
    appeals_to: Mapped[dict[str, str] | None] = mapped_column(JSONB)
    appeals_board: Mapped[dict[str, str] | None] = mapped_column(JSONB)


class CareLevel(TenantMixin, Base):
    """A step of the municipality's own staircase (or prevention level); rank 1 is lowest."""

    __tablename__ = "care_levels"
    __table_args__ = (
        UniqueConstraint("municipality", "code"),
        UniqueConstraint("municipality", "rank"),
    )

    code: Mapped[str] = mapped_column(String(20))
    rank: Mapped[int] = mapped_column(Integer)
    name: Mapped[dict[str, str]] = mapped_column(JSONB)
    description: Mapped[dict[str, str]] = mapped_column(JSONB)


class ServiceType(TenantMixin, Base):
    """Tjenestetype: one item of the catalogue."""

    __tablename__ = "service_types"
    __table_args__ = (UniqueConstraint("municipality", "code"),)

    code: Mapped[str] = mapped_column(String(60))
    care_level_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("care_levels.id"), index=True)
    name: Mapped[dict[str, str]] = mapped_column(JSONB)
    description: Mapped[dict[str, str]] = mapped_column(JSONB)
    requires_decision: Mapped[bool] = mapped_column(Boolean)
    legal_basis: Mapped[list[dict[str, str]]] = mapped_column(JSONB, default=list)
    scope_unit: Mapped[str] = mapped_column(String(30))
    user_fee: Mapped[dict[str, Any]] = mapped_column(JSONB)
    kpr_code: Mapped[str | None] = mapped_column(String(10))
    requires_lower_level_review: Mapped[bool] = mapped_column(Boolean, default=False)
    is_long_term_place: Mapped[bool] = mapped_column(Boolean, default=False)
    is_bpa: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    appeal_body: Mapped[str] = mapped_column(
        String(20), default="statsforvalteren", server_default="statsforvalteren"
    )
    caregiver_is_party: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    purpose: Mapped[str | None] = mapped_column(String(30))
    published: Mapped[bool] = mapped_column(Boolean, default=True)
    active_from: Mapped[date] = mapped_column(Date)
    active_to: Mapped[date | None] = mapped_column(Date)

    care_level: Mapped[CareLevel] = relationship(lazy="joined", innerjoin=True)


class AllocationCriteria(TenantMixin, Base):
    """Tildelingskriterier: one immutable version, in force from `effective_from`.

    A new version never changes an old one (a database trigger refuses UPDATE
    and DELETE), so a decision can always cite the version it used.
    """

    __tablename__ = "allocation_criteria"
    __table_args__ = (
        UniqueConstraint("service_type_id", "criteria_version"),
        UniqueConstraint("service_type_id", "effective_from"),
    )

    service_type_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service_types.id"), index=True)
    criteria_version: Mapped[int] = mapped_column(Integer)
    effective_from: Mapped[date] = mapped_column(Date)
    text: Mapped[dict[str, str]] = mapped_column(JSONB)
    conditions: Mapped[list[Any]] = mapped_column(JSONB, default=list)
    source: Mapped[str | None] = mapped_column(String(300))
    created_by: Mapped[str | None] = mapped_column(String(100))


class Unit(TenantMixin, Base):
    """A provider unit: home-care zone, nursing home, day centre, ..."""

    __tablename__ = "units"
    __table_args__ = (UniqueConstraint("municipality", "code"),)

    code: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30))
    address: Mapped[str | None] = mapped_column(String(300))

    services: Mapped[list[UnitService]] = relationship(
        back_populates="unit", lazy="selectin", cascade="all, delete-orphan"
    )


class UnitService(TenantMixin, Base):
    """A service type a unit delivers, with its capacity."""

    __tablename__ = "unit_services"
    __table_args__ = (UniqueConstraint("unit_id", "service_type_id"),)

    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("units.id"), index=True)
    service_type_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service_types.id"), index=True)
    capacity: Mapped[Decimal | None] = mapped_column(Numeric(10, 1))
    capacity_unit: Mapped[str | None] = mapped_column(String(30))

    unit: Mapped[Unit] = relationship(back_populates="services")
    service_type: Mapped[ServiceType] = relationship(lazy="joined")
