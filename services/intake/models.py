"""Tables of the intake service: persons, applications and the access log."""

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
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from shared.access_log import AccessLogMixin
from shared.db import NAMING_CONVENTION, TENANT_SETTING, TenantMixin
from shared.idempotency import IdempotencyKeyMixin
from shared.outbox import EventMixin


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Event(EventMixin, Base):
    """The intake service's outbox."""

    __tablename__ = "events"


class IdempotencyKey(IdempotencyKeyMixin, Base):
    __tablename__ = "idempotency_keys"


class AccessLogEntry(AccessLogMixin, Base):
    """Tilgangslogg: append-only."""

    __tablename__ = "access_log"


class Person(TenantMixin, Base):
    """Tjenestemottaker: someone who applies for or receives services."""

    __tablename__ = "persons"
    __table_args__ = (UniqueConstraint("municipality", "national_id"),)

    national_id: Mapped[str] = mapped_column(String(11))
    given_name: Mapped[str] = mapped_column(String(100))
    family_name: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[date] = mapped_column(Date)
    search_text: Mapped[str] = mapped_column(String(300), index=True)
    address: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    phone: Mapped[str | None] = mapped_column(String(30))
    preferred_language: Mapped[str] = mapped_column(String(10), default="nb")
    needs_interpreter: Mapped[bool] = mapped_column(Boolean, default=False)
    interpreter_language: Mapped[str | None] = mapped_column(String(50))
    gp: Mapped[dict[str, Any] | None] = mapped_column(JSONB)

    # Loaded only where shown (`PersonRepo.get`): lists of persons never fetch them.
    relatives: Mapped[list[Relative]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="Relative.created_at"
    )
    representatives: Mapped[list[Representative]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="Representative.created_at"
    )


class Relative(TenantMixin, Base):
    """Pårørende: a close person, what they are to the person and what they may be told."""

    __tablename__ = "relatives"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    relation: Mapped[str] = mapped_column(String(50))
    phone: Mapped[str | None] = mapped_column(String(30))
    email: Mapped[str | None] = mapped_column(String(200))
    is_next_of_kin: Mapped[bool] = mapped_column(Boolean, default=False)
    information_scope: Mapped[str] = mapped_column(String(30), default="none")
    can_help_with: Mapped[str | None] = mapped_column(Text)


class Representative(TenantMixin, Base):
    """Verge or fullmektig, and the scope of what they may do for the person."""

    __tablename__ = "representatives"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(200))
    contact: Mapped[str | None] = mapped_column(String(200))
    scope: Mapped[str] = mapped_column(Text)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)


class Application(TenantMixin, Base):
    """Søknad: a request for services; the received date starts the clock."""

    __tablename__ = "applications"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id"), index=True)
    channel: Mapped[str] = mapped_column(String(30))
    received_on: Mapped[date] = mapped_column(Date, index=True)
    applicant_kind: Mapped[str] = mapped_column(String(30))
    applicant_name: Mapped[str | None] = mapped_column(String(200))
    what_matters: Mapped[str | None] = mapped_column(Text)
    urgency: Mapped[str] = mapped_column(String(20), default="normal")
    consent_to_obtain_information: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(30), default="received", index=True)
    interim_reply_sent_on: Mapped[date | None] = mapped_column(Date)
    interim_reply_reason: Mapped[str | None] = mapped_column(Text)
    caregiver: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    expected_decision_by: Mapped[date | None] = mapped_column(Date)
    withdrawn_reason: Mapped[str | None] = mapped_column(Text)
    assessment_unit: Mapped[str | None] = mapped_column(String(60), index=True)
    registered_by: Mapped[str] = mapped_column(String(200))

    items: Mapped[list[ApplicationItem]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="ApplicationItem.position"
    )
    person: Mapped[Person] = relationship(lazy="joined", innerjoin=True)


