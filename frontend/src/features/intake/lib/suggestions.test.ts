import { describe, expect, it } from 'vitest';

import type { Suggestion } from '../api/types';

import { groupReasons, lowestFitting, verdictOf } from './suggestions';

const suggestion = (service_type: string, rank: number, met: boolean | null, reasons: Suggestion['reasons'] = []): Suggestion => ({
  service_type,
  name: { nb: service_type, nn: service_type, en: service_type },
  care_level_rank: rank,
  requires_decision: true,
  met,
  lowest: met === true,
  criteria_version: 1,
  reasons,
});

const adl = { metric: 'adl_mean', op: '>=', expected: 3, actual: 3.4, met: true };
const cognition = { metric: 'cognitive_mean', op: '>=', expected: 3, actual: 1, met: false };
const alone = { metric: 'lives_alone', op: '==', expected: true, actual: true, met: true };

describe('suggestions', () => {
  it('never calls criteria met when a reason under them is not; one of several options says so', () => {
    expect(verdictOf(suggestion('a', 2, true, [adl, alone]))).toBe('met');
    expect(verdictOf(suggestion('a', 2, true, [adl, cognition]))).toBe('metThroughOne');
    expect(verdictOf(suggestion('a', 2, false, [cognition]))).toBe('notMet');
    expect(verdictOf(suggestion('a', 2, null, [cognition]))).toBe('unknown');
    expect(verdictOf(suggestion('a', 2, null))).toBe('noCriteria');
  });

  it('groups the reasons of an «any» condition, in the order of the criteria', () => {
    const conditions = [
      { metric: 'lives_alone', op: '==', value: true },
      { any: [{ metric: 'adl_mean', op: '>=', value: 3 }, { metric: 'cognitive_mean', op: '>=', value: 3 }] },
    ];
    expect(groupReasons([adl, cognition, alone], conditions)).toEqual([
      { kind: 'one', reason: alone },
      { kind: 'any', reasons: [adl, cognition], met: true },
    ]);
    expect(groupReasons([adl], undefined)).toEqual([{ kind: 'one', reason: adl }]);
  });

  it('marks exactly one service as the lowest fitting step', () => {
    const list = [suggestion('b', 3, true), suggestion('a', 2, true), suggestion('c', 2, true), suggestion('d', 1, false)];
    expect(lowestFitting(list)).toBe('a');
    expect(lowestFitting([suggestion('d', 1, null)])).toBeUndefined();
  });
});
