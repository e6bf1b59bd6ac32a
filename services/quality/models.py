"""Tables of the quality service: deviations with their links, steps and corrective actions."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from shared.access_log import AccessLogMixin
from shared.db import NAMING_CONVENTION, TenantMixin
from shared.idempotency import IdempotencyKeyMixin
from shared.outbox import EventMixin


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Event(EventMixin, Base):
    """The quality service's outbox."""

    __tablename__ = "events"


class IdempotencyKey(IdempotencyKeyMixin, Base):
    __tablename__ = "idempotency_keys"


class AccessLogEntry(AccessLogMixin, Base):
    """Tilgangslogg: append-only; a row for each read or write of a named person's deviation."""

    __tablename__ = "access_log"


class HandlingRules(TenantMixin, Base):
    """The municipality's own rules for handling deviations (one row per municipality)."""

    __tablename__ = "handling_rules"
    __table_args__ = (UniqueConstraint("municipality"),)

    acknowledge_working_days: Mapped[int] = mapped_column(Integer)


class Deviation(TenantMixin, Base):
    """Avvik: a reported event, its handling and what was learnt."""

    __tablename__ = "deviations"

    occurred_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    discovered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    reported_on: Mapped[date] = mapped_column(Date, index=True)
    unit: Mapped[str] = mapped_column(String(60), index=True)
    place: Mapped[str | None] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(40), index=True)
    collaboration_party: Mapped[str | None] = mapped_column(String(200))
    what_happened: Mapped[str] = mapped_column(Text)
    immediate_action: Mapped[str | None] = mapped_column(Text)
    person_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    consequence: Mapped[int] = mapped_column(SmallInteger)
    probability: Mapped[int] = mapped_column(SmallInteger)
    risk_score: Mapped[int] = mapped_column(SmallInteger, index=True)
    is_serious: Mapped[bool] = mapped_column(Boolean, default=False)
    notification_checklist: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
    is_anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    reporter_sub: Mapped[str | None] = mapped_column(String(200), index=True)
    reporter_name: Mapped[str | None] = mapped_column(String(200))
    receipt_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    acknowledge_by: Mapped[date] = mapped_column(Date, index=True)
    acknowledged_on: Mapped[date | None] = mapped_column(Date)
    handler_name: Mapped[str | None] = mapped_column(String(200))
    investigation: Mapped[str | None] = mapped_column(Text)
    causes: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
    learning_summary: Mapped[str | None] = mapped_column(Text)
    outcome_for_reporter: Mapped[str | None] = mapped_column(Text)
    closed_on: Mapped[date | None] = mapped_column(Date)

    links: Mapped[list[DeviationLink]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="DeviationLink.created_at"
    )
    actions: Mapped[list[CorrectiveAction]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="CorrectiveAction.created_at"
    )
    steps: Mapped[list[DeviationStep]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="DeviationStep.at"
    )


class DeviationLink(TenantMixin, Base):
    """A pointer to a decision, plan or loan in another service, and whether it was found."""

    __tablename__ = "deviation_links"
    __table_args__ = (UniqueConstraint("deviation_id", "kind", "target_id"),)

    deviation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("deviations.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[uuid.UUID] = mapped_column()
    status: Mapped[str] = mapped_column(String(20))
    checked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class DeviationStep(TenantMixin, Base):
    """One change of a deviation: who, when, what. Kept forever."""

    __tablename__ = "deviation_steps"

    deviation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("deviations.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    action: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    actor_sub: Mapped[str | None] = mapped_column(String(200))
    actor_name: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)


class CorrectiveAction(TenantMixin, Base):
    """Korrigerende tiltak: what is done so it does not happen again, by whom, by when."""

    __tablename__ = "corrective_actions"

    deviation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("deviations.id"), index=True)
    description: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    done_on: Mapped[date | None] = mapped_column(Date)
    overdue_reported: Mapped[bool] = mapped_column(Boolean, default=False)
