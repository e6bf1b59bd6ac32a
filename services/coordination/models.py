"""Tables of the coordination service."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from shared.access_log import AccessLogMixin
from shared.db import NAMING_CONVENTION, TenantMixin
from shared.feed import FeedCursorMixin, ProcessedEventMixin
from shared.idempotency import IdempotencyKeyMixin
from shared.outbox import EventMixin
from shared.relation_facts import EmergencyAccessMixin, RelationWindowMixin


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Event(EventMixin, Base):
    """The coordination service's outbox."""

    __tablename__ = "events"


class IdempotencyKey(IdempotencyKeyMixin, Base):
    __tablename__ = "idempotency_keys"


class FeedCursor(FeedCursorMixin, Base):
    """How far this service has read other services' feeds, per municipality."""

    __tablename__ = "feed_cursors"


class ProcessedEvent(ProcessedEventMixin, Base):
    """Events from other services' feeds already handled (replay changes nothing)."""

    __tablename__ = "processed_events"


class AccessLogEntry(AccessLogMixin, Base):
    """Tilgangslogg: append-only."""

    __tablename__ = "access_log"


class CoordinationRequest(TenantMixin, Base):
    """A request to the koordinerende enhet for an individual plan and/or a koordinator."""

    __tablename__ = "coordination_requests"

    person_id: Mapped[uuid.UUID] = mapped_column(index=True)
    person_name: Mapped[str | None] = mapped_column(String(200))
    birth_date: Mapped[date | None] = mapped_column(Date)
    received_on: Mapped[date] = mapped_column(Date, index=True)
    source: Mapped[str] = mapped_column(String(20))
    wants_plan: Mapped[bool] = mapped_column(Boolean)
    wants_coordinator: Mapped[bool] = mapped_column(Boolean)
    submitted_by: Mapped[str | None] = mapped_column(String(200))
    submitted_by_sub: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    units: Mapped[list[str]] = mapped_column(JSONB, default=list)
    status: Mapped[str] = mapped_column(String(20), index=True)
    outcome: Mapped[str | None] = mapped_column(String(20))
    grants_plan: Mapped[bool | None] = mapped_column(Boolean)
    grants_coordinator: Mapped[bool | None] = mapped_column(Boolean)
    reasons: Mapped[str | None] = mapped_column(Text)
    assessed_on: Mapped[date | None] = mapped_column(Date)
    assessed_by_name: Mapped[str | None] = mapped_column(String(200))


class CoordinatorAssignment(TenantMixin, Base):
    """Koordinator or barnekoordinator for a person, from–to."""

    __tablename__ = "coordinator_assignments"

    person_id: Mapped[uuid.UUID] = mapped_column(index=True)
    person_name: Mapped[str | None] = mapped_column(String(200))
    coordinator_sub: Mapped[str] = mapped_column(String(200), index=True)
    coordinator_name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30))
    from_date: Mapped[date] = mapped_column(Date)
    to_date: Mapped[date | None] = mapped_column(Date)
    ended_reason: Mapped[str | None] = mapped_column(String(200))
    request_id: Mapped[uuid.UUID | None] = mapped_column()


class PrimaryContact(TenantMixin, Base):
    """Primærkontakt: the named employee in one unit for one person, from–to."""

    __tablename__ = "primary_contacts"

    person_id: Mapped[uuid.UUID] = mapped_column(index=True)
    unit: Mapped[str] = mapped_column(String(60))
    employee_sub: Mapped[str | None] = mapped_column(String(200))
    employee_name: Mapped[str] = mapped_column(String(200))
    from_date: Mapped[date] = mapped_column(Date)
    to_date: Mapped[date | None] = mapped_column(Date)


class PersonService(TenantMixin, Base):
    """A decided service as intake's feed told it: who, what, which unit, from–to."""

    __tablename__ = "person_services"
    __table_args__ = (UniqueConstraint("municipality", "decision_id"),)

    decision_id: Mapped[uuid.UUID] = mapped_column()
    person_id: Mapped[uuid.UUID] = mapped_column(index=True)
    service_type: Mapped[str] = mapped_column(String(60))
    unit: Mapped[str | None] = mapped_column(String(60), index=True)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)


class RelationWindow(RelationWindowMixin, Base):
    """The municipality's need-to-know window as intake's feed last told it (none: the default)."""

    __tablename__ = "relation_windows"


class EmergencyAccess(EmergencyAccessMixin, Base):
    """An emergency access granted in intake: the employee reads the person here too until it
    lapses (`shared/relation_facts.py`)."""

    __tablename__ = "emergency_accesses"


