import { describe, expect, it } from 'vitest';

import { emptyDecision, toDecisionCreate, validateDecision } from './decision-form';

const rules = { requiresLowerLevelReview: false, measured: true };

describe('decision form', () => {
  it('asks a grant for scope, start, review date, contact, facts and considerations', () => {
    const errors = validateDecision({ ...emptyDecision(), outcome: 'granted' }, rules);
    expect(errors).toEqual({
      scope_amount: 'scopeAmount',
      starts_on: 'required',
      review_on: 'reviewOn',
      'contact.name': 'contact',
      facts: 'required',
      considerations: 'required',
    });
  });

  it('asks for LEON/BEON when the service requires it, and nothing of that for a refusal', () => {
    const base = { ...emptyDecision(), facts: 'f', considerations: 'c' };
    expect(validateDecision({ ...base, outcome: 'granted' }, { ...rules, requiresLowerLevelReview: true }).lower_levels).toBe('lowerLevels');
    expect(validateDecision({ ...base, outcome: 'refused' }, { ...rules, requiresLowerLevelReview: true })).toEqual({});
  });

  it('says at the field when the end or the review lies before the start, and when a date is no date', () => {
    const grant = {
      ...emptyDecision(),
      outcome: 'granted' as const,
      scope_amount: '2',
      contact: { name: 'Kari', unit: '', phone: '' },
      facts: 'f',
      considerations: 'c',
      starts_on: '2026-05-01',
    };
    expect(validateDecision({ ...grant, ends_on: '2026-04-30', review_on: '2026-04-01' }, rules)).toEqual({
      ends_on: 'endsBeforeStart',
      review_on: 'reviewBeforeStart',
    });
    expect(validateDecision({ ...grant, ends_on: '31.02.2026', review_on: '2026-06-01' }, rules)).toEqual({ ends_on: 'date' });
  });

  it('builds the request with numbers and nulls', () => {
    const body = toDecisionCreate('app', 'hjemmesykepleie', {
      ...emptyDecision(),
      outcome: 'granted',
      scope_amount: '1,5',
      starts_on: '2026-01-01',
      review_on: '2026-04-01',
      contact: { name: 'Kari', unit: '', phone: '' },
      facts: ' f ',
      considerations: 'c',
    });
    expect(body).toMatchObject({
      application_id: 'app',
      service_type: 'hjemmesykepleie',
      scope_amount: 1.5,
      ends_on: null,
      contact: { name: 'Kari', unit: null, phone: null },
      facts: 'f',
      lower_levels: [],
      language: 'nb',
    });
  });
});
