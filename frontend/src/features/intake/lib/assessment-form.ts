/** The assessment (kartlegging) form: what matters first, then every functional variable and the rest. */
import { todayIso } from '@/lib/dates';

import type { AssessmentCreate, FunctionalVariable, HousingKind, Place, Potential, Risk, WelfareTechnology } from '../api/types';

import type { ErrorKey, FormErrors } from './form-errors';

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
  /** Repeatable; none to begin with. */
  diagnoses: DiagnosisValues[];
  note: string;
};

export function emptyAssessment(today: string = todayIso()): AssessmentFormValues {
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

export function validateAssessment(
  values: AssessmentFormValues,
  variables: readonly FunctionalVariable[],
  today: string = todayIso(),
): FormErrors {
  const errors: FormErrors = {};
  if (!values.what_matters.some((goal) => goal.text.trim())) errors['what_matters.0.text'] = 'goals';
  values.what_matters.forEach((goal, index) => {
    if (goal.text.length > 2000) errors[`what_matters.${index}.text`] = 'tooLong';
  });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.assessed_on) || values.assessed_on > today) errors.assessed_on = 'assessedOn';
  for (const variable of variables) {
    if (!variable.scale.includes(values.scores[variable.code] ?? -1)) errors[`scores.${variable.code}`] = 'score';
  }
  for (const path of ['own_resources', 'network', 'relatives_contribution', 'note'] as const) {
    if (values[path].length > TEXT_LIMIT) errors[path] = 'tooLong';
  }
  if (!values.rehabilitation_potential) errors.rehabilitation_potential = 'required';
  if (!values.nutrition_risk) errors.nutrition_risk = 'required';
  if (!values.fall_risk) errors.fall_risk = 'required';
  if (values.expected_duration_months.trim() && !isNumberIn(values.expected_duration_months, 0, 1200, true)) {
    errors.expected_duration_months = 'number';
  }
  if (values.assessed_hours_per_week.trim() && !isNumberIn(values.assessed_hours_per_week, 0, 168, false)) {
    errors.assessed_hours_per_week = 'number';
  }
  values.diagnoses.forEach((diagnosis, index) => {
    if (!DIAGNOSIS_CODE.test(diagnosis.code.trim().toUpperCase())) errors[`diagnoses.${index}.code`] = 'diagnosisCode';
    if (diagnosis.text.trim().length > DIAGNOSIS_TEXT_LIMIT) errors[`diagnoses.${index}.text`] = 'tooLong';
  });
  return errors;
}

export function assessmentServerErrorKey(path: string): ErrorKey {
  if (path.startsWith('scores')) return 'score';
  if (path.startsWith('what_matters')) return 'goals';
  if (path === 'assessed_on') return 'assessedOn';
  if (/^diagnoses\.\d+\.code$/.test(path)) return 'diagnosisCode';
  return 'invalid';
}

const optional = (value: string): string | null => (value.trim() ? value.trim() : null);
const optionalNumber = (value: string): number | null => (value.trim() ? Number(value.trim().replace(',', '.')) : null);
const yesNo = (value: YesNo): boolean | null => (value === '' ? null : value === 'yes');

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
      accessible: yesNo(values.housing.accessible),
      stairs: yesNo(values.housing.stairs),
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
    diagnoses: values.diagnoses.map((diagnosis) => ({
      system: diagnosis.system,
      code: diagnosis.code.trim().toUpperCase(),
      text: optional(diagnosis.text),
    })),
    note: optional(values.note),
  };
}
