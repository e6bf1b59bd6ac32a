"""What the welfaretech service publishes to others: closed sets, the public technology
catalogue and event payloads.

Quality, the municipality's own systems and the SPA read these; the event
payloads carry ids, codes, dates and numbers, never free-text health data.
"""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum
from typing import ClassVar

from pydantic import BaseModel, Field

from shared.schemas.common import LocalizedText
from shared.schemas.events import Code, EventPayload

# Closed sets -------------------------------------------------------------------------------


class TechnologyKind(StrEnum):
    """The kinds of technology the recommendation rules know; a municipality's catalogue
    holds its own products of each kind (and `other` for what it adds)."""

    safety_alarm = "safety_alarm"
    digital_supervision = "digital_supervision"
    fall_sensor = "fall_sensor"
    location_technology = "location_technology"
    door_sensor = "door_sensor"
    bed_sensor = "bed_sensor"
    stove_guard = "stove_guard"
    electronic_door_lock = "electronic_door_lock"
    medication_dispenser = "medication_dispenser"
    remote_monitoring = "remote_monitoring"
    video_communication = "video_communication"
    other = "other"


class Need(StrEnum):
    """The needs a welfare-technology assessment (kartlegging) records."""

    fall_risk = "fall_risk"
    wandering = "wandering"
    cognitive_failure = "cognitive_failure"
    medication_management = "medication_management"
    night_safety = "night_safety"
    loneliness = "loneliness"
    chronic_disease_follow_up = "chronic_disease_follow_up"
    fire_risk = "fire_risk"


class RecommendationReason(StrEnum):
    """Why the rules proposed a technology: the id of the rule that matched. The texts (nb, nn,
    en) are the SPA's; the rule table is `services/welfaretech/domain/recommendations.py`."""

    fall_alarm = "fall-alarm"
    fall_sensor = "fall-sensor"
    alarm_without_button = "alarm-without-button"
    wandering_gps = "wandering-gps"
    wandering_door = "wandering-door"
    night_supervision = "night-supervision"
    night_bed = "night-bed"
    fire_stove = "fire-stove"
    medication_dispenser = "medication-dispenser"
    remote_monitoring = "remote-monitoring"
    loneliness_video = "loneliness-video"
    alarm_key = "alarm-key"


class ReplaceableCare(StrEnum):
    """What a proposed technology may replace or reduce (the gain the seeds ask to realise)."""

    planned_supervision_visits = "planned_supervision_visits"
    home_care_phone_calls = "home_care_phone_calls"
    visits_after_falls = "visits_after_falls"
    night_visits = "night_visits"
    supervision_visits = "supervision_visits"
    search_operations = "search_operations"
    accompanied_walks = "accompanied_walks"
    sheltered_unit_postponed = "sheltered_unit_postponed"
    cooking_supervision = "cooking_supervision"
    medication_visits = "medication_visits"
    check_up_visits = "check_up_visits"
    fewer_admissions = "fewer_admissions"
    some_follow_up_visits = "some_follow_up_visits"
    key_collection = "key_collection"


class ConsentCapacity(StrEnum):
    """Samtykkekompetanse (pbrl § 4-3)."""

    yes = "yes"
    no = "no"
    unclear = "unclear"


class Provider(StrEnum):
    """Who provides an accepted technology, settled case by case (Stange 5.3; Selbu: the
    person is «motivert til anskaffelse selv» before the municipality lends)."""

    municipal_loan = "municipal_loan"
    bought_by_person = "bought_by_person"
    nav_assistive_technology_centre = "nav_assistive_technology_centre"


class ReferralSource(StrEnum):
    intake_screening = "intake_screening"
    direct = "direct"


class ReferralStatus(StrEnum):
    open = "open"
    assessed = "assessed"
    closed = "closed"


class RecommendationStatus(StrEnum):
    proposed = "proposed"
    accepted = "accepted"
    rejected = "rejected"


class DeviceStatus(StrEnum):
    in_stock = "in_stock"
    on_loan = "on_loan"
    in_repair = "in_repair"
    retired = "retired"


