/** The assessment (kartlegging) form: what matters first, then every functional variable and the rest. */
import { z } from 'zod';

import { isIsoDate, osloToday } from '@/lib/dates';
import { schemaErrors } from '@/lib/use-api-form';

import {
  HOUSING_KINDS,
  PLACES,
  POTENTIALS,
  RISKS,
  WELFARE_TECHNOLOGIES,
  type AssessmentCreate,
  type FunctionalVariable,
  type HousingKind,
  type Place,
  type Potential,
  type Risk,
  type WelfareTechnology,
} from '../api/types';

import type { ErrorKey, FormErrors, NumberRange } from './form-errors';

export const MAX_GOALS = 10;
export const MAX_DIAGNOSES = 20;
export const DIAGNOSIS_SYSTEMS = ['ICD-10', 'ICPC-2'] as const;
export type DiagnosisSystem = (typeof DIAGNOSIS_SYSTEMS)[number];
/** The API's pattern for a code (F03, F00.1, P70); letters are upper-cased before the check. */
const DIAGNOSIS_CODE = /^[A-Z][0-9A-Z.]{1,7}$/;
export const DIAGNOSIS_TEXT_LIMIT = 200;
export const TEXT_LIMIT = 5000;

export type Goal = { text: string };
export type YesNo = '' | 'yes' | 'no';
export type DiagnosisValues = { system: DiagnosisSystem; code: string; text: string };

export const emptyDiagnosis = (): DiagnosisValues => ({ system: 'ICD-10', code: '', text: '' });

export type AssessmentFormValues = {
  what_matters: Goal[];
  assessed_on: string;
  place: Place;
  /** Code → the chosen score (1–5, 9); missing until chosen. */
  scores: Record<string, number>;
  own_resources: string;
  network: string;
  relatives_contribution: string;
  housing: { kind: HousingKind; accessible: YesNo; stairs: YesNo; note: string };
  rehabilitation_potential: Potential | '';
  welfare_technology: { positive: boolean; needs: WelfareTechnology[]; note: string };
  nutrition_risk: Risk | '';
  fall_risk: Risk | '';
  needs_24h_care: boolean;
  has_dementia: boolean;
  is_palliative: boolean;
  relative_care_burden: boolean;
  acute_need: boolean;
  expected_duration_months: string;
  assessed_hours_per_week: string;
  /** Of the assessed hours: those needing two helpers at a time, and night hours (BPA, pbrl § 2-1 d). */
  two_helper_hours_per_week: string;
  night_hours_per_week: string;
  night_need_continuous: boolean;
  /** Repeatable; none to begin with. */
  diagnoses: DiagnosisValues[];
  note: string;
};

export function emptyAssessment(today: string = osloToday()): AssessmentFormValues {
  return {
    what_matters: [{ text: '' }],
    assessed_on: today,
    place: 'home',
    scores: {},
    own_resources: '',
    network: '',
    relatives_contribution: '',
    housing: { kind: 'own_home', accessible: '', stairs: '', note: '' },
    rehabilitation_potential: '',
    welfare_technology: { positive: false, needs: [], note: '' },
    nutrition_risk: '',
    fall_risk: '',
    needs_24h_care: false,
    has_dementia: false,
    is_palliative: false,
    relative_care_burden: false,
    acute_need: false,
    expected_duration_months: '',
    assessed_hours_per_week: '',
    two_helper_hours_per_week: '',
    night_hours_per_week: '',
    night_need_continuous: false,
    diagnoses: [],
    note: '',
  };
}

/** The fields top to bottom; every variable is its own field (`scores.toalett`). */
export function assessmentFields(values: AssessmentFormValues, variables: readonly FunctionalVariable[]): string[] {
  return [
    'what_matters',
    ...values.what_matters.map((_, index) => `what_matters.${index}.text`),
    'assessed_on',
    'place',
    'scores',
    ...variables.map((variable) => `scores.${variable.code}`),
    'own_resources',
    'network',
    'relatives_contribution',
    'housing',
    'housing.kind',
    'housing.note',
    'rehabilitation_potential',
    'welfare_technology',
    'welfare_technology.needs',
    'nutrition_risk',
    'fall_risk',
    'expected_duration_months',
    'assessed_hours_per_week',
    'two_helper_hours_per_week',
    'night_hours_per_week',
    'diagnoses',
    ...values.diagnoses.flatMap((_, index) => [`diagnoses.${index}.system`, `diagnoses.${index}.code`, `diagnoses.${index}.text`]),
    'note',
  ];
}

const isNumberIn = (value: string, min: number, max: number, integer: boolean) => {
  if (!/^\d+([.,]\d+)?$/.test(value.trim())) return false;
  const n = Number(value.trim().replace(',', '.'));
  return n >= min && n <= max && (!integer || Number.isInteger(n));
};