class ApplicationItem(TenantMixin, Base):
    """One service type asked for in an application, as the catalogue named it then."""

    __tablename__ = "application_items"
    __table_args__ = (UniqueConstraint("application_id", "service_type"),)

    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    service_type: Mapped[str] = mapped_column(String(60))
    service_name: Mapped[dict[str, str]] = mapped_column(JSONB)
    care_level_rank: Mapped[int] = mapped_column()
    requires_decision: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str | None] = mapped_column(Text)


class Assessment(TenantMixin, Base):
    """Kartlegging: what matters to the person, functional scores, resources and risks.

    An assessment is history: a later one is a new row, never an overwrite.
    """

    __tablename__ = "assessments"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id"), index=True)
    application_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("applications.id"), index=True
    )
    assessed_on: Mapped[date] = mapped_column(Date)
    assessed_by: Mapped[str] = mapped_column(String(200))
    assessed_by_name: Mapped[str] = mapped_column(String(200))
    place: Mapped[str] = mapped_column(String(30))
    what_matters: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    spec_version: Mapped[str] = mapped_column(String(30))
    scores: Mapped[dict[str, int]] = mapped_column(JSONB)
    derived: Mapped[dict[str, Any]] = mapped_column(JSONB)
    own_resources: Mapped[str | None] = mapped_column(Text)
    network: Mapped[str | None] = mapped_column(Text)
    relatives_contribution: Mapped[str | None] = mapped_column(Text)
    housing: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    rehabilitation_potential: Mapped[str] = mapped_column(String(20))
    welfare_technology: Mapped[dict[str, Any]] = mapped_column(JSONB)
    nutrition_risk: Mapped[str] = mapped_column(String(20))
    fall_risk: Mapped[str] = mapped_column(String(20))
    facts: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    diagnoses: Mapped[list[dict[str, str]]] = mapped_column(JSONB, default=list)
    note: Mapped[str | None] = mapped_column(Text)
    two_helper_hours_per_week: Mapped[float | None] = mapped_column()
    night_hours_per_week: Mapped[float | None] = mapped_column()
    night_need_continuous: Mapped[bool] = mapped_column(Boolean, default=False)


class Decision(TenantMixin, Base):
    """Enkeltvedtak on one service asked for. Once made it is never edited; a change is a new
    decision that names the one it replaces."""

    __tablename__ = "decisions"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id"), index=True)
    application_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("applications.id"), index=True
    )
    replaces_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("decisions.id"), index=True)
    service_type: Mapped[str] = mapped_column(String(60), index=True)
    service_name: Mapped[dict[str, str]] = mapped_column(JSONB)
    care_level_rank: Mapped[int] = mapped_column()
    is_long_term_place: Mapped[bool] = mapped_column(Boolean, default=False)
    purpose: Mapped[str | None] = mapped_column(String(30))
    outcome: Mapped[str] = mapped_column(String(20))
    scope_amount: Mapped[float | None] = mapped_column()
    scope_unit: Mapped[str] = mapped_column(String(30))
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date, index=True)
    review_on: Mapped[date | None] = mapped_column(Date, index=True)
    unit: Mapped[str | None] = mapped_column(String(60), index=True)
    contact: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    facts: Mapped[str] = mapped_column(Text)
    considerations: Mapped[str] = mapped_column(Text)
    legal_basis: Mapped[list[dict[str, str]]] = mapped_column(JSONB)
    criteria: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    user_fee: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    lower_levels: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
    rights: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    language: Mapped[str] = mapped_column(String(2), default="nb")
    status: Mapped[str] = mapped_column(String(30), index=True)
    drafted_by: Mapped[str] = mapped_column(String(200))
    submitted_by: Mapped[str | None] = mapped_column(String(200))
    imported_from: Mapped[str | None] = mapped_column(String(60))
    evaluations: Mapped[list[dict[str, Any]]] = mapped_column(
        JSONB, default=list, server_default="[]"
    )
    ended_on: Mapped[date | None] = mapped_column(Date)
    ended_note: Mapped[str | None] = mapped_column(Text)
    addressee: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    """The caregiver when they are the party (pbrl § 2-8); else the person is."""
    """The system a decision was imported from (it keeps its original dates), else None."""
    appeal_body: Mapped[str] = mapped_column(
        String(20), default="statsforvalteren", server_default="statsforvalteren"
    )
    made_by: Mapped[str | None] = mapped_column(String(200))
    made_by_name: Mapped[str | None] = mapped_column(String(200))
    made_on: Mapped[date | None] = mapped_column(Date)
    delivery: Mapped[str | None] = mapped_column(String(20))
    sent_on: Mapped[date | None] = mapped_column(Date)
    received_on: Mapped[date | None] = mapped_column(Date)
    appeal_deadline: Mapped[date | None] = mapped_column(Date)

    person: Mapped[Person] = relationship(lazy="joined", innerjoin=True)