class LoanStatus(StrEnum):
    active = "active"
    ended = "ended"


class CheckKind(StrEnum):
    """Scheduled checks of an installed device."""

    alarm_test = "alarm_test"
    battery = "battery"
    service = "service"


class DeviationDelivery(StrEnum):
    """A deviation the loan raised in the quality service: sent, or waiting to be retried."""

    pending = "pending"
    delivered = "delivered"


class MeasurementKind(StrEnum):
    baseline = "baseline"
    follow_up = "follow_up"


# The public catalogue ----------------------------------------------------------------------


class PublicTechnology(BaseModel):
    """A technology as citizens and relatives see it: what it is for and what it costs."""

    code: str
    kind: TechnologyKind
    name: LocalizedText
    purpose: str
    iso9999: str = Field(description="ISO 9999 class of assistive products, e.g. 22 27 18")
    kpr_service_code: str | None = Field(
        description="KPR service code (kodeverk 9151) where one exists: 26, 27 or 28"
    )
    needs: list[Need]
    can_replace: list[str]
    requirements: list[str]
    is_alarm_or_location: bool = Field(
        description="Alarm or location technology: special rules without consent (pbrl § 4-6 a)"
    )
    supplier: str | None
    model: str | None
    user_fee_monthly_nok: int = Field(description="The person's monthly fee (egenandel)")


# Event payloads (one model per event type and version) --------------------------------------


class WtAssessmentCompleted(EventPayload):
    """An assessment (kartlegging) was recorded. Version 2: the needs and the consent
    capacity it found are health facts and stay behind the API."""

    event_type: ClassVar[str] = "wt_assessment.completed"
    event_version: ClassVar[int] = 2

    assessment_id: uuid.UUID
    person_id: uuid.UUID
    referral_id: uuid.UUID | None
    recommended: list[Code] = Field(description="Technology codes proposed by the rules")


class WtRecommendationAccepted(EventPayload):
    event_type: ClassVar[str] = "wt_recommendation.accepted"

    recommendation_id: uuid.UUID
    person_id: uuid.UUID
    technology_code: Code
    kpr_service_code: Code | None
    provider: Provider
    trial_evaluation_on: date | None


class LoanStarted(EventPayload):
    event_type: ClassVar[str] = "loan.started"

    loan_id: uuid.UUID
    person_id: uuid.UUID
    device_id: uuid.UUID
    technology_code: Code
    kpr_service_code: Code | None
    installed_on: date
    is_trial: bool


class LoanEnded(EventPayload):
    event_type: ClassVar[str] = "loan.ended"

    loan_id: uuid.UUID
    person_id: uuid.UUID
    device_id: uuid.UUID
    technology_code: Code
    ended_on: date


class WtLegalDecisionRenewed(EventPayload):
    """A pbrl § 4-6 a decision renewed: each condition documented anew, a new time limit."""

    event_type: ClassVar[str] = "wt_legal_decision.renewed"

    decision_id: uuid.UUID
    renews_id: uuid.UUID
    person_id: uuid.UUID
    kinds: list[TechnologyKind]
    valid_from: date
    valid_until: date


class WtLegalDecisionEnded(EventPayload):
    """A pbrl § 4-6 a decision ended early; the loans resting on it ended with it."""

    event_type: ClassVar[str] = "wt_legal_decision.ended"

    decision_id: uuid.UUID
    person_id: uuid.UUID
    kinds: list[TechnologyKind]
    ended_on: date
    loans_ended: list[uuid.UUID]


class BenefitMeasured(EventPayload):
    event_type: ClassVar[str] = "benefit.measured"

    measurement_id: uuid.UUID
    loan_id: uuid.UUID
    technology_code: Code
    kind: MeasurementKind
    week: int
    staff_hours_freed_per_week: float | None = Field(
        description="Against the baseline; None for the baseline itself"
    )
    person_id: uuid.UUID | None = Field(
        default=None, description="The loan's person; None in events before 2026-12"
    )
