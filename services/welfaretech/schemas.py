"""Request and response bodies of the welfaretech API."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from services.welfaretech.domain.legal import LegalDecisionStatus
from shared.schemas.common import LocalizedText
from shared.schemas.intake import PersonSummary
from shared.schemas.welfaretech import (
    CheckKind,
    ConsentCapacity,
    DeviationDelivery,
    DeviceStatus,
    LoanStatus,
    MeasurementKind,
    Need,
    Provider,
    PublicTechnology,
    RecommendationReason,
    RecommendationStatus,
    ReferralSource,
    ReferralStatus,
    ReplaceableCare,
    TechnologyKind,
)

CODE = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,59}$", examples=["trygghetsalarm-mobil"])
UNIT_PATTERN = r"^[a-z0-9][a-z0-9-]{0,59}$"
UNIT = Field(pattern=UNIT_PATTERN, examples=["hjemmetjenesten-ski"])
OPTIONAL_UNIT = Field(default=None, pattern=UNIT_PATTERN, examples=["hjemmetjenesten-ski"])
ShortText = Field(min_length=1, max_length=500)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# The technology catalogue -------------------------------------------------------------------


class TechnologyCreate(Strict):
    code: str = CODE
    kind: TechnologyKind
    name: LocalizedText
    purpose: str = Field(min_length=1, max_length=2000)
    iso9999: str = Field(
        pattern=r"^\d{2}( \d{2}){0,2}$", description="ISO 9999 class", examples=["22 27 18"]
    )
    kpr_service_code: str | None = Field(
        default=None, pattern=r"^(26|27|28)$", description="KPR 9151: 26 GPS, 27, 28"
    )
    needs: list[Need] = Field(default_factory=list, max_length=20)
    can_replace: list[str] = Field(default_factory=list, max_length=20)
    requirements: list[str] = Field(default_factory=list, max_length=20)
    contraindications: list[str] = Field(default_factory=list, max_length=20)
    is_alarm_or_location: bool
    response_chain: list[str] = Field(default_factory=list, max_length=10)
    supplier: str | None = Field(default=None, max_length=200)
    model: str | None = Field(default=None, max_length=200)
    purchase_cost_nok: int = Field(default=0, ge=0)
    monthly_cost_nok: int = Field(default=0, ge=0)
    user_fee_monthly_nok: int = Field(default=0, ge=0)
    check_interval_days: int | None = Field(default=None, ge=1, le=730)


class TechnologyRead(PublicTechnology):
    id: uuid.UUID
    version: int
    contraindications: list[str]
    response_chain: list[str]
    purchase_cost_nok: int
    monthly_cost_nok: int
    check_interval_days: int | None
    is_active: bool


# Referrals ----------------------------------------------------------------------------------


class ReferralCreate(Strict):
    person_id: uuid.UUID
    requested: list[TechnologyKind] = Field(default_factory=list, max_length=12)
    note: str | None = Field(default=None, max_length=2000)
    unit: str | None = OPTIONAL_UNIT
    received_on: date | None = None


class ReferralRead(BaseModel):
    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    person_name: str | None = Field(
        description="In the inbox: as intake shows the person now; else as when referred. "
        "Null when neither is known (a referral from the feed while intake is down)"
    )
    person_name_available: bool
    source: ReferralSource
    application_id: uuid.UUID | None
    requested: list[TechnologyKind]
    note: str | None
    unit: str | None
    received_on: date
    status: ReferralStatus
    referred_by_name: str


class ReferralDetail(ReferralRead):
    person: PersonSummary = Field(description="The person as intake shows them now")


# Assessments ------------------------------------------------------------------------------


class AbilitiesIn(Strict):
    can_use_button: bool
    hears_alarm: bool
    sees_display: bool
    understands_device: bool
    note: str | None = Field(default=None, max_length=1000)


class EnvironmentIn(Strict):
    housing: str = Field(min_length=1, max_length=200, examples=["Enebolig, to etasjer"])
    has_mobile_coverage: bool
    has_broadband: bool
    has_power: bool = True
    has_stove: bool
    has_key_box: bool
    door: str | None = Field(default=None, max_length=200)


class EthicalReflection(Strict):
    """Stange's eight-step «Sjekkliste for etisk refleksjon», one field per step."""

    situation: str = Field(min_length=1, max_length=4000)
    parties: str = Field(min_length=1, max_length=4000)
    values: str = Field(min_length=1, max_length=4000)
    dilemma: str = Field(min_length=1, max_length=4000)
    alternatives: str = Field(min_length=1, max_length=4000)
    consequences: str = Field(min_length=1, max_length=4000)
    what_should_be_done: str = Field(min_length=1, max_length=4000)
    follow_up: str = Field(min_length=1, max_length=4000)


