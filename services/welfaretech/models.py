"""Tables of the welfaretech service: the technology catalogue, referrals, assessments,
recommendations, the legal basis, devices, loans, checks, deviations and benefit
measurements, and the access log."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from shared.access_log import AccessLogMixin
from shared.db import NAMING_CONVENTION, TENANT_SETTING, TenantMixin
from shared.feed import FeedCursorMixin, ProcessedEventMixin
from shared.idempotency import IdempotencyKeyMixin
from shared.outbox import EventMixin
from shared.relation_facts import EmergencyAccessMixin, RelationWindowMixin


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Event(EventMixin, Base):
    """The welfaretech service's outbox."""

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


class RelationWindow(RelationWindowMixin, Base):
    """The municipality's need-to-know window as intake's feed last told it (none: the default)."""

    __tablename__ = "relation_windows"


class EmergencyAccess(EmergencyAccessMixin, Base):
    """An emergency access granted in intake: the employee reads the person here too until it
    lapses (`shared/relation_facts.py`)."""

    __tablename__ = "emergency_accesses"


class Technology(TenantMixin, Base):
    """A technology in the municipality's catalogue (a product of one kind)."""

    __tablename__ = "technologies"
    __table_args__ = (UniqueConstraint("municipality", "code"),)

    code: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(40), index=True)
    name: Mapped[dict[str, str]] = mapped_column(JSONB)
    purpose: Mapped[str] = mapped_column(Text)
    iso9999: Mapped[str] = mapped_column(String(20))
    kpr_service_code: Mapped[str | None] = mapped_column(String(4))
    needs: Mapped[list[str]] = mapped_column(JSONB, default=list)
    can_replace: Mapped[list[str]] = mapped_column(JSONB, default=list)
    requirements: Mapped[list[str]] = mapped_column(JSONB, default=list)
    contraindications: Mapped[list[str]] = mapped_column(JSONB, default=list)
    is_alarm_or_location: Mapped[bool] = mapped_column(Boolean)
    response_chain: Mapped[list[str]] = mapped_column(JSONB, default=list)
    supplier: Mapped[str | None] = mapped_column(String(200))
    model: Mapped[str | None] = mapped_column(String(200))
    purchase_cost_nok: Mapped[int] = mapped_column(Integer, default=0)
    monthly_cost_nok: Mapped[int] = mapped_column(Integer, default=0)
    user_fee_monthly_nok: Mapped[int] = mapped_column(Integer, default=0)
    check_interval_days: Mapped[int | None] = mapped_column(Integer)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


class Referral(TenantMixin, Base):
    """A request to assess a person for welfare technology: from intake's screening or direct."""

    __tablename__ = "referrals"
    __table_args__ = (UniqueConstraint("municipality", "source_event_id"),)

    person_id: Mapped[uuid.UUID] = mapped_column(index=True)
    person_name: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(30))
    source_event_id: Mapped[uuid.UUID | None] = mapped_column()
    application_id: Mapped[uuid.UUID | None] = mapped_column()
    requested: Mapped[list[str]] = mapped_column(JSONB, default=list)
    note: Mapped[str | None] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(String(60), index=True)
    received_on: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    closed_on: Mapped[date | None] = mapped_column(Date)
    """The day it was closed: its unit keeps its need to know for the window after it."""
    referred_by: Mapped[str] = mapped_column(String(200))
    referred_by_name: Mapped[str] = mapped_column(String(200))


class Assessment(TenantMixin, Base):
    """Kartlegging for welfare technology: needs, abilities, environment, goals, consent."""

    __tablename__ = "assessments"

    person_id: Mapped[uuid.UUID] = mapped_column(index=True)
    referral_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("referrals.id"), index=True)
    assessed_on: Mapped[date] = mapped_column(Date)
    assessed_by: Mapped[str] = mapped_column(String(200))
    assessed_by_name: Mapped[str] = mapped_column(String(200))
    needs: Mapped[list[str]] = mapped_column(JSONB)
    abilities: Mapped[dict[str, Any]] = mapped_column(JSONB)
    environment: Mapped[dict[str, Any]] = mapped_column(JSONB)
    own_goals: Mapped[list[str]] = mapped_column(JSONB)
    consent_capacity: Mapped[str] = mapped_column(String(10))
    consent_given: Mapped[bool | None] = mapped_column(Boolean)
    ethical_reflection: Mapped[dict[str, str] | None] = mapped_column(JSONB)
    unit: Mapped[str | None] = mapped_column(String(60))
    note: Mapped[str | None] = mapped_column(Text)

    recommendations: Mapped[list[Recommendation]] = relationship(
        lazy="selectin", order_by="Recommendation.position", back_populates="assessment"
    )
    legal_decisions: Mapped[list[LegalDecision]] = relationship(
        lazy="selectin", order_by="LegalDecision.created_at"
    )


