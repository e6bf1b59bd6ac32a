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
    Index,
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
    __table_args__ = (
        # The statistics' counts of a period (migration 2026-12-03_count_the_statistics_…).
        Index(
            "ix_deviations_counted_by_reported_on",
            "municipality",
            "reported_on",
            postgresql_include=[
                "category",
                "unit",
                "status",
                "consequence",
                "probability",
                "is_serious",
                "closed_on",
            ],
        ),
    )

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


# --- surveys ---


class Survey(TenantMixin, Base):
    """Bruker- og pårørendeundersøkelse: a survey for one service type or one unit.

    Its questions live in versions; a version that has answers is never changed (a change
    makes a new version), so every answer belongs to the questions it answered."""

    __tablename__ = "surveys"

    service_type: Mapped[str | None] = mapped_column(String(60), index=True)
    unit: Mapped[str | None] = mapped_column(String(60), index=True)
    respondent: Mapped[str] = mapped_column(String(20))
    is_open: Mapped[bool] = mapped_column(Boolean, default=True)
    current_version: Mapped[int] = mapped_column(Integer, default=1)
    created_by_name: Mapped[str] = mapped_column(String(200))

    versions: Mapped[list[SurveyVersion]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="SurveyVersion.number"
    )


class SurveyVersion(TenantMixin, Base):
    """One version of a survey's texts and questions (nb/nn)."""

    __tablename__ = "survey_versions"
    __table_args__ = (UniqueConstraint("survey_id", "number"),)

    survey_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("surveys.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[dict[str, Any]] = mapped_column(JSONB)
    intro: Mapped[dict[str, Any]] = mapped_column(JSONB)
    questions: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    has_answers: Mapped[bool] = mapped_column(Boolean, default=False)


class SurveyLink(TenantMixin, Base):
    """The open collection link (and QR code) of a survey in one unit: many answers."""

    __tablename__ = "survey_links"
    __table_args__ = (UniqueConstraint("survey_id", "unit"),)

    survey_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("surveys.id"), index=True)
    unit: Mapped[str] = mapped_column(String(60))
    token: Mapped[str] = mapped_column(String(64), unique=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


class SurveyToken(TenantMixin, Base):
    """A single-use answer token (for a survey sent by post): one answer, then spent.

    Only the token's hash is kept; the token itself is shown once, to print."""

    __tablename__ = "survey_tokens"

    survey_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("surveys.id"), index=True)
    unit: Mapped[str] = mapped_column(String(60))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    used_on: Mapped[date | None] = mapped_column(Date)


class SurveyAnswer(TenantMixin, Base):
    """One anonymous answer: no identity, no address, only the day it was given."""

    __tablename__ = "survey_answers"

    survey_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("surveys.id"), index=True)
    version_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("survey_versions.id"), index=True)
    unit: Mapped[str] = mapped_column(String(60), index=True)
    answered_on: Mapped[date] = mapped_column(Date, index=True)
    language: Mapped[str] = mapped_column(String(2))
    responses: Mapped[dict[str, Any]] = mapped_column(JSONB)
    routed: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)


# --- ROS, procedures, audits and supervision ---


class RiskAnalysis(TenantMixin, Base):
    """ROS-analyse: a unit's risk and vulnerability analysis, hazards graded on the matrix."""

    __tablename__ = "ros_analyses"

    unit: Mapped[str] = mapped_column(String(60), index=True)
    title: Mapped[str] = mapped_column(String(200))
    scope: Mapped[str] = mapped_column(Text)
    analysed_on: Mapped[date] = mapped_column(Date)
    participants: Mapped[list[str]] = mapped_column(JSONB, default=list)
    status: Mapped[str] = mapped_column(String(20), index=True)
    approved_on: Mapped[date | None] = mapped_column(Date)
    approved_by: Mapped[str | None] = mapped_column(String(200))

    hazards: Mapped[list[RosHazard]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="RosHazard.created_at"
    )


class RosHazard(TenantMixin, Base):
    """One unwanted event of a ROS analysis, graded consequence × probability."""

    __tablename__ = "ros_hazards"

    analysis_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ros_analyses.id"), index=True)
    description: Mapped[str] = mapped_column(Text)
    existing_barriers: Mapped[str | None] = mapped_column(Text)
    consequence: Mapped[int] = mapped_column(SmallInteger)
    probability: Mapped[int] = mapped_column(SmallInteger)
    risk_score: Mapped[int] = mapped_column(SmallInteger, index=True)


