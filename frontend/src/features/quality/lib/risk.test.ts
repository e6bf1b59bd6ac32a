import { describe, expect, it } from 'vitest';

import { riskLevel, riskScore } from './risk';

describe('the risk matrix', () => {
  it('multiplies consequence by probability', () => {
    expect(riskScore(3, 4)).toBe(12);
    expect(riskScore(1, 1)).toBe(1);
    expect(riskScore(5, 5)).toBe(25);
  });

  it('colours 1–4 low, 5–9 medium and 10–25 high', () => {
    expect([1, 4, 5, 9, 10, 25].map(riskLevel)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high']);
  });
});