class AssessmentCreate(Strict):
    referral_id: uuid.UUID | None = Field(
        default=None, description="The referral it answers; else `person_id` (a direct one)"
    )
    person_id: uuid.UUID | None = None
    assessed_on: date
    needs: list[Need] = Field(min_length=1, max_length=8)
    abilities: AbilitiesIn
    environment: EnvironmentIn
    own_goals: list[str] = Field(
        min_length=1, max_length=10, description="«Hva er viktig for deg?» in the person's words"
    )
    consent_capacity: ConsentCapacity
    consent_given: bool | None = Field(
        default=None, description="With capacity: whether the person consents"
    )
    ethical_reflection: EthicalReflection | None = None
    unit: str | None = OPTIONAL_UNIT
    note: str | None = Field(default=None, max_length=4000)


class LegalDecisionCreate(Strict):
    """A decision under pbrl § 4-6 a, each condition documented."""

    kinds: list[TechnologyKind] = Field(min_length=1, max_length=6)
    conditions: dict[str, str] = Field(
        description="prevents_harm, in_persons_interest, proportionate, least_intrusive, "
        "would_have_consented, relatives_heard: how each is met"
    )
    person_does_not_resist: bool
    decided_on: date
    valid_from: date
    valid_until: date


class LegalDecisionRenew(Strict):
    """A renewal: each condition documented anew and a new time limit, for the same technology."""

    conditions: dict[str, str] = Field(
        description="prevents_harm, in_persons_interest, proportionate, least_intrusive, "
        "would_have_consented, relatives_heard: how each is met now"
    )
    person_does_not_resist: bool
    decided_on: date
    valid_from: date
    valid_until: date = Field(
        description="Past the end of the decision renewed, within the longest period the "
        "legal basis allows (`AssessmentRead.legal_basis.max_months`)"
    )


class LegalDecisionEnd(Strict):
    ended_on: date = Field(description="From this day the technology may not be used")
    reason: str = Field(min_length=1, max_length=900)
    device_to: DeviceStatus = Field(
        default=DeviceStatus.in_stock,
        description="Where the devices of the loans that end with it go: stock, repair, retired",
    )


class LegalDecisionRead(BaseModel):
    id: uuid.UUID
    version: int
    kinds: list[TechnologyKind]
    conditions: dict[str, str]
    person_does_not_resist: bool
    decided_on: date
    valid_from: date
    valid_until: date
    decided_by_name: str
    law: str
    status: LegalDecisionStatus = Field(description="Where the decision stands today")
    renewed_by_id: uuid.UUID | None = Field(description="The decision that renewed this one")
    renews_id: uuid.UUID | None = Field(description="The decision this one renewed")
    ended_on: date | None
    end_reason: str | None
    ended_by_name: str | None


class LegalBasisRead(BaseModel):
    """The rule a § 4-6 a decision made today follows (reference data)."""

    law: str = Field(examples=["pasient- og brukerrettighetsloven § 4-6 a"])
    source: str
    conditions: list[str]
    max_months: int = Field(description="The longest a decision runs before it is renewed")
    max_months_basis: str
    renew_notice_days: int = Field(
        description="A decision ending within this many days is flagged for renewal"
    )


class RecommendationRead(BaseModel):
    id: uuid.UUID
    version: int
    technology: TechnologyRead
    reasons: list[RecommendationReason] = Field(
        description="Why the rules proposed it: the rule ids, shown in the user's language"
    )
    may_replace: list[ReplaceableCare] = Field(description="What it may replace or reduce")
    rule_ids: list[str]
    sources: list[str]
    status: RecommendationStatus
    decision_reason: str | None
    provider: Provider | None
    decided_by_name: str | None
    decided_on: date | None
    trial_evaluation_on: date | None
    needs_legal_decision: bool = Field(
        description="Alarm or location technology without capacity: § 4-6 a decision needed"
    )
    may_activate: bool
    blocked_because: str | None


