import { describe, expect, it } from 'vitest';

import { dateError, deliveryErrors } from './date-checks';

const today = '2026-11-30';

describe('date checks', () => {
  it('calls a date that has not happened yet «in the future» where it records an event', () => {
    expect(dateError('2026-12-01', { past: true, today })).toBe('future');
    expect(dateError('2026-11-30', { past: true, today })).toBeUndefined();
    expect(dateError('2026-12-01', { today })).toBeUndefined();
    expect(dateError('', { required: true })).toBe('required');
    expect(dateError('12.13.2026')).toBe('date');
  });

  it('refuses a delivery received before it was sent', () => {
    expect(deliveryErrors('2026-11-20', '2026-11-19', today)).toEqual({ received_on: 'receivedBeforeSent' });
    expect(deliveryErrors('2026-11-20', '2026-12-24', today)).toEqual({ sent_on: undefined, received_on: 'future' });
    expect(deliveryErrors('2026-11-20', '2026-11-22', today)).toEqual({ sent_on: undefined, received_on: undefined });
  });
});