class LegalDecision(TenantMixin, Base):
    """A decision under pbrl § 4-6 a: alarm or location technology without consent capacity."""

    __tablename__ = "legal_decisions"

    assessment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assessments.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(index=True)
    kinds: Mapped[list[str]] = mapped_column(JSONB)
    conditions: Mapped[dict[str, str]] = mapped_column(JSONB)
    person_does_not_resist: Mapped[bool] = mapped_column(Boolean)
    decided_on: Mapped[date] = mapped_column(Date)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date)
    decided_by: Mapped[str] = mapped_column(String(200))
    decided_by_name: Mapped[str] = mapped_column(String(200))
    law: Mapped[str] = mapped_column(String(100))
    renewed_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("legal_decisions.id"), unique=True
    )
    """The decision that renewed this one (each condition documented anew)."""
    ended_on: Mapped[date | None] = mapped_column(Date)
    """Ended early: the technology may not be used from this day; its loans ended with it."""
    end_reason: Mapped[str | None] = mapped_column(Text)
    ended_by_name: Mapped[str | None] = mapped_column(String(200))


class Recommendation(TenantMixin, Base):
    """A technology the rules proposed for an assessment; accepted or rejected with a reason."""

    __tablename__ = "recommendations"

    assessment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assessments.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(index=True)
    technology_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("technologies.id"))
    position: Mapped[int] = mapped_column(SmallInteger)
    reasons: Mapped[list[str]] = mapped_column(JSONB)
    may_replace: Mapped[list[str]] = mapped_column(JSONB)
    rule_ids: Mapped[list[str]] = mapped_column(JSONB)
    sources: Mapped[list[str]] = mapped_column(JSONB)
    status: Mapped[str] = mapped_column(String(20), default="proposed")
    decision_reason: Mapped[str | None] = mapped_column(Text)
    provider: Mapped[str | None] = mapped_column(String(40))
    decided_by_name: Mapped[str | None] = mapped_column(String(200))
    decided_on: Mapped[date | None] = mapped_column(Date)
    trial_evaluation_on: Mapped[date | None] = mapped_column(Date)

    technology: Mapped[Technology] = relationship(lazy="joined", innerjoin=True)
    assessment: Mapped[Assessment] = relationship(lazy="raise", back_populates="recommendations")


class Device(TenantMixin, Base):
    """A device instance in the municipality's inventory."""

    __tablename__ = "devices"
    __table_args__ = (UniqueConstraint("municipality", "serial"),)

    technology_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("technologies.id"), index=True)
    serial: Mapped[str] = mapped_column(String(100))
    model: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), default="in_stock", index=True)
    acquired_on: Mapped[date | None] = mapped_column(Date)

    technology: Mapped[Technology] = relationship(lazy="joined", innerjoin=True)


class Loan(TenantMixin, Base):
    """Utlån: a device installed at a person, until it is returned."""

    __tablename__ = "loans"
    __table_args__ = (
        Index(
            "uq_loans_device_id_not_ended",
            "device_id",
            unique=True,
            postgresql_where=text("ended_on IS NULL"),
        ),
        # The loans list's order (migration 2026-12-02_loans_listed_in_installation_order).
        Index("ix_loans_municipality_installed_on_id", "municipality", "installed_on", "id"),
        # The dashboard's counts of open loans (migration 2026-12-03_count_the_open_loans_…).
        Index(
            "ix_loans_open_counted",
            "municipality",
            "next_check_on",
            "evaluation_on",
            "is_trial",
            postgresql_where=text("ended_on IS NULL"),
        ),
    )

    device_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("devices.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(index=True)
    recommendation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("recommendations.id"), index=True
    )
    unit: Mapped[str] = mapped_column(String(60), index=True)
    installed_on: Mapped[date] = mapped_column(Date)
    installed_by: Mapped[str] = mapped_column(String(200))
    installed_by_name: Mapped[str] = mapped_column(String(200))
    alarm_chain_tested: Mapped[bool | None] = mapped_column(Boolean)
    dispenser_checklist: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    is_trial: Mapped[bool] = mapped_column(Boolean, default=False)
    evaluation_on: Mapped[date | None] = mapped_column(Date)
    check_interval_days: Mapped[int] = mapped_column(Integer)
    next_check_on: Mapped[date | None] = mapped_column(Date, index=True)
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(Text)

    device: Mapped[Device] = relationship(lazy="joined", innerjoin=True)
    checks: Mapped[list[LoanCheck]] = relationship(lazy="selectin", order_by="LoanCheck.created_at")
    deviations: Mapped[list[DeviationReport]] = relationship(
        lazy="selectin", order_by="DeviationReport.created_at"
    )