class AssessmentRead(BaseModel):
    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    referral_id: uuid.UUID | None
    assessed_on: date
    assessed_by_name: str
    needs: list[Need]
    abilities: AbilitiesIn
    environment: EnvironmentIn
    own_goals: list[str]
    consent_capacity: ConsentCapacity
    consent_given: bool | None
    ethical_reflection: EthicalReflection | None
    unit: str | None
    note: str | None
    recommendations: list[RecommendationRead]
    legal_decisions: list[LegalDecisionRead]
    legal_basis: LegalBasisRead


class LegalDecisionEnded(BaseModel):
    assessment: AssessmentRead
    loans_ended: list[uuid.UUID] = Field(
        description="The loans of alarm or location technology that rested on the decision "
        "alone: ended the same day, their devices collected"
    )


class RecommendationDecide(Strict):
    accept: bool
    reason: str = Field(min_length=1, max_length=2000)
    provider: Provider | None = Field(default=None, description="Required when accepting")
    trial_weeks: int | None = Field(
        default=None, ge=1, le=52, description="Start as a time-limited trial of this length"
    )
    decided_on: date


# Devices and loans --------------------------------------------------------------------------


class DeviceCreate(Strict):
    technology: str = CODE
    serial: str = Field(min_length=1, max_length=100)
    model: str | None = Field(default=None, max_length=200)
    acquired_on: date | None = None


class DeviceRead(BaseModel):
    id: uuid.UUID
    version: int
    technology_code: str
    technology_name: LocalizedText
    kind: TechnologyKind
    serial: str
    model: str | None
    status: DeviceStatus
    acquired_on: date | None


class DispenserChecklist(Strict):
    """Helsetilsynet's audit points for elektronisk medisineringsstøtte."""

    who_fills: str | None = Field(default=None, max_length=500)
    missed_dose_follow_up_by: str | None = Field(default=None, max_length=500)
    missed_dose_response_minutes: int | None = Field(default=None, ge=1, le=1440)
    power_or_network_failure_plan: str | None = Field(default=None, max_length=1000)
    person_trained: bool = False
    staff_trained: bool = False
    gp_medication_list_is_source: bool = False


class LoanCreate(Strict):
    recommendation_id: uuid.UUID
    device_id: uuid.UUID
    unit: str = UNIT
    installed_on: date
    alarm_chain_tested: bool | None = Field(
        default=None, description="For an alarm: whether the response chain passed its test"
    )
    alarm_test_note: str | None = Field(default=None, max_length=1000)
    dispenser_checklist: DispenserChecklist | None = None


class CheckCreate(Strict):
    kind: CheckKind
    performed_on: date
    passed: bool
    note: str | None = Field(default=None, max_length=1000)


class LoanEnd(Strict):
    ended_on: date
    reason: str = Field(min_length=1, max_length=1000)
    device_to: DeviceStatus = Field(
        default=DeviceStatus.in_stock, description="Where the device goes: stock, repair, retired"
    )


class CheckRead(BaseModel):
    id: uuid.UUID
    kind: CheckKind
    performed_on: date
    performed_by_name: str
    passed: bool
    note: str | None


class DeviationReportRead(BaseModel):
    id: uuid.UUID
    check_id: uuid.UUID
    status: DeviationDelivery
    attempts: int
    last_error: str | None
    quality_deviation_id: uuid.UUID | None
    delivered_at: datetime | None


class LoanSummary(BaseModel):
    """A loan as lists show it: everything but its checks and deviations (`LoanRead`)."""

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    person_name: str | None = Field(
        description="The person's name as intake shows it now; null when intake could not say "
        "(down, or it does not let the caller read the person)"
    )
    person_name_available: bool = Field(
        description="False when the name could not be read from intake: show it as unavailable"
    )
    needs_legal_decision: bool = Field(
        description="Alarm or location technology for a person without capacity to consent: "
        "the loan rests on a decision under pbrl § 4-6 a"
    )
    legal_decision_until: date | None = Field(
        description="The last day of the § 4-6 a decision in force today; null when none is"
    )
    legal_basis_lapsed: bool = Field(
        description="An open loan that needs a § 4-6 a decision has none in force today: "
        "renew the decision or end the loan"
    )
    legal_decision_lapses_soon: bool = Field(
        description="An open loan whose § 4-6 a decisions run out within the notice period "
        "(`LegalBasisRead.renew_notice_days`): renew the decision in time"
    )
    legal_decision_id: uuid.UUID | None = Field(
        description="The § 4-6 a decision to renew or end for this loan (the latest for its "
        "technology); null when the loan needs none"
    )
    assessment_id: uuid.UUID
    recommendation_id: uuid.UUID
    device: DeviceRead
    unit: str
    installed_on: date
    installed_by_name: str
    alarm_chain_tested: bool | None
    dispenser_checklist: DispenserChecklist | None
    is_trial: bool
    evaluation_on: date | None
    check_interval_days: int
    next_check_on: date | None
    is_check_overdue: bool
    status: LoanStatus
    ended_on: date | None
    end_reason: str | None