class Plan(TenantMixin, Base):
    """Individuell plan: the current content; every version is kept in `plan_versions`."""

    __tablename__ = "plans"

    person_id: Mapped[uuid.UUID] = mapped_column(index=True)
    person_name: Mapped[str | None] = mapped_column(String(200))
    birth_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), index=True)
    content: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    next_evaluation_on: Mapped[date | None] = mapped_column(Date)
    activated_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    closed_reason: Mapped[str | None] = mapped_column(Text)
    request_id: Mapped[uuid.UUID | None] = mapped_column()


class PlanMeasure(Base):
    """A measure of a plan's current content, one row each, with the plan's person and
    status: what the worklists select measures by. Written only by the trigger on `plans`
    (its migration, `keep each plan's measures as rows`), never by a flow."""

    __tablename__ = "plan_measures"
    __table_args__ = tuple(
        Index(f"ix_plan_measures_{column}_due_on", column, "due_on")
        for column in ("person_id", "responsible", "owner_sub")
    )

    plan_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True
    )
    measure_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    municipality: Mapped[str] = mapped_column(String(4))
    person_id: Mapped[uuid.UUID] = mapped_column()
    plan_status: Mapped[str] = mapped_column(String(20))
    what: Mapped[str] = mapped_column(Text)
    responsible_kind: Mapped[str] = mapped_column(String(20))
    responsible: Mapped[str | None] = mapped_column(String(200))
    owner_sub: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20))
    due_on: Mapped[date | None] = mapped_column(Date)


class PlanVersion(TenantMixin, Base):
    """One version of a plan, as it was: never changed."""

    __tablename__ = "plan_versions"
    __table_args__ = (UniqueConstraint("plan_id", "number"),)

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plans.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))
    content: Mapped[dict[str, Any]] = mapped_column(JSONB)
    changed_by_name: Mapped[str] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)


class Consent(TenantMixin, Base):
    """Samtykke to a plan: who, when, to what, until when, and its withdrawal."""

    __tablename__ = "consents"

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plans.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(index=True)
    given_by_kind: Mapped[str] = mapped_column(String(30))
    given_by_name: Mapped[str] = mapped_column(String(200))
    representative_id: Mapped[uuid.UUID | None] = mapped_column()
    representative_scope: Mapped[str | None] = mapped_column(Text)
    scope_confirmed_by: Mapped[str | None] = mapped_column(String(200))
    given_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    audiences: Mapped[list[str]] = mapped_column(JSONB, default=list)
    member_ids: Mapped[list[str]] = mapped_column(JSONB, default=list)
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by_name: Mapped[str] = mapped_column(String(200))
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    withdrawn_reason: Mapped[str | None] = mapped_column(Text)


class Meeting(TenantMixin, Base):
    """Ansvarsgruppemøte: agenda, attendees, minutes and the measures it decided."""

    __tablename__ = "meetings"

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plans.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(index=True)
    meeting_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(String(200))
    agenda: Mapped[list[str]] = mapped_column(JSONB, default=list)
    attendees: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
    minutes: Mapped[str | None] = mapped_column(Text)
    decisions: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
    status: Mapped[str] = mapped_column(String(20))
    approved_on: Mapped[date | None] = mapped_column(Date)
    approved_by_name: Mapped[str | None] = mapped_column(String(200))


class Evaluation(TenantMixin, Base):
    """An evaluation of a plan: a result per goal and the next evaluation date."""

    __tablename__ = "evaluations"

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plans.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(index=True)
    evaluated_on: Mapped[date] = mapped_column(Date)
    results: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    next_evaluation_on: Mapped[date] = mapped_column(Date)
    plan_version: Mapped[int] = mapped_column(Integer)
    recorded_by_name: Mapped[str] = mapped_column(String(200))


class RelativeConversation(TenantMixin, Base):
    """Pårørendesamtale (Ottestad model): phase, when, with whom, what was agreed."""

    __tablename__ = "relative_conversations"

    person_id: Mapped[uuid.UUID] = mapped_column(index=True)
    relative_id: Mapped[uuid.UUID] = mapped_column()
    relative_name: Mapped[str] = mapped_column(String(200))
    relation: Mapped[str] = mapped_column(String(50))
    information_scope: Mapped[str] = mapped_column(String(20))
    phase: Mapped[str] = mapped_column(String(20))
    planned_on: Mapped[date] = mapped_column(Date)
    held_on: Mapped[date | None] = mapped_column(Date)
    agreed: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    led_by_name: Mapped[str] = mapped_column(String(200))
