/** Intake's shapes, generated from services/intake's OpenAPI (`npm run gen:api`). */
import type { components } from '@/lib/api/intake';
import type { components as CatalogueComponents } from '@/lib/api/catalogue';

type Schemas = components['schemas'];

export type PersonSummary = Schemas['PersonSummary'];
export type PersonRead = Schemas['PersonRead'];
export type PersonCreate = Schemas['PersonCreate'];
export type PersonUpdate = Schemas['PersonUpdate'];
export type InterimReply = Schemas['InterimReply'];
export type AssessmentDraftRead = Schemas['AssessmentDraftRead'];
export type IntakeSettingsRead = Schemas['IntakeSettingsRead'];
export type IntakeSettingsUpdate = Schemas['IntakeSettingsUpdate'];
export type DecisionUpdate = Schemas['DecisionUpdate'];
export type RelativeIn = Schemas['RelativeIn'];
export type RepresentativeIn = Schemas['RepresentativeIn'];
export type InformationScope = Schemas['InformationScope'];
export type RepresentativeKind = Schemas['RepresentativeKind'];
export type TimelineEntry = Schemas['TimelineEntry'];
export type AccessLogEntry = Schemas['AccessLogRead'];
export type ApplicationCreate = Schemas['ApplicationCreate'];
export type ApplicationRead = Schemas['ApplicationRead'];
export type ApplicationStatus = Schemas['ApplicationStatus'];
export type Channel = Schemas['Channel'];
export type ApplicantKind = Schemas['ApplicantKind'];
export type Urgency = Schemas['Urgency'];
export type NeedLevel = Schemas['NeedLevel'];

/** The catalogue's service types, as the application form offers them. */
export type ServiceTypeSummary = CatalogueComponents['schemas']['ServiceTypeSummary'];

export const CHANNELS: readonly Channel[] = ['digital', 'letter', 'phone', 'hospital_message', 'gp', 'relative', 'in_person'];
export const APPLICANT_KINDS: readonly ApplicantKind[] = ['self', 'relative', 'guardian', 'gp', 'hospital', 'other'];
export const URGENCIES: readonly Urgency[] = ['normal', 'urgent'];
export const INFORMATION_SCOPES: readonly InformationScope[] = ['none', 'practical', 'health'];
export const REPRESENTATIVE_KINDS: readonly RepresentativeKind[] = ['guardian', 'power_of_attorney'];

export type FunctionalVariable = Schemas['FunctionalVariableRead'];
export type AssessmentCreate = Schemas['AssessmentCreate'];
export type AssessmentRead = Schemas['AssessmentRead'];
export type Place = Schemas['Place'];
export type Potential = Schemas['Potential'];
export type Risk = Schemas['Risk'];
export type WelfareTechnology = Schemas['WelfareTechnology'];
export type Suggestion = Schemas['Suggestion'];
export type DecisionCreate = Schemas['DecisionCreate'];
export type DecisionRead = Schemas['DecisionRead'];
export type DecisionStatus = Schemas['DecisionStatus'];
export type DecisionDelivery = Schemas['DecisionDelivery'];
export type DecisionStatusChange = Schemas['DecisionStatusChange'];
export type Delivery = Schemas['Delivery'];
export type Outcome = Schemas['Outcome'];
export type TriedStatus = Schemas['TriedStatus'];
export type WorklistItem = Schemas['WorklistItem'];
export type WorklistCount = Schemas['WorklistCount'];
export type WaitingListEntry = Schemas['WaitingListRead'];
export type WaitingListStep = Schemas['WaitingListStep'];
export type AppealCreate = Schemas['AppealCreate'];
export type AppealRead = Schemas['AppealRead'];

/** The catalogue's full service type (rules, scope unit, criteria), as the decision form shows it. */
export type ServiceTypeDetail = CatalogueComponents['schemas']['ServiceTypeRead'];

export const FUNCTIONAL_GROUPS = ['adl', 'iadl', 'cognitive', 'social', 'sensory'] as const;
export type FunctionalGroup = (typeof FUNCTIONAL_GROUPS)[number];
export const PLACES: readonly Place[] = ['home', 'office', 'phone', 'institution', 'hospital'];
export const POTENTIALS: readonly Potential[] = ['yes', 'no', 'uncertain'];
export const RISKS: readonly Risk[] = ['none', 'some', 'high'];
export const HOUSING_KINDS = ['own_home', 'rented', 'care_housing', 'institution', 'other'] as const;
export type HousingKind = (typeof HOUSING_KINDS)[number];
export const WELFARE_TECHNOLOGIES: readonly WelfareTechnology[] = [
  'safety_alarm',
  'fall_sensor',
  'door_sensor',
  'location_technology',
  'digital_supervision',
  'medication_dispenser',
  'stove_guard',
  'remote_monitoring',
  'video_visit',
];
export const FOLLOW_UPS = ['consider_everyday_rehabilitation', 'nutrition_follow_up', 'fall_prevention', 'welfare_technology_assessment'] as const;
export const OUTCOMES: readonly Outcome[] = ['granted', 'partly_granted', 'refused'];
export const DELIVERIES: readonly Delivery[] = ['digital', 'post', 'in_person'];
export const TRIED_STATUSES: readonly TriedStatus[] = ['tried', 'considered'];
export const DECISION_STATUSES: readonly DecisionStatus[] = ['draft', 'ready_for_approval', 'made', 'sent', 'in_force', 'evaluated', 'ended'];
export type WorklistKind = Schemas['Kind'];
export type WorklistScope = Schemas['Scope'];
export const WORKLIST_KINDS = [
  'interim_reply_due',
  'interim_reply_renewal_due',
  'review_due',
  'decision_ending',
  'awaiting_approval',
  'not_sent',
  'appeal_to_reassess',
] as const satisfies readonly WorklistKind[];

/** The rights a decision states (BPA, long-term stay), as the API types them. */
export type DecisionRights = DecisionRead['rights'];
export type BpaRight = NonNullable<DecisionRights['bpa']>['right'];
export const decisionRights = (decision: DecisionRead): DecisionRights => decision.rights;
