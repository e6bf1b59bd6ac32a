/** The coordination API's shapes, named once from the generated contract. */
import type { components } from '@/lib/api/coordination';

type Schemas = components['schemas'];

export type RequestRead = Schemas['RequestRead'];
export type RequestCreate = Schemas['RequestCreate'];
export type PlanRead = Schemas['PlanRead'];
export type PlanListItem = Schemas['PlanListItem'];
export type PlanUpdate = Schemas['PlanUpdate'];
export type Goal = Schemas['Goal'];
export type Measure = Schemas['Measure'];
export type TeamMember = Schemas['TeamMember'];
export type PlanVersionRead = Schemas['PlanVersionRead'];
export type PlanComparison = Schemas['PlanComparison'];
export type MeetingRead = Schemas['MeetingRead'];
export type MeetingCreate = Schemas['MeetingCreate'];
export type MeetingMinutes = Schemas['MeetingMinutes'];
export type EvaluationCreate = Schemas['EvaluationCreate'];
export type EvaluationRead = Schemas['EvaluationRead'];
export type ConsentCreate = Schemas['ConsentCreate'];
export type WorklistItem = Schemas['WorklistItem'];
export type CaseloadItem = Schemas['CaseloadItem'];
export type Overview = Schemas['Overview'];
export type LocalizedName = Schemas['LocalizedText'];
export type HandOver = Schemas['HandOver'];
export type PrimaryContactCreate = Schemas['PrimaryContactCreate'];
export type PrimaryContactRead = Schemas['PrimaryContactRead'];
export type ConsentRead = Schemas['ConsentRead'];
export type ConsentWithdrawal = Schemas['ConsentWithdrawal'];
export type PersonRelations = Schemas['PersonRelations'];
export type RepresentativeOption = Schemas['RepresentativeOption'];
export type RelativeOption = Schemas['RelativeOption'];
export type ConversationRead = Schemas['ConversationRead'];
export type ConversationCreate = Schemas['ConversationCreate'];
export type ConversationHeld = Schemas['ConversationHeld'];
export type Phase = Schemas['Phase'];
export type LifeArea = Schemas['LifeArea'];
export type ResponsibleKind = Schemas['ResponsibleKind'];
export type MeasureStatus = Schemas['MeasureStatus'];
export type GoalResult = Schemas['GoalResult'];

export const LIFE_AREAS: readonly LifeArea[] = [
  'health',
  'daily_living',
  'housing',
  'work_school',
  'social',
  'leisure',
  'family',
  'finances',
  'other',
];
export const RESPONSIBLE_KINDS: readonly ResponsibleKind[] = ['unit', 'nav', 'school', 'gp', 'specialist', 'relative', 'other'];
export const MEASURE_STATUSES: readonly MeasureStatus[] = ['to_confirm', 'planned', 'ongoing', 'done', 'ended', 'cancelled'];
export const PHASES: readonly Phase[] = ['introduction', 'collaboration', 'follow_up'];
export const GOAL_RESULTS: readonly GoalResult[] = ['reached', 'partly', 'not_reached'];
