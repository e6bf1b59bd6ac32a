/**
 * The welfare-technology assessment (kartlegging): needs, abilities, the home, the person's own
 * goals and the capacity to consent. Without (clear) capacity, Stange's eight-step ethical
 * reflection is required; with capacity `no`, the team may record the pbrl § 4-6 a decision in the
 * same form (each condition documented, the person not resisting, limited in time).
 */
import { z } from 'zod';

import { isIsoDate, osloToday } from '@/lib/dates';

import {
  LEGAL_CONDITIONS,
  NEEDS,
  REFLECTION_STEPS,
  TECHNOLOGY_KINDS,
  type AssessmentCreate,
  type ConsentCapacity,
  type LegalCondition,
  type LegalDecisionCreate,
  type Need,
  type ReflectionStep,
  type TechnologyKind,
} from '../api/types';

import type { ErrorKey } from './form-errors';

export const MAX_GOALS = 10;
export const ABILITIES = ['can_use_button', 'hears_alarm', 'sees_display', 'understands_device'] as const;
export const ENVIRONMENT_FLAGS = ['has_mobile_coverage', 'has_broadband', 'has_power', 'has_stove', 'has_key_box'] as const;
/** The kinds a § 4-6 a decision is for: alarm and location technology. */
export const LEGAL_KINDS: readonly TechnologyKind[] = ['safety_alarm', 'fall_sensor', 'location_technology', 'door_sensor', 'bed_sensor', 'digital_supervision'];

export type YesNo = '' | 'yes' | 'no';
type Ability = (typeof ABILITIES)[number];
type EnvironmentFlag = (typeof ENVIRONMENT_FLAGS)[number];

export type LegalDecisionValues = {
  kinds: TechnologyKind[];
  conditions: Record<LegalCondition, string>;
  person_does_not_resist: boolean;
  decided_on: string;
  valid_from: string;
  valid_until: string;
};

export type AssessmentFormValues = {
  own_goals: { text: string }[];
  assessed_on: string;
  needs: Need[];
  abilities: Record<Ability, YesNo> & { note: string };
  environment: Record<EnvironmentFlag, YesNo> & { housing: string; door: string };
  consent_capacity: ConsentCapacity | '';
  consent_given: YesNo;
  ethical_reflection: Record<ReflectionStep, string>;
  /** Record the § 4-6 a decision now (capacity `no` only). */
  record_legal: boolean;
  legal: LegalDecisionValues;
  note: string;
};

const blank = <K extends string>(keys: readonly K[], value: string) => Object.fromEntries(keys.map((key) => [key, value])) as Record<K, string>;

export function emptyLegalDecision(today: string = osloToday()): LegalDecisionValues {
  return { kinds: [], conditions: blank(LEGAL_CONDITIONS, ''), person_does_not_resist: false, decided_on: today, valid_from: today, valid_until: '' };
}

export function emptyAssessment(today: string = osloToday()): AssessmentFormValues {
  return {
    own_goals: [{ text: '' }],
    assessed_on: today,
    needs: [],
    abilities: { ...(blank(ABILITIES, '') as Record<Ability, YesNo>), note: '' },
    environment: { ...(blank(ENVIRONMENT_FLAGS, '') as Record<EnvironmentFlag, YesNo>), has_power: 'yes', housing: '', door: '' },
    consent_capacity: '',
    consent_given: '',
    ethical_reflection: blank(REFLECTION_STEPS, ''),
    record_legal: false,
    legal: emptyLegalDecision(today),
    note: '',
  };
}

export const reflectionRequired = (capacity: AssessmentFormValues['consent_capacity']) => capacity === 'no' || capacity === 'unclear';

/** The fields of a § 4-6 a decision, top to bottom, under `prefix` (`legal.` in the assessment form). */
export function legalDecisionFields(prefix: string): string[] {
  return [
    `${prefix}kinds`,
    ...LEGAL_CONDITIONS.map((condition) => `${prefix}conditions.${condition}`),
    `${prefix}conditions`,
    `${prefix}person_does_not_resist`,
    `${prefix}decided_on`,
    `${prefix}valid_from`,
    `${prefix}valid_until`,
  ];
}

/** The fields top to bottom, as they show (the reflection and the decision only when they apply). */
export function assessmentFields(values: AssessmentFormValues): string[] {
  return [
    'own_goals',
    ...values.own_goals.map((_, index) => `own_goals.${index}.text`),
    'assessed_on',
    'needs',
    ...ABILITIES.map((flag) => `abilities.${flag}`),
    'abilities.note',
    'environment.housing',
    ...ENVIRONMENT_FLAGS.map((flag) => `environment.${flag}`),
    'environment.door',
    'consent_capacity',
    'consent_given',
    ...(reflectionRequired(values.consent_capacity) ? ['ethical_reflection', ...REFLECTION_STEPS.map((step) => `ethical_reflection.${step}`)] : []),
    ...(values.consent_capacity === 'no' && values.record_legal ? legalDecisionFields('legal.') : []),
    'note',
  ];
}