class LoanCheck(TenantMixin, Base):
    """A test of the alarm chain, a battery check or a service of an installed device."""

    __tablename__ = "loan_checks"

    loan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("loans.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    performed_on: Mapped[date] = mapped_column(Date)
    performed_by_name: Mapped[str] = mapped_column(String(200))
    passed: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str | None] = mapped_column(Text)


class DeviationReport(TenantMixin, Base):
    """An avvik this service raised in the quality service: delivered, or pending a retry.

    Written in the same transaction as the failed check, so it is never lost; the
    quality service's id is stored once it has accepted it."""

    __tablename__ = "deviation_reports"

    loan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("loans.id"), index=True)
    check_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("loan_checks.id"))
    body: Mapped[dict[str, Any]] = mapped_column(JSONB)
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    quality_deviation_id: Mapped[uuid.UUID | None] = mapped_column()
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class BenefitMeasurement(TenantMixin, Base):
    """A baseline (week 0) or a follow-up of a loan or trial (gevinstrealisering)."""

    __tablename__ = "benefit_measurements"
    __table_args__ = (UniqueConstraint("loan_id", "kind", "week"),)

    loan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("loans.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    week: Mapped[int] = mapped_column(SmallInteger)
    measured_on: Mapped[date] = mapped_column(Date)
    planned_visits_per_week: Mapped[Decimal] = mapped_column(Numeric(6, 2))
    night_visits_per_week: Mapped[Decimal] = mapped_column(Numeric(6, 2))
    staff_minutes_per_week: Mapped[Decimal] = mapped_column(Numeric(8, 2))
    falls_last_4_weeks: Mapped[int] = mapped_column(SmallInteger)
    admissions_last_4_weeks: Mapped[int] = mapped_column(SmallInteger)
    felt_safety: Mapped[int] = mapped_column(SmallInteger)
    staff_hour_cost_nok: Mapped[int | None] = mapped_column(Integer)
    gain_owner: Mapped[str | None] = mapped_column(String(200))
    realisation: Mapped[str | None] = mapped_column(Text)
    recorded_by_name: Mapped[str] = mapped_column(String(200))


class BenefitSums(Base):
    """Per technology, what the benefits dashboard adds up over the loans measured (a baseline
    and a follow-up): each loan's baseline and latest follow-up, measure by measure
    (`domain.benefits.Sums`). The dashboard reads one row per technology, however many loans
    were measured.

    Kept by database triggers, in the transaction of the write, on every change of a
    measurement, of a loan's device and of a device's technology (migration «keep the benefit
    sums per technology»): the API's flow, the seed and the demo generator's bulk inserts all
    write measurements, and a trigger covers each of them and any later write path. The cost of
    a staff hour a baseline does not name is applied when read (`DEFAULT_STAFF_HOUR_COST_NOK`),
    so the sums do not depend on it."""

    __tablename__ = "benefit_sums"

    municipality: Mapped[str] = mapped_column(
        String(4),
        primary_key=True,
        server_default=text(f"current_setting('{TENANT_SETTING}', true)"),
    )
    technology_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("technologies.id", ondelete="CASCADE"), primary_key=True
    )
    loans: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    """The loans measured: a baseline and at least one follow-up."""
    baseline_planned_visits: Mapped[Decimal] = mapped_column(Numeric, server_default=text("0"))
    follow_up_planned_visits: Mapped[Decimal] = mapped_column(Numeric, server_default=text("0"))
    baseline_night_visits: Mapped[Decimal] = mapped_column(Numeric, server_default=text("0"))
    follow_up_night_visits: Mapped[Decimal] = mapped_column(Numeric, server_default=text("0"))
    baseline_staff_hours: Mapped[Decimal] = mapped_column(Numeric, server_default=text("0"))
    """Σ the baselines' staff minutes as hours, each rounded as the ledger rounds them."""
    follow_up_staff_hours: Mapped[Decimal] = mapped_column(Numeric, server_default=text("0"))
    baseline_falls: Mapped[Decimal] = mapped_column(Numeric, server_default=text("0"))
    follow_up_falls: Mapped[Decimal] = mapped_column(Numeric, server_default=text("0"))
    baseline_admissions: Mapped[Decimal] = mapped_column(Numeric, server_default=text("0"))
    follow_up_admissions: Mapped[Decimal] = mapped_column(Numeric, server_default=text("0"))
    baseline_felt_safety: Mapped[Decimal] = mapped_column(Numeric, server_default=text("0"))
    follow_up_felt_safety: Mapped[Decimal] = mapped_column(Numeric, server_default=text("0"))
    staff_cost_freed_nok: Mapped[Decimal] = mapped_column(Numeric, server_default=text("0"))
    """Σ (hours freed × the baseline's cost of a staff hour) over the loans whose baseline
    names that cost."""
    staff_hours_freed_uncosted: Mapped[Decimal] = mapped_column(Numeric, server_default=text("0"))
    """Σ hours freed over the loans whose baseline names no cost of a staff hour."""
