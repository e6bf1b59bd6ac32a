/** Quality's shapes, generated from services/quality's OpenAPI (`npm run gen:api`). */
import type { components as CatalogueComponents } from '@/lib/api/catalogue';
import type { components } from '@/lib/api/quality';

type Schemas = components['schemas'];

export type DeviationCategory = Schemas['DeviationCategory'];
export type DeviationStatus = Schemas['DeviationStatus'];
export type RiskLevel = Schemas['RiskLevel'];
export type CauseCategory = Schemas['CauseCategory'];
export type ActionStatus = Schemas['ActionStatus'];
export type DeviationCreate = Schemas['DeviationCreate'];
export type DeviationCreated = Schemas['DeviationCreated'];
export type DeviationRead = Schemas['DeviationRead'];
export type DeviationSummary = Schemas['DeviationSummary'];
export type ReceiptRead = Schemas['ReceiptRead'];
export type Guidance = Schemas['Guidance'];
export type LevelText = Schemas['LevelText'];
export type ChecklistItemRead = Schemas['ChecklistItemRead'];
export type ActionRead = Schemas['ActionRead'];
export type ActionCreate = Schemas['ActionCreate'];
export type ActionUpdate = Schemas['ActionUpdate'];
export type Investigation = Schemas['Investigation'];
export type CauseIn = Schemas['CauseIn'];
export type Closing = Schemas['Closing'];
export type StepRead = Schemas['StepRead'];
export type StatisticsRead = Schemas['StatisticsRead'];
export type SimilarDeviation = Schemas['SimilarDeviation'];

/** The catalogue's provider units: a deviation names one by its code. */
export type Unit = CatalogueComponents['schemas']['UnitRead'];

/** In the order the report form offers them; the samhandlingsavvik (`collaboration`) stands apart, last. */
export const CATEGORIES: readonly DeviationCategory[] = [
  'medication',
  'fall',
  'documentation',
  'privacy',
  'welfare_technology',
  'service_not_delivered',
  'hse',
  'violence',
  'other',
  'collaboration',
];
export const STATUSES: readonly DeviationStatus[] = ['reported', 'acknowledged', 'investigated', 'closed'];
export const RISK_LEVELS: readonly RiskLevel[] = ['low', 'medium', 'high'];
export const CAUSE_CATEGORIES: readonly CauseCategory[] = ['routines', 'competence', 'communication', 'equipment', 'staffing', 'other'];
export const ACTION_STATUSES: readonly ActionStatus[] = ['planned', 'in_progress', 'done', 'cancelled'];
/** What a handling step was (`StepRead.action`), as the service records it. */
export const STEP_ACTIONS = ['reported', 'updated', 'acknowledged', 'investigated', 'closed', 'reopened', 'checklist', 'action_added', 'action_changed', 'references'] as const;