const yesNo = z.enum(['', 'yes', 'no']);
const text = (max: number) => z.string().max(max, 'tooLong');

const legalShape = z.object({
  kinds: z.array(z.enum(TECHNOLOGY_KINDS as [TechnologyKind, ...TechnologyKind[]])),
  conditions: z.record(z.enum(LEGAL_CONDITIONS), z.string()),
  person_does_not_resist: z.boolean(),
  decided_on: z.string(),
  valid_from: z.string(),
  valid_until: z.string(),
});

type Issue = { path: (string | number)[]; message: ErrorKey };

/** The last day a decision applying from `validFrom` may run: `months` on, less a day (domain/legal.py). */
export function latestUntil(validFrom: string, months: number): string {
  const [year, month, day] = validFrom.split('-').map(Number) as [number, number, number];
  const index = month - 1 + months;
  const y = year + Math.floor(index / 12);
  const m = (index % 12) + 1;
  const lastOfMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const end = new Date(Date.UTC(y, m - 1, Math.min(day, lastOfMonth)) - 24 * 60 * 60 * 1000);
  return end.toISOString().slice(0, 10);
}

/** The rules of pbrl § 4-6 a as the API checks them (domain/legal.py), each at its field;
 * `maxMonths` (the legal basis' longest period, from the API) when known. */
export function legalDecisionIssues(values: LegalDecisionValues, today: string = osloToday(), maxMonths?: number): Issue[] {
  const issues: Issue[] = [];
  if (values.kinds.length === 0) issues.push({ path: ['kinds'], message: 'kinds' });
  for (const condition of LEGAL_CONDITIONS) {
    const value = values.conditions[condition] ?? '';
    if (!value.trim()) issues.push({ path: ['conditions', condition], message: 'condition' });
    else if (value.length > 4000) issues.push({ path: ['conditions', condition], message: 'tooLong' });
  }
  if (!values.person_does_not_resist) issues.push({ path: ['person_does_not_resist'], message: 'resists' });
  if (!isIsoDate(values.decided_on)) issues.push({ path: ['decided_on'], message: 'date' });
  else if (values.decided_on > today) issues.push({ path: ['decided_on'], message: 'future' });
  if (!isIsoDate(values.valid_from)) issues.push({ path: ['valid_from'], message: 'date' });
  else if (isIsoDate(values.decided_on) && values.valid_from < values.decided_on) issues.push({ path: ['valid_from'], message: 'validFrom' });
  if (!isIsoDate(values.valid_until)) issues.push({ path: ['valid_until'], message: 'date' });
  else if (isIsoDate(values.valid_from) && values.valid_until <= values.valid_from) issues.push({ path: ['valid_until'], message: 'validUntil' });
  else if (maxMonths && isIsoDate(values.valid_from) && values.valid_until > latestUntil(values.valid_from, maxMonths))
    issues.push({ path: ['valid_until'], message: 'validUntilMax' });
  return issues;
}

export function legalDecisionSchema(today: string = osloToday(), maxMonths?: number): z.ZodType<LegalDecisionValues, LegalDecisionValues> {
  return legalShape.superRefine((values, ctx) => {
    for (const issue of legalDecisionIssues(values, today, maxMonths)) ctx.addIssue({ code: 'custom', ...issue });
  });
}