class WaitingListEntry(TenantMixin, Base):
    """Venteliste for a long-term place: a granted decision with no place free yet (hol § 3-2 a)."""

    __tablename__ = "waiting_list"
    __table_args__ = (UniqueConstraint("decision_id"),)

    decision_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("decisions.id"))
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id"), index=True)
    service_type: Mapped[str] = mapped_column(String(60), index=True)
    listed_on: Mapped[date] = mapped_column(Date)
    priority: Mapped[int] = mapped_column(default=2)
    status: Mapped[str] = mapped_column(String(20), index=True)
    history: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)

    person: Mapped[Person] = relationship(lazy="joined", innerjoin=True)


class Appeal(TenantMixin, Base):
    """Klage: registered even when late (flagged), re-assessed, and forwarded if upheld."""

    __tablename__ = "appeals"

    decision_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("decisions.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id"), index=True)
    received_on: Mapped[date] = mapped_column(Date)
    sent_on: Mapped[date | None] = mapped_column(Date)
    appellant: Mapped[str] = mapped_column(String(200))
    grounds: Mapped[str] = mapped_column(Text)
    late: Mapped[bool] = mapped_column(Boolean)
    late_reason: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(30), index=True)
    reassessment: Mapped[str | None] = mapped_column(Text)
    new_decision_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("decisions.id"))
    forwarded_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(30))
    outcome_on: Mapped[date | None] = mapped_column(Date)
    outcome_note: Mapped[str | None] = mapped_column(Text)

    decision: Mapped[Decision] = relationship(
        foreign_keys=[decision_id], lazy="joined", innerjoin=True
    )


class IntakeSetting(TenantMixin, Base):
    """The municipality's own choices for its casework, kept as data (an admin edits them)."""

    __tablename__ = "intake_settings"
    __table_args__ = (UniqueConstraint("municipality"),)

    four_eyes: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    need_level_rule: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    """The municipality's need-level thresholds with source and version; None: the default."""
    need_to_know_days_after_end: Mapped[int | None] = mapped_column(Integer)
    """How many days a unit keeps its relation to a person after its service ended
    (`shared/need_to_know.py`); None: Mestring's default."""


class EmergencyAccess(TenantMixin, Base):
    """Nødtilgang: a clinician opened a person without a service relation, with a category and
    a reason, for a limited time; a leader of their units reviews it afterwards."""

    __tablename__ = "emergency_accesses"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id"), index=True)
    actor: Mapped[str] = mapped_column(String(200), index=True)
    actor_name: Mapped[str] = mapped_column(String(200))
    actor_units: Mapped[list[str]] = mapped_column(JSONB, default=list)
    category: Mapped[str] = mapped_column(String(30))
    reason: Mapped[str] = mapped_column(Text)
    granted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    review_status: Mapped[str] = mapped_column(String(30), default="pending", index=True)
    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    reviewed_by_name: Mapped[str | None] = mapped_column(String(200))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    review_note: Mapped[str | None] = mapped_column(Text)

    person: Mapped[Person] = relationship(lazy="joined", innerjoin=True)


