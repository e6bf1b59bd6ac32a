"""What intake publishes to other services: closed sets, summaries and event payloads.

Coordination, welfare technology and quality read persons and decisions from
intake over HTTP and consume its event feed; they parse both with these
models, so producer and consumers cannot drift apart.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import ClassVar

from pydantic import BaseModel, Field

from shared.need_to_know import MAX_DAYS_AFTER_END
from shared.schemas.events import Code, EventPayload

# Closed sets -------------------------------------------------------------------------------


class Outcome(StrEnum):
    granted = "granted"
    partly_granted = "partly_granted"
    refused = "refused"


class DecisionStatus(StrEnum):
    """draft → (ready for approval) → made → sent → in force → evaluated → ended."""

    draft = "draft"
    ready_for_approval = "ready_for_approval"
    made = "made"
    sent = "sent"
    in_force = "in_force"
    evaluated = "evaluated"
    ended = "ended"


class ApplicationStatus(StrEnum):
    received = "received"
    in_assessment = "in_assessment"
    decided = "decided"
    withdrawn = "withdrawn"


class AppealStatus(StrEnum):
    received = "received"
    changed_by_municipality = "changed_by_municipality"
    partly_changed_by_municipality = "partly_changed_by_municipality"
    upheld_by_municipality = "upheld_by_municipality"
    forwarded = "forwarded"
    closed = "closed"


class WaitingStatus(StrEnum):
    waiting = "waiting"
    offered = "offered"
    accepted = "accepted"
    removed = "removed"


class WaitingAction(StrEnum):
    offer = "offer"
    accept = "accept"
    decline = "decline"
    remove = "remove"
    prioritise = "prioritise"


class WelfareTechnology(StrEnum):
    """What the assessment's screening may point to; the welfaretech service assesses it."""

    safety_alarm = "safety_alarm"
    fall_sensor = "fall_sensor"
    door_sensor = "door_sensor"
    location_technology = "location_technology"
    digital_supervision = "digital_supervision"
    medication_dispenser = "medication_dispenser"
    stove_guard = "stove_guard"
    remote_monitoring = "remote_monitoring"
    video_visit = "video_visit"


class BpaReason(StrEnum):
    """Why pbrl § 2-1 d gives (or does not give) a right to BPA; texts are i18n keys."""

    under_67_32_hours = "under_67_32_hours"
    band_25_32 = "band_25_32"
    continues_after_67 = "continues_after_67"
    over_67 = "over_67"
    short_need = "short_need"
    under_25_hours = "under_25_hours"
    unknown = "unknown"


class BpaRightStatus(StrEnum):
    applies = "applies"
    applies_unless_much_more_expensive = "applies_unless_much_more_expensive"
    does_not_apply = "does_not_apply"
    unknown = "unknown"


# Summaries other services read -------------------------------------------------------------


class PersonSummary(BaseModel):
    """How a person shows in lists: the national id masked."""

    id: uuid.UUID
    given_name: str
    family_name: str
    birth_date: date
    national_id_masked: str
    city: str


class BpaRightRecord(BaseModel):
    """Whether pbrl § 2-1 d gives a right to BPA, and why, as assessed when drafting."""

    right: BpaRightStatus
    reason_code: BpaReason = Field(
        default=BpaReason.unknown, description="Why; shown and printed as a translated text"
    )
    reason: str = Field(description="The same in English, for integrations and logs")
    law: str = "pbrl § 2-1 d"
    hours_assessed: float | None = Field(
        default=None, description="Hours of personlig assistanse a week, as assessed"
    )
    hours_counted: float | None = Field(
        default=None, description="The hours that count toward the right (the thresholds' hours)"
    )
    hours_two_helpers: float | None = Field(
        default=None, description="Left out: hours needing more than one helper at a time"
    )
    hours_night_excluded: float | None = Field(
        default=None, description="Left out: night services, the need not being continuous"
    )


class LongTermStayRight(BaseModel):
    """The right to a long-term place (pbrl § 2-1 e) and the waiting-list duty (hol § 3-2 a)."""

    law: str = "pbrl § 2-1 e, hol § 3-2 a"
    note: str


class DecisionRights(BaseModel):
    """The statutory rights a decision records, computed by intake's domain rules."""

    requires_lower_level_review: bool = False
    place_available: bool | None = Field(
        default=None, description="For a long-term place: false put the person on the waiting list"
    )
    bpa: BpaRightRecord | None = None
    long_term_stay: LongTermStayRight | None = None