class Procedure(TenantMixin, Base):
    """Prosedyre: one document of the quality system; its text lives in its versions."""

    __tablename__ = "procedures"

    unit: Mapped[str | None] = mapped_column(String(60), index=True)
    title: Mapped[str] = mapped_column(String(200))
    owner: Mapped[str] = mapped_column(String(200))
    current_number: Mapped[int] = mapped_column(Integer)
    review_by: Mapped[date] = mapped_column(Date, index=True)

    versions: Mapped[list[ProcedureVersion]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="ProcedureVersion.number"
    )


class ProcedureVersion(TenantMixin, Base):
    """One approved version of a procedure; never changed once written."""

    __tablename__ = "procedure_versions"
    __table_args__ = (UniqueConstraint("procedure_id", "number"),)

    procedure_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("procedures.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    valid_from: Mapped[date] = mapped_column(Date)
    review_by: Mapped[date] = mapped_column(Date)
    approved_by: Mapped[str] = mapped_column(String(200))
    text: Mapped[str | None] = mapped_column(Text)
    link: Mapped[str | None] = mapped_column(String(500))
    change_note: Mapped[str | None] = mapped_column(Text)
    written_by_name: Mapped[str] = mapped_column(String(200))


class ProcedureReceipt(TenantMixin, Base):
    """Lest og forstått: an employee confirmed one version of a procedure."""

    __tablename__ = "procedure_receipts"
    __table_args__ = (UniqueConstraint("version_id", "employee_sub"),)

    procedure_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("procedures.id"), index=True)
    version_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("procedure_versions.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    employee_sub: Mapped[str] = mapped_column(String(200), index=True)
    employee_name: Mapped[str] = mapped_column(String(200))
    confirmed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class StaffMember(TenantMixin, Base):
    """An employee as their token named them when they last used the quality system: who
    is expected to confirm a unit's procedures (no staff register is read from elsewhere)."""

    __tablename__ = "staff_members"
    __table_args__ = (UniqueConstraint("municipality", "sub"),)

    sub: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200))
    units: Mapped[list[str]] = mapped_column(JSONB, default=list)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class InternalAudit(TenantMixin, Base):
    """Internrevisjon: a planned, then recorded, check of practice against a procedure."""

    __tablename__ = "internal_audits"

    procedure_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("procedures.id"), index=True)
    procedure_number: Mapped[int | None] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(60), index=True)
    planned_on: Mapped[date] = mapped_column(Date, index=True)
    auditor: Mapped[str] = mapped_column(String(200))
    sample_plan: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), index=True)
    performed_on: Mapped[date | None] = mapped_column(Date)
    sample: Mapped[str | None] = mapped_column(Text)
    findings: Mapped[str | None] = mapped_column(Text)


class SupervisionFinding(TenantMixin, Base):
    """Tilsyn: a finding of Statsforvalteren or Statens helsetilsyn, followed up by its deadline."""

    __tablename__ = "supervision_findings"

    authority: Mapped[str] = mapped_column(String(40))
    case_reference: Mapped[str | None] = mapped_column(String(60))
    unit: Mapped[str | None] = mapped_column(String(60), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    received_on: Mapped[date] = mapped_column(Date)
    deadline: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    closed_on: Mapped[date | None] = mapped_column(Date)
    closing_note: Mapped[str | None] = mapped_column(Text)


class Measure(TenantMixin, Base):
    """Tiltak from a ROS hazard, an audit's non-conformity or a supervision finding: the
    same shape and statuses as a deviation's corrective action. Exactly one source is set."""

    __tablename__ = "quality_measures"

    hazard_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("ros_hazards.id"), index=True)
    audit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("internal_audits.id"), index=True)
    finding_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("supervision_findings.id"), index=True
    )
    unit: Mapped[str | None] = mapped_column(String(60), index=True)
    non_conformity: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    done_on: Mapped[date | None] = mapped_column(Date)
    overdue_reported: Mapped[bool] = mapped_column(Boolean, default=False)
    """`corrective_action.overdue` was published for it (once; a new due date clears it)."""


class DeviationReference(TenantMixin, Base):
    """What a deviation says about the quality system: the ROS hazard it confirms, the
    procedure (and its version) that was not followed, and the survey answer it came from."""

    __tablename__ = "deviation_references"
    __table_args__ = (UniqueConstraint("deviation_id"),)

    deviation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("deviations.id"))
    hazard_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("ros_hazards.id"), index=True)
    procedure_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("procedures.id"), index=True)
    procedure_number: Mapped[int | None] = mapped_column(Integer)
    survey_answer_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("survey_answers.id"), index=True
    )
    """The survey answer whose free text the deviation was raised from (set when routed)."""
    survey_question_id: Mapped[str | None] = mapped_column(String(40))
