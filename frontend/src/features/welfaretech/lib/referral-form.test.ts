import { describe, expect, it } from 'vitest';

import { emptyReferral, referralSchema, toReferralCreate } from './referral-form';

const TODAY = '2026-03-10';
const PERSON = '8f1f6a7e-3c2b-4d5e-9f00-1a2b3c4d5e6f';

const errors = (values: unknown, units: string[] = ['hjemmetjenesten-ski']) => {
  const result = referralSchema(TODAY, units).safeParse(values);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
};

describe('the referral form', () => {
  it('asks for the person, at least one technology and a description; the only unit is chosen', () => {
    const empty = emptyReferral(TODAY, ['hjemmetjenesten-ski']);
    expect(empty.unit).toBe('hjemmetjenesten-ski');
    expect(errors(empty)).toEqual({ person_id: 'choose', requested: 'needs', note: 'required' });
  });

  it('refuses a date in the future and a unit that is not the referrer’s own', () => {
    const values = { ...emptyReferral(TODAY, []), person_id: PERSON, requested: ['stove_guard'], note: 'Glemmer komfyren', received_on: '2026-03-11', unit: 'annen' };
    expect(errors(values, ['a', 'b'])).toEqual({ received_on: 'future', unit: 'choose' });
  });

  it('sends the trimmed description and no unit when the referrer has none (the API then takes none)', () => {
    const values = { ...emptyReferral(TODAY, []), person_id: PERSON, requested: ['stove_guard' as const], note: '  Glemmer komfyren  ' };
    expect(errors(values, [])).toEqual({});
    expect(toReferralCreate(values)).toEqual({ person_id: PERSON, requested: ['stove_guard'], note: 'Glemmer komfyren', unit: null, received_on: TODAY });
  });
});