/** The number fields' allowed ranges (what the API accepts), named in their messages. */
export const ASSESSMENT_NUMBER_RANGES: Record<string, NumberRange & { integer: boolean }> = {
  expected_duration_months: { min: 0, max: 1200, integer: true },
  assessed_hours_per_week: { min: 0, max: 168, integer: false },
  two_helper_hours_per_week: { min: 0, max: 168, integer: false },
  night_hours_per_week: { min: 0, max: 168, integer: false },
};

/** An optional number the user types: empty, or within its range (a whole number where it must be). */
const optionalNumberIn = (field: keyof typeof ASSESSMENT_NUMBER_RANGES) => {
  const { min, max, integer } = ASSESSMENT_NUMBER_RANGES[field]!;
  return z.string().refine((value) => !value.trim() || isNumberIn(value, min, max, integer), integer ? 'wholeNumber' : 'number');
};
const freeText = z.string().max(TEXT_LIMIT, 'tooLong');
const chosen = <T extends string>(values: readonly T[]) => z.union([z.enum(values as [T, ...T[]]), z.literal('')]).refine((value): boolean => value !== '', 'required');
const yesNo = z.enum(['', 'yes', 'no']);

/** The client's checks of an assessment; every functional variable needs a score on its own scale. */
export function assessmentSchema(
  variables: readonly FunctionalVariable[],
  today: string = osloToday(),
): z.ZodType<AssessmentFormValues, AssessmentFormValues> {
  return z
    .object({
      what_matters: z.array(z.object({ text: z.string().max(2000, 'tooLong') })),
      assessed_on: z
        .string()
        .refine(isIsoDate, 'assessedOn')
        .refine((value) => !isIsoDate(value) || value <= today, 'future'),
      place: z.enum(PLACES),
      // Each variable's score is checked against its own scale below; one not yet chosen is undefined.
      scores: z.custom<Record<string, number>>((value) => typeof value === 'object' && value !== null),
      own_resources: freeText,
      network: freeText,
      relatives_contribution: freeText,
      housing: z.object({ kind: z.enum(HOUSING_KINDS), accessible: yesNo, stairs: yesNo, note: z.string() }),
      rehabilitation_potential: chosen(POTENTIALS),
      welfare_technology: z.object({ positive: z.boolean(), needs: z.array(z.enum(WELFARE_TECHNOLOGIES)), note: z.string() }),
      nutrition_risk: chosen(RISKS),
      fall_risk: chosen(RISKS),
      needs_24h_care: z.boolean(),
      has_dementia: z.boolean(),
      is_palliative: z.boolean(),
      relative_care_burden: z.boolean(),
      acute_need: z.boolean(),
      expected_duration_months: optionalNumberIn('expected_duration_months'),
      assessed_hours_per_week: optionalNumberIn('assessed_hours_per_week'),
      two_helper_hours_per_week: optionalNumberIn('two_helper_hours_per_week'),
      night_hours_per_week: optionalNumberIn('night_hours_per_week'),
      night_need_continuous: z.boolean(),
      diagnoses: z.array(
        z.object({
          system: z.enum(DIAGNOSIS_SYSTEMS),
          code: z.string().refine((value) => DIAGNOSIS_CODE.test(value.trim().toUpperCase()), 'diagnosisCode'),
          text: z.string().refine((value) => value.trim().length <= DIAGNOSIS_TEXT_LIMIT, 'tooLong'),
        }),
      ),
      note: freeText,
    })
    .superRefine((values, ctx) => {
      if (!values.what_matters.some((goal) => goal.text.trim())) ctx.addIssue({ code: 'custom', path: ['what_matters', 0, 'text'], message: 'goals' });
      for (const variable of variables) {
        if (!variable.scale.includes(values.scores[variable.code] ?? -1)) {
          ctx.addIssue({ code: 'custom', path: ['scores', variable.code], message: 'score' });
        }
      }
      const parts = [values.two_helper_hours_per_week, values.night_hours_per_week].filter((value) => isNumberIn(value, 0, 168, false));
      if (parts.length > 0) {
        const sum = parts.reduce((total, value) => total + Number(value.trim().replace(',', '.')), 0);
        const assessed = values.assessed_hours_per_week;
        if (!isNumberIn(assessed, 0, 168, false)) {
          ctx.addIssue({ code: 'custom', path: ['assessed_hours_per_week'], message: 'bpaHoursMissing' });
        } else if (sum > Number(assessed.trim().replace(',', '.'))) {
          ctx.addIssue({ code: 'custom', path: ['two_helper_hours_per_week'], message: 'bpaHoursParts' });
        }
      }
    });
}

/** Field path → what is wrong with it (empty when the assessment may be saved). */
export function validateAssessment(values: AssessmentFormValues, variables: readonly FunctionalVariable[], today: string = osloToday()): FormErrors {
  return schemaErrors(assessmentSchema(variables, today), values) as FormErrors;
}