class DecisionSummary(BaseModel):
    """A decision as other services need it: who, what, which unit, from when to when."""

    id: uuid.UUID
    person_id: uuid.UUID
    service_type: str
    outcome: Outcome
    status: DecisionStatus
    unit: str | None
    starts_on: date | None
    ends_on: date | None
    review_on: date | None
    made_on: date | None
    replaces_id: uuid.UUID | None


class IntegrationDecision(DecisionSummary):
    """A decision as another municipal system reads it (`systemintegrasjon`): ids, codes,
    amounts and dates. The facts, considerations, purpose and notes stay with the case roles;
    the archive takes the whole decision as its letter."""

    application_id: uuid.UUID | None
    care_level_rank: int
    scope_amount: float | None
    scope_unit: str
    sent_on: date | None
    received_on: date | None
    appeal_deadline: date | None
    ended_on: date | None
    imported_from: str | None = Field(description="The system it was imported from, if any")
    version: int


# Event payloads (one model per event type and version) --------------------------------------


class PersonRegistered(EventPayload):
    """A person was registered; the subject is the person's id."""

    event_type: ClassVar[str] = "person.registered"
    subject_is_person: ClassVar[bool] = True


class ApplicationReceived(EventPayload):
    event_type: ClassVar[str] = "application.received"

    person_id: uuid.UUID
    received_on: date
    service_types: list[Code]
    channel: Code


class ApplicationStatusChanged(EventPayload):
    person_id: uuid.UUID
    status: ApplicationStatus


class ApplicationInAssessment(ApplicationStatusChanged):
    event_type: ClassVar[str] = "application.in_assessment"


class ApplicationDecided(ApplicationStatusChanged):
    event_type: ClassVar[str] = "application.decided"


class ApplicationWithdrawn(ApplicationStatusChanged):
    event_type: ClassVar[str] = "application.withdrawn"


class AssessmentCompleted(EventPayload):
    """An assessment was recorded; its content (scores, need level) stays behind the API."""

    event_type: ClassVar[str] = "assessment.completed"

    person_id: uuid.UUID
    application_id: uuid.UUID
    welfare_technology_screening_positive: bool


class WelfareTechnologyRequested(EventPayload):
    """The screening points to welfare technology: the welfaretech service takes a referral."""

    event_type: ClassVar[str] = "welfare_technology.requested"

    person_id: uuid.UUID
    application_id: uuid.UUID
    needs: list[WelfareTechnology]


class DecisionMade(EventPayload):
    event_type: ClassVar[str] = "decision.made"

    person_id: uuid.UUID
    service_type: Code
    outcome: Outcome
    unit: Code | None
    starts_on: date | None
    ends_on: date | None
    replaces_id: uuid.UUID | None


class DecisionEnded(EventPayload):
    event_type: ClassVar[str] = "decision.ended"

    person_id: uuid.UUID
    service_type: Code
    unit: Code | None


class WaitingListChanged(EventPayload):
    event_type: ClassVar[str] = "waiting_list.changed"

    person_id: uuid.UUID
    service_type: Code
    status: WaitingStatus
    action: WaitingAction | None = None


class AppealReceived(EventPayload):
    event_type: ClassVar[str] = "appeal.received"

    decision_id: uuid.UUID
    person_id: uuid.UUID
    late: bool


class AppealReassessed(EventPayload):
    event_type: ClassVar[str] = "appeal.reassessed"

    decision_id: uuid.UUID
    result: AppealStatus
    person_id: uuid.UUID | None = Field(default=None, description="None in events before 2026-12")


class MunicipalitySettingsChanged(EventPayload):
    """The municipality's admin set intake's settings that other services follow too: how many
    days after a service ended its unit keeps its need to know (`shared/need_to_know.py`).
    Coordination and welfare technology keep the number and judge their relations by it."""

    event_type: ClassVar[str] = "municipality_settings.changed"
    about_no_person: ClassVar[bool] = True

    need_to_know_days_after_end: int = Field(
        ge=0,
        le=MAX_DAYS_AFTER_END,
        description="Days after a service ended that its unit still opens the person",
    )


class EmergencyAccessGranted(EventPayload):
    """A clinician opened emergency access (nødtilgang) to a person in intake; the subject is
    the access. Until `valid_until` the other services let that employee read the person too
    and name the access in their access log; its category and reason stay in intake."""

    event_type: ClassVar[str] = "emergency_access.granted"

    access_id: uuid.UUID
    person_id: uuid.UUID
    employee_sub: Code
    category: Code
    valid_until: datetime
