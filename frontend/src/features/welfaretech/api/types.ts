/** Welfaretech's shapes, generated from services/welfaretech's OpenAPI (`npm run gen:api`). */
import type { components } from '@/lib/api/welfaretech';

type Schemas = components['schemas'];

export type ReferralRead = Schemas['ReferralRead'];
export type ReferralCreate = Schemas['ReferralCreate'];
export type ReferralDetail = Schemas['ReferralDetail'];
export type ReferralStatus = Schemas['ReferralStatus'];
export type ReferralSource = Schemas['ReferralSource'];
export type AssessmentCreate = Schemas['AssessmentCreate'];
export type AssessmentRead = Schemas['AssessmentRead'];
export type LegalDecisionCreate = Schemas['LegalDecisionCreate'];
export type LegalDecisionRead = Schemas['LegalDecisionRead'];
export type LegalDecisionRenew = Schemas['LegalDecisionRenew'];
export type LegalDecisionEnd = Schemas['LegalDecisionEnd'];
export type LegalDecisionEnded = Schemas['LegalDecisionEnded'];
export type LegalDecisionStatus = Schemas['LegalDecisionStatus'];
export type LegalBasisRead = Schemas['LegalBasisRead'];
export type RecommendationRead = Schemas['RecommendationRead'];
export type RecommendationDecide = Schemas['RecommendationDecide'];
export type RecommendationStatus = Schemas['RecommendationStatus'];
export type TechnologyRead = Schemas['TechnologyRead'];
export type PublicTechnology = Schemas['PublicTechnology'];
export type TechnologyKind = Schemas['TechnologyKind'];
export type DeviceRead = Schemas['DeviceRead'];
export type DeviceStatus = Schemas['DeviceStatus'];
export type LoanCreate = Schemas['LoanCreate'];
export type LoanRead = Schemas['LoanRead'];
export type LoanSummary = Schemas['LoanSummary'];
export type LoanEnd = Schemas['LoanEnd'];
export type CheckCreate = Schemas['CheckCreate'];
export type CheckKind = Schemas['CheckKind'];
export type MeasurementCreate = Schemas['MeasurementCreate'];
export type MeasurementRead = Schemas['MeasurementRead'];
export type MeasurementKind = Schemas['MeasurementKind'];
export type LoanBenefits = Schemas['LoanBenefits'];
export type LedgerLine = Schemas['LedgerLineRead'];
export type BenefitDashboard = Schemas['BenefitDashboard'];
export type TotalRead = Schemas['TotalRead'];
export type MeasuredLoan = Schemas['MeasuredLoanRead'];
export type Need = Schemas['Need'];
export type Provider = Schemas['Provider'];
export type ConsentCapacity = Schemas['ConsentCapacity'];

export const NEEDS: readonly Need[] = [
  'fall_risk',
  'night_safety',
  'wandering',
  'cognitive_failure',
  'medication_management',
  'fire_risk',
  'loneliness',
  'chronic_disease_follow_up',
];
export const CAPACITIES: readonly ConsentCapacity[] = ['yes', 'no', 'unclear'];
export const PROVIDERS: readonly Provider[] = ['municipal_loan', 'bought_by_person', 'nav_assistive_technology_centre'];
export const TECHNOLOGY_KINDS: readonly TechnologyKind[] = [
  'safety_alarm',
  'digital_supervision',
  'fall_sensor',
  'location_technology',
  'door_sensor',
  'bed_sensor',
  'stove_guard',
  'electronic_door_lock',
  'medication_dispenser',
  'remote_monitoring',
  'video_communication',
  'other',
];
export const DEVICE_STATUSES: readonly DeviceStatus[] = ['in_stock', 'on_loan', 'in_repair', 'retired'];
export const CHECK_KINDS: readonly CheckKind[] = ['alarm_test', 'battery', 'service'];
/** The steps of Stange's «Sjekkliste for etisk refleksjon», in order. */
export const REFLECTION_STEPS = [
  'situation',
  'parties',
  'values',
  'dilemma',
  'alternatives',
  'consequences',
  'what_should_be_done',
  'follow_up',
] as const;
export type ReflectionStep = (typeof REFLECTION_STEPS)[number];
/** The conditions of pbrl § 4-6 a a decision documents, one text each (the API's `conditions` keys). */
export const LEGAL_CONDITIONS = [
  'prevents_harm',
  'in_persons_interest',
  'proportionate',
  'least_intrusive',
  'would_have_consented',
  'relatives_heard',
] as const;
export type LegalCondition = (typeof LEGAL_CONDITIONS)[number];
/** The ledger's measures, as the API names them (`LedgerLineRead.measure`). */
export const MEASURES = ['planned_visits', 'night_visits', 'staff_hours', 'falls', 'admissions', 'felt_safety', 'net_cost'] as const;
export type Measure = (typeof MEASURES)[number];
/** The medication dispenser checklist (Helsetilsynet's audit points), in the API's order. */
export const DISPENSER_POINTS = [
  'who_fills',
  'missed_dose_follow_up_by',
  'missed_dose_response_minutes',
  'power_or_network_failure_plan',
  'person_trained',
  'staff_trained',
  'gp_medication_list_is_source',
] as const;

/** Alarms that go to the response centre have their chain tested at installation (domain/loans.py). */
export const needsAlarmTest = (kind: TechnologyKind) => kind === 'safety_alarm' || kind === 'fall_sensor';
