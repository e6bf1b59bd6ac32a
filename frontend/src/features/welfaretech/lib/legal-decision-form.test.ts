import { describe, expect, it } from 'vitest';

import type { LegalDecisionRead } from '../api/types';

import { latestUntil } from './assessment-form';
import { emptyRenewal, endSchema, renewalSchema } from './legal-decision-form';

const decision: LegalDecisionRead = {
  id: 'd1',
  version: 1,
  kinds: ['location_technology'],
  conditions: {},
  person_does_not_resist: true,
  decided_on: '2026-03-16',
  valid_from: '2026-03-16',
  valid_until: '2026-09-16',
  decided_by_name: 'Jonas Berg',
  law: 'pasient- og brukerrettighetsloven § 4-6 a',
  status: 'lapses_soon',
  renewed_by_id: null,
  renews_id: null,
  ended_on: null,
  end_reason: null,
  ended_by_name: null,
};

const CONDITIONS = {
  prevents_harm: 'a',
  in_persons_interest: 'b',
  proportionate: 'c',
  least_intrusive: 'd',
  would_have_consented: 'e',
  relatives_heard: 'f',
};

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('renewing a § 4-6 a decision', () => {
  it('ends at most the rule’s months on, as the API counts them', () => {
    expect(latestUntil('2026-09-17', 12)).toBe('2027-09-16');
    expect(latestUntil('2026-01-31', 1)).toBe('2026-02-27');
  });

  it('starts the day after the old decision, with every condition to write anew', () => {
    const values = emptyRenewal(decision, '2026-09-01');
    expect(values.valid_from).toBe('2026-09-17');
    expect(values.kinds).toEqual(['location_technology']);
    expect(Object.values(values.conditions).every((text) => text === '')).toBe(true);
  });

  it('refuses a time limit past the rule or not past the old one, and blank conditions', () => {
    const schema = renewalSchema(decision, 12, '2026-09-01');
    const base = { ...emptyRenewal(decision, '2026-09-01'), conditions: CONDITIONS, person_does_not_resist: true };
    expect(schema.safeParse({ ...base, valid_until: '2027-09-16' }).success).toBe(true);
    expect(issues(schema.safeParse({ ...base, valid_until: '2027-09-17' }))).toEqual({ valid_until: 'validUntilMax' });
    expect(issues(schema.safeParse({ ...base, valid_from: '2026-09-01', valid_until: '2026-09-10' }))).toEqual({ valid_until: 'renewalUntil' });
    expect(issues(schema.safeParse({ ...base, conditions: { ...CONDITIONS, relatives_heard: ' ' }, valid_until: '2027-01-01' }))).toEqual({
      'conditions.relatives_heard': 'condition',
    });
  });
});

describe('ending a § 4-6 a decision', () => {
  it('is dated between the decision and today, with a reason', () => {
    const schema = endSchema(decision, '2026-10-01');
    expect(schema.safeParse({ ended_on: '2026-10-01', reason: 'Flyttet', device_to: 'in_stock' }).success).toBe(true);
    expect(issues(schema.safeParse({ ended_on: '2026-10-02', reason: '', device_to: 'in_stock' }))).toEqual({ ended_on: 'future', reason: 'reason' });
    expect(issues(schema.safeParse({ ended_on: '2026-03-01', reason: 'x', device_to: 'in_stock' }))).toEqual({ ended_on: 'decisionEndedOn' });
  });
});