class AssessmentDraft(TenantMixin, Base):
    """An assessment being written (on a tablet in the home), saved as it goes; removed when
    the assessment is recorded."""

    __tablename__ = "assessment_drafts"
    __table_args__ = (UniqueConstraint("application_id"),)

    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id"))
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id"))
    content: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    saved_by: Mapped[str] = mapped_column(String(200))
    saved_by_name: Mapped[str] = mapped_column(String(200))


class UserPreference(TenantMixin, Base):
    """What a user has chosen for themselves (the UI language), kept per user, not browser."""

    __tablename__ = "user_preferences"
    __table_args__ = (UniqueConstraint("municipality", "user_sub"),)

    user_sub: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(10))


class PersonNamePrefix(Base):
    """A beginning of a word of a person's folded name (`search_text`: «hansen kari» gives h,
    ha, … hansen, k, … kari) with the name itself, kept by a database trigger: name search
    reads the persons whose name has a word beginning with what was typed from one B-tree
    range already in name order, which row-level security lets PostgreSQL use
    (docs/adr/0004-name-search-by-word-prefix-table.md)."""

    __tablename__ = "person_name_prefixes"
    __table_args__ = (
        Index(
            "ix_person_name_prefixes_in_name_order",
            "municipality",
            "prefix",
            "search_text",
            "person_id",
        ),
    )

    person_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True
    )
    prefix: Mapped[str] = mapped_column(String(100, collation="C"), primary_key=True)
    search_text: Mapped[str] = mapped_column(String(300))
    municipality: Mapped[str] = mapped_column(
        String(4), server_default=text(f"current_setting('{TENANT_SETTING}', true)")
    )


# Indexes for scale (migration 2026-12-01_indexes_for_scale): each list in its keyset order,
# and the worklist's candidates, all scoped by municipality as row-level security scopes them.
Index("ix_persons_municipality_search_text_id", Person.municipality, Person.search_text, Person.id)
Index(
    "ix_decisions_municipality_created_at_id",
    Decision.municipality,
    Decision.created_at,
    Decision.id,
)
Index(
    "ix_applications_municipality_received_on_id",
    Application.municipality,
    Application.received_on,
    Application.id,
)
Index("ix_appeals_municipality_received_on_id", Appeal.municipality, Appeal.received_on, Appeal.id)
# The worklist (migration 2026-12-01_worklist_bounded_by_partial_indexes): each kind of task
# from a partial index of what can fall due, in due order, for all and for the caseworker's own.
_OPEN = "status IN ('received', 'in_assessment')"
_RUNNING = "status IN ('made', 'sent', 'in_force', 'evaluated') AND outcome <> 'refused'"
for _name, _due, _owner, _where in (
    (
        "ix_applications_interim_reply_due",
        text("CAST(received_on + '1 mon'::interval AS DATE)"),
        Application.registered_by,
        f"{_OPEN} AND interim_reply_sent_on IS NULL",
    ),
    (
        "ix_applications_decision_expected",
        Application.expected_decision_by,
        Application.registered_by,
        _OPEN,
    ),
    (
        "ix_decisions_awaiting_approval",
        text("CAST(timezone('Europe/Oslo', updated_at) AS DATE)"),
        Decision.drafted_by,
        "status = 'ready_for_approval'",
    ),
    ("ix_decisions_not_sent", Decision.made_on, Decision.drafted_by, "status = 'made'"),
    ("ix_decisions_review_due", Decision.review_on, Decision.drafted_by, _RUNNING),
    ("ix_decisions_ending", Decision.ends_on, Decision.drafted_by, _RUNNING),
):
    _table = _owner.class_
    Index(_name, _table.municipality, _due, _table.id, postgresql_where=text(_where))
    Index(
        f"{_name}_mine", _table.municipality, _owner, _due, _table.id, postgresql_where=text(_where)
    )
Index(
    "ix_appeals_to_reassess",
    Appeal.municipality,
    Appeal.received_on,
    Appeal.id,
    postgresql_where=text("status = 'received'"),
)
Index(
    "ix_access_log_municipality_occurred_at_actor",
    AccessLogEntry.municipality,
    AccessLogEntry.occurred_at,
    AccessLogEntry.actor,
)
