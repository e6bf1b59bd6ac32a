"""What the quality service publishes to others: closed sets and event payloads.

Other services (and the municipality's own systems) consume the quality
service's event feed with these models. Payloads carry ids, codes, dates and
scores, never free text and never the reporter: who reported an avvik is
visible to its handlers only, inside the quality service.
"""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum
from typing import ClassVar

from shared.schemas.events import Code, EventPayload

# Closed sets -------------------------------------------------------------------------------


class DeviationCategory(StrEnum):
    """Avvikskategori. `collaboration` is the samhandlingsavvik, kept apart from the rest:
    it is handled under the collaboration agreement with the hospital or GP."""

    medication = "medication"
    fall = "fall"
    documentation = "documentation"
    privacy = "privacy"
    collaboration = "collaboration"
    welfare_technology = "welfare_technology"
    service_not_delivered = "service_not_delivered"
    hse = "hse"
    violence = "violence"
    other = "other"


class DeviationStatus(StrEnum):
    """reported → acknowledged → investigated → closed; closed → investigated on reopening."""

    reported = "reported"
    acknowledged = "acknowledged"
    investigated = "investigated"
    closed = "closed"


class RiskLevel(StrEnum):
    """The colour of a cell of the 5 × 5 risk matrix (consequence × probability)."""

    low = "low"
    medium = "medium"
    high = "high"


class LinkKind(StrEnum):
    """What a deviation may point at in another service."""

    decision = "decision"
    plan = "plan"
    loan = "loan"


class LinkStatus(StrEnum):
    """Whether the target service confirmed the linked thing exists."""

    verified = "verified"
    unverified = "unverified"
    not_found = "not_found"


class CauseCategory(StrEnum):
    """Årsakskategori: the fixed categories of direct and underlying causes."""

    routines = "routines"
    competence = "competence"
    communication = "communication"
    equipment = "equipment"
    staffing = "staffing"
    other = "other"


class ActionStatus(StrEnum):
    planned = "planned"
    in_progress = "in_progress"
    done = "done"
    cancelled = "cancelled"


# Event payloads ----------------------------------------------------------------------------


class DeviationReported(EventPayload):
    event_type: ClassVar[str] = "deviation.reported"

    deviation_id: uuid.UUID
    unit: Code
    category: DeviationCategory
    risk_score: int
    risk_level: RiskLevel
    is_serious: bool
    reported_on: date
    acknowledge_by: date


class DeviationAcknowledged(EventPayload):
    event_type: ClassVar[str] = "deviation.acknowledged"

    deviation_id: uuid.UUID
    unit: Code
    acknowledged_on: date
    was_late: bool


class DeviationClosed(EventPayload):
    event_type: ClassVar[str] = "deviation.closed"

    deviation_id: uuid.UUID
    unit: Code
    category: DeviationCategory
    closed_on: date
    cause_categories: list[CauseCategory]


class DeviationReopened(EventPayload):
    event_type: ClassVar[str] = "deviation.reopened"

    deviation_id: uuid.UUID
    unit: Code
    reopened_on: date


class SeriousEventFlagged(EventPayload):
    """A death or very serious harm: Statens helsetilsyn must be notified at once
    (helse- og omsorgstjenesteloven § 12-3 a)."""

    event_type: ClassVar[str] = "serious_event.flagged"

    deviation_id: uuid.UUID
    unit: Code
    flagged_on: date


# The quality system: ROS, procedures, internal audits, supervision -------------------------


class RosStatus(StrEnum):
    """A ROS analysis is drafted, then approved once every high risk has a measure."""

    draft = "draft"
    approved = "approved"


class AuditStatus(StrEnum):
    planned = "planned"
    completed = "completed"


class SupervisionAuthority(StrEnum):
    """Who carried out the tilsyn."""

    statsforvalteren = "statsforvalteren"
    helsetilsynet = "helsetilsynet"


class FindingKind(StrEnum):
    """A breach of the law or regulation (avvik / lovbrudd) or a remark (merknad)."""

    breach = "breach"
    remark = "remark"


class FindingStatus(StrEnum):
    open = "open"
    closed = "closed"


class MeasureSource(StrEnum):
    """Where a quality-system measure comes from."""

    ros_hazard = "ros_hazard"
    audit = "audit"
    supervision = "supervision"


class CorrectiveActionOverdue(EventPayload):
    """An open corrective action past its due date, published once: a deviation's
    (`deviation_id` set) or a measure of the quality system (`source` and `source_id`: the
    ROS hazard, internal audit or supervision finding; `unit` is None for a municipality-wide
    finding's measure)."""

    event_type: ClassVar[str] = "corrective_action.overdue"

    action_id: uuid.UUID
    deviation_id: uuid.UUID | None = None
    source: MeasureSource | None = None
    source_id: uuid.UUID | None = None
    unit: Code | None
    due_on: date


class ProcedureRevised(EventPayload):
    """A new version of a procedure is in force (version 1 when it is first published)."""

    event_type: ClassVar[str] = "procedure.revised"

    procedure_id: uuid.UUID
    unit: Code | None
    version: int
    valid_from: date
    review_by: date


class AuditCompleted(EventPayload):
    """An internal audit was recorded: how many non-conformities became measures."""

    event_type: ClassVar[str] = "audit.completed"

    audit_id: uuid.UUID
    procedure_id: uuid.UUID
    procedure_version: int
    unit: Code
    performed_on: date
    non_conformities: int


# Surveys (bruker- og pårørendeundersøkelser) -----------------------------------------------


class QuestionKind(StrEnum):
    """A survey question: a 1–5 scale with labels at both ends, yes/no, or free text."""

    scale = "scale"
    yes_no = "yes_no"
    text = "text"


class Respondent(StrEnum):
    """Who a survey asks: the users of a service, their relatives, or both."""

    users = "users"
    relatives = "relatives"
    both = "both"


class SurveyAnswered(EventPayload):
    """One anonymous answer to a survey: ids only, never what was answered."""

    event_type: ClassVar[str] = "survey.answered"

    survey_id: uuid.UUID
    survey_version: int
    answer_id: uuid.UUID
    unit: Code
    answered_on: date