export function assessmentSchema(today: string = osloToday()): z.ZodType<AssessmentFormValues, AssessmentFormValues> {
  return z
    .object({
      own_goals: z.array(z.object({ text: text(500) })),
      assessed_on: z.string(),
      needs: z.array(z.enum(NEEDS as [Need, ...Need[]])),
      abilities: z.object({ can_use_button: yesNo, hears_alarm: yesNo, sees_display: yesNo, understands_device: yesNo, note: text(1000) }),
      environment: z.object({
        housing: text(200),
        door: text(200),
        has_mobile_coverage: yesNo,
        has_broadband: yesNo,
        has_power: yesNo,
        has_stove: yesNo,
        has_key_box: yesNo,
      }),
      consent_capacity: z.enum(['', 'yes', 'no', 'unclear']),
      consent_given: yesNo,
      ethical_reflection: z.record(z.enum(REFLECTION_STEPS), z.string()),
      record_legal: z.boolean(),
      legal: legalShape,
      note: text(4000),
    })
    .superRefine((raw, ctx) => {
      const values = raw;
      const add = (path: (string | number)[], message: ErrorKey) => ctx.addIssue({ code: 'custom', path, message });
      if (!values.own_goals.some((goal) => goal.text.trim())) add(['own_goals', 0, 'text'], 'goals');
      if (!isIsoDate(values.assessed_on)) add(['assessed_on'], 'date');
      else if (values.assessed_on > today) add(['assessed_on'], 'future');
      if (values.needs.length === 0) add(['needs'], 'needs');
      else if (values.needs.length > 8) add(['needs'], 'invalid');
      for (const flag of ABILITIES) if (values.abilities[flag] === '') add(['abilities', flag], 'choose');
      if (!values.environment.housing.trim()) add(['environment', 'housing'], 'required');
      for (const flag of ENVIRONMENT_FLAGS) if (values.environment[flag] === '') add(['environment', flag], 'choose');
      if (values.consent_capacity === '') add(['consent_capacity'], 'choose');
      if (values.consent_capacity === 'yes' && values.consent_given === '') add(['consent_given'], 'consentGiven');
      if (reflectionRequired(values.consent_capacity)) {
        for (const step of REFLECTION_STEPS) {
          const value = values.ethical_reflection[step] ?? '';
          if (!value.trim()) add(['ethical_reflection', step], 'reflection');
          else if (value.length > 4000) add(['ethical_reflection', step], 'tooLong');
        }
      }
      if (values.consent_capacity === 'no' && values.record_legal) {
        for (const issue of legalDecisionIssues(values.legal, today)) add(['legal', ...issue.path], issue.message);
      }
    });
}

/** The key a 422 on `path` shows: the form's own words for that field. */
export function assessmentServerErrorKey(path: string): ErrorKey {
  if (path === 'assessed_on') return 'future';
  if (path.startsWith('ethical_reflection')) return 'reflection';
  if (path === 'consent_given') return 'consentWithoutCapacity';
  if (path.startsWith('own_goals')) return 'goals';
  if (path === 'needs') return 'needs';
  return legalServerErrorKey(path.replace(/^legal\./, ''));
}

export function legalServerErrorKey(path: string): ErrorKey {
  if (path.startsWith('conditions')) return 'condition';
  if (path === 'person_does_not_resist') return 'resists';
  if (path === 'valid_from') return 'validFrom';
  if (path === 'valid_until') return 'validUntil';
  if (path === 'kinds') return 'kinds';
  return 'invalid';
}

const optional = (value: string): string | null => (value.trim() ? value.trim() : null);
const bool = (value: YesNo) => value === 'yes';

export function toAssessmentCreate(values: AssessmentFormValues, referralId: string): AssessmentCreate {
  const capacity = values.consent_capacity as ConsentCapacity;
  return {
    referral_id: referralId,
    assessed_on: values.assessed_on,
    needs: values.needs,
    abilities: {
      can_use_button: bool(values.abilities.can_use_button),
      hears_alarm: bool(values.abilities.hears_alarm),
      sees_display: bool(values.abilities.sees_display),
      understands_device: bool(values.abilities.understands_device),
      note: optional(values.abilities.note),
    },
    environment: {
      housing: values.environment.housing.trim(),
      has_mobile_coverage: bool(values.environment.has_mobile_coverage),
      has_broadband: bool(values.environment.has_broadband),
      has_power: bool(values.environment.has_power),
      has_stove: bool(values.environment.has_stove),
      has_key_box: bool(values.environment.has_key_box),
      door: optional(values.environment.door),
    },
    own_goals: values.own_goals.map((goal) => goal.text.trim()).filter(Boolean),
    consent_capacity: capacity,
    consent_given: capacity === 'yes' ? values.consent_given === 'yes' : null,
    ethical_reflection: reflectionRequired(capacity)
      ? (Object.fromEntries(REFLECTION_STEPS.map((step) => [step, values.ethical_reflection[step].trim()])) as Record<ReflectionStep, string>)
      : null,
    note: optional(values.note),
  };
}

export function toLegalDecisionCreate(values: LegalDecisionValues): LegalDecisionCreate {
  return {
    kinds: values.kinds,
    conditions: Object.fromEntries(LEGAL_CONDITIONS.map((condition) => [condition, values.conditions[condition].trim()])),
    person_does_not_resist: values.person_does_not_resist,
    decided_on: values.decided_on,
    valid_from: values.valid_from,
    valid_until: values.valid_until,
  };
}