export function assessmentServerErrorKey(path: string): ErrorKey {
  if (path.startsWith('scores')) return 'score';
  if (path.startsWith('what_matters')) return 'goals';
  if (path === 'assessed_on') return 'assessedOn';
  if (/^diagnoses\.\d+\.code$/.test(path)) return 'diagnosisCode';
  if (path === 'two_helper_hours_per_week') return 'bpaHoursParts';
  if (path === 'assessed_hours_per_week') return 'bpaHoursMissing';
  return 'invalid';
}

const optional = (value: string): string | null => (value.trim() ? value.trim() : null);
const optionalNumber = (value: string): number | null => (value.trim() ? Number(value.trim().replace(',', '.')) : null);
const toYesNo = (value: YesNo): boolean | null => (value === '' ? null : value === 'yes');

export function toAssessmentCreate(values: AssessmentFormValues, variables: readonly FunctionalVariable[]): AssessmentCreate {
  const scores: Record<string, number> = {};
  for (const variable of variables) scores[variable.code] = values.scores[variable.code] as number;
  return {
    what_matters: values.what_matters
      .filter((goal) => goal.text.trim())
      .map((goal, index) => ({ text: goal.text.trim(), priority: index + 1 })),
    assessed_on: values.assessed_on,
    place: values.place,
    scores,
    own_resources: optional(values.own_resources),
    network: optional(values.network),
    relatives_contribution: optional(values.relatives_contribution),
    housing: {
      kind: values.housing.kind,
      accessible: toYesNo(values.housing.accessible),
      stairs: toYesNo(values.housing.stairs),
      note: optional(values.housing.note),
    },
    rehabilitation_potential: values.rehabilitation_potential as Potential,
    welfare_technology: {
      positive: values.welfare_technology.positive,
      needs: values.welfare_technology.needs,
      note: optional(values.welfare_technology.note),
    },
    nutrition_risk: values.nutrition_risk as Risk,
    fall_risk: values.fall_risk as Risk,
    needs_24h_care: values.needs_24h_care,
    has_dementia: values.has_dementia,
    is_palliative: values.is_palliative,
    relative_care_burden: values.relative_care_burden,
    acute_need: values.acute_need,
    expected_duration_months: optionalNumber(values.expected_duration_months),
    assessed_hours_per_week: optionalNumber(values.assessed_hours_per_week),
    two_helper_hours_per_week: optionalNumber(values.two_helper_hours_per_week),
    night_hours_per_week: optionalNumber(values.night_hours_per_week),
    night_need_continuous: values.night_need_continuous,
    diagnoses: values.diagnoses.map((diagnosis) => ({
      system: diagnosis.system,
      code: diagnosis.code.trim().toUpperCase(),
      text: optional(diagnosis.text),
    })),
    note: optional(values.note),
  };
}

/** A new assessment: «Hva er viktig for deg?» starts from what the application said matters. */
export function prefilledAssessment(whatMatters: string | null, today: string = osloToday()): AssessmentFormValues {
  const empty = emptyAssessment(today);
  const text = whatMatters?.trim();
  return text ? { ...empty, what_matters: [{ text }] } : empty;
}

/** The form as a stored draft held it; fields the draft lacks (an older form) start empty. */
export function draftValues(content: Record<string, unknown>, today: string = osloToday()): AssessmentFormValues {
  const empty = emptyAssessment(today);
  const merged = { ...empty, ...(content as Partial<AssessmentFormValues>) };
  const goals = Array.isArray(merged.what_matters) && merged.what_matters.length > 0 ? merged.what_matters : empty.what_matters;
  return {
    ...merged,
    what_matters: goals,
    scores: { ...(merged.scores ?? {}) },
    housing: { ...empty.housing, ...(merged.housing ?? {}) },
    welfare_technology: { ...empty.welfare_technology, ...(merged.welfare_technology ?? {}) },
    diagnoses: Array.isArray(merged.diagnoses) ? merged.diagnoses : [],
  };
}

/** How much of what an assessment must answer is answered: a goal, every variable's score, rehabilitation potential and the two risks. */
export function assessmentProgress(values: AssessmentFormValues, variables: readonly FunctionalVariable[]): { answered: number; total: number } {
  const scored = variables.filter((variable) => variable.scale.includes(values.scores?.[variable.code] ?? -1)).length;
  const answered =
    (values.what_matters?.some((goal) => goal?.text?.trim()) ? 1 : 0) +
    scored +
    (values.rehabilitation_potential ? 1 : 0) +
    (values.nutrition_risk ? 1 : 0) +
    (values.fall_risk ? 1 : 0);
  return { answered, total: variables.length + 4 };
}
