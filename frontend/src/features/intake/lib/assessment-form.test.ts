import { describe, expect, it } from 'vitest';

import type { FunctionalVariable } from '../api/types';

import { assessmentFields, assessmentServerErrorKey, emptyAssessment, toAssessmentCreate, validateAssessment } from './assessment-form';
import { rangeValues } from './form-errors';

const variable = (code: string, group: string, scale = [1, 2, 3, 4, 5, 9]): FunctionalVariable => ({
  code,
  group,
  name: { nb: code, nn: code, en: code },
  scale,
  spec_version: '1',
});
const variables = [variable('toalett', 'adl'), variable('syn', 'sensory', [1, 2, 3, 4, 9])];

describe('assessment form', () => {
  it('asks for a goal, every score and the risks', () => {
    const errors = validateAssessment(emptyAssessment('2026-01-10'), variables, '2026-01-10');
    expect(errors).toEqual({
      'what_matters.0.text': 'goals',
      'scores.toalett': 'score',
      'scores.syn': 'score',
      rehabilitation_potential: 'required',
      nutrition_risk: 'required',
      fall_risk: 'required',
    });
  });

  it('refuses a score outside the variable scale (5 on a sensory variable)', () => {
    const values = { ...emptyAssessment(), scores: { toalett: 5, syn: 5 } };
    expect(validateAssessment(values, variables)['scores.syn']).toBe('score');
    expect(validateAssessment(values, variables)['scores.toalett']).toBeUndefined();
  });

  it('names the allowed range of a number: hours up to 168 a week, whole months', () => {
    const values = { ...emptyAssessment('2026-01-10'), assessed_hours_per_week: '200', expected_duration_months: '2,5' };
    const errors = validateAssessment(values, variables, '2026-01-10');
    expect(errors['assessed_hours_per_week']).toBe('number');
    expect(errors['expected_duration_months']).toBe('wholeNumber');
    expect(rangeValues({ min: 0, max: 1200 }, 'nb-NO')).toEqual({ min: '0', max: '1\u00a0200' });
  });

  it('sends the goals in order as priorities, every score and null for what is not given', () => {
    const values = {
      ...emptyAssessment('2026-01-10'),
      what_matters: [{ text: ' Gå tur ' }, { text: '' }, { text: 'Lage mat' }],
      scores: { toalett: 3, syn: 9 },
      rehabilitation_potential: 'yes' as const,
      nutrition_risk: 'none' as const,
      fall_risk: 'high' as const,
      assessed_hours_per_week: '2,5',
    };
    const body = toAssessmentCreate(values, variables);
    expect(body.what_matters).toEqual([
      { text: 'Gå tur', priority: 1 },
      { text: 'Lage mat', priority: 2 },
    ]);
    expect(body.scores).toEqual({ toalett: 3, syn: 9 });
    expect(body.assessed_hours_per_week).toBe(2.5);
    expect(body.housing).toEqual({ kind: 'own_home', accessible: null, stairs: null, note: null });
    expect(body.own_resources).toBeNull();
  });

  it('checks each diagnosis code, sends it upper-cased and places a server error at the code', () => {
    const values = {
      ...emptyAssessment('2026-01-10'),
      diagnoses: [
        { system: 'ICD-10' as const, code: ' f03 ', text: ' Demens ' },
        { system: 'ICPC-2' as const, code: '7', text: '' },
      ],
    };
    const errors = validateAssessment(values, variables, '2026-01-10');
    expect(errors['diagnoses.0.code']).toBeUndefined();
    expect(errors['diagnoses.1.code']).toBe('diagnosisCode');
    expect(toAssessmentCreate(values, variables).diagnoses).toEqual([
      { system: 'ICD-10', code: 'F03', text: 'Demens' },
      { system: 'ICPC-2', code: '7', text: null },
    ]);
    expect(assessmentFields(values, variables)).toContain('diagnoses.1.code');
    expect(assessmentServerErrorKey('diagnoses.0.code')).toBe('diagnosisCode');
    expect(toAssessmentCreate(emptyAssessment(), variables).diagnoses).toEqual([]);
  });

  it('keeps the hours left out of the BPA right within the assessed hours, and sends them', () => {
    const base = { ...emptyAssessment('2026-01-10'), assessed_hours_per_week: '30' };
    const over = { ...base, two_helper_hours_per_week: '25', night_hours_per_week: '6' };
    expect(validateAssessment(over, variables, '2026-01-10')['two_helper_hours_per_week']).toBe('bpaHoursParts');
    const without = { ...over, assessed_hours_per_week: '' };
    expect(validateAssessment(without, variables, '2026-01-10')['assessed_hours_per_week']).toBe('bpaHoursMissing');
    const fine = { ...base, two_helper_hours_per_week: '8', night_need_continuous: true };
    expect(validateAssessment(fine, variables, '2026-01-10')['two_helper_hours_per_week']).toBeUndefined();
    const body = toAssessmentCreate(fine, variables);
    expect([body.two_helper_hours_per_week, body.night_hours_per_week, body.night_need_continuous]).toEqual([8, null, true]);
  });
});