class LoanRead(LoanSummary):
    """One loan, with its checks and the deviations they raised."""

    checks: list[CheckRead]
    deviations: list[DeviationReportRead]


class RetryResult(BaseModel):
    attempted: int
    delivered: int
    still_pending: int


# Benefit realisation ------------------------------------------------------------------------


class MeasurementCreate(Strict):
    kind: MeasurementKind
    week: int = Field(ge=0, le=260, description="Weeks after installation; 0 for the baseline")
    measured_on: date
    planned_visits_per_week: Decimal = Field(ge=0, le=200, max_digits=6, decimal_places=2)
    night_visits_per_week: Decimal = Field(ge=0, le=100, max_digits=6, decimal_places=2)
    staff_minutes_per_week: Decimal = Field(ge=0, le=10080, max_digits=8, decimal_places=2)
    falls_last_4_weeks: int = Field(ge=0, le=100)
    admissions_last_4_weeks: int = Field(ge=0, le=30)
    felt_safety: int = Field(ge=1, le=5, description="The person's felt safety, 1–5")
    staff_hour_cost_nok: int | None = Field(
        default=None, ge=1, le=10000, description="Baseline: the cost of one staff hour"
    )
    gain_owner: str | None = Field(
        default=None, max_length=200, description="Baseline: the unit that realises the gain"
    )
    realisation: str | None = Field(
        default=None, max_length=2000, description="Baseline: how the freed time is used"
    )


class MeasurementRead(BaseModel):
    id: uuid.UUID
    loan_id: uuid.UUID
    kind: MeasurementKind
    week: int
    measured_on: date
    planned_visits_per_week: Decimal
    night_visits_per_week: Decimal
    staff_minutes_per_week: Decimal
    falls_last_4_weeks: int
    admissions_last_4_weeks: int
    felt_safety: int
    staff_hour_cost_nok: int | None
    gain_owner: str | None
    realisation: str | None
    recorded_by_name: str


class LedgerLineRead(BaseModel):
    measure: str
    kind: str
    unit: str
    baseline: Decimal
    follow_up: Decimal
    gain: Decimal
    gain_per_year: Decimal | None
    formula: str


class LoanBenefits(BaseModel):
    loan_id: uuid.UUID
    technology_code: str
    measurements: list[MeasurementRead]
    follow_up_week: int | None
    gain_owner: str | None
    realisation: str | None
    ledger: list[LedgerLineRead] = Field(description="The latest follow-up against the baseline")


class TotalRead(BaseModel):
    """One figure: a measure summed over the measured loans (felt safety: the means)."""

    measure: str
    unit: str
    loans_measured: int = Field(description="The loans behind the figure")
    baseline: Decimal = Field(description="The sum of the baselines (felt safety: the mean)")
    follow_up: Decimal = Field(
        description="The sum of the latest follow-ups (felt safety: the mean; net cost: the "
        "devices' weekly cost against the baseline's staff cost freed)"
    )
    gain: Decimal = Field(description="The sum of the loans' gains (felt safety: the mean)")
    gain_per_year: Decimal | None


class MeasuredLoanRead(BaseModel):
    """A loan behind a dashboard figure: its baseline and latest follow-up, measure by measure."""

    loan_id: uuid.UUID
    technology_code: str
    unit: str
    installed_on: date
    follow_up_week: int
    ledger: list[LedgerLineRead]


class TechnologyBenefits(BaseModel):
    technology_code: str
    technology_name: LocalizedText
    loans_measured: int
    totals: list[TotalRead]


class BenefitDashboard(BaseModel):
    municipality: str
    loans_measured: int
    totals: list[TotalRead]
    by_technology: list[TechnologyBenefits]
    active_loans: int
    trials_due_for_evaluation: int
    checks_overdue: int
    staff_hour_cost_default_nok: int
