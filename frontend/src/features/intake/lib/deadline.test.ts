import { describe, expect, it } from 'vitest';

import { deadlineState } from './deadline';

describe('deadlineState', () => {
  it('counts the days left, and calls a week or less near', () => {
    expect(deadlineState('2026-12-23', '2026-11-23')).toEqual({ kind: 'later', days: 30 });
    expect(deadlineState('2026-11-30', '2026-11-23')).toEqual({ kind: 'soon', days: 7 });
    expect(deadlineState('2026-11-23', '2026-11-23')).toEqual({ kind: 'today' });
  });

  it('says how long ago a missed deadline was', () => {
    expect(deadlineState('2026-11-20', '2026-11-23', { status: 'received' })).toEqual({ kind: 'overdue', days: 3 });
  });

  it('has no deadline once the reply is sent or the case is closed', () => {
    expect(deadlineState('2026-11-20', '2026-11-23', { sentOn: '2026-11-19' })).toEqual({ kind: 'sent', on: '2026-11-19' });
    expect(deadlineState('2026-11-20', '2026-11-23', { sent: true })).toEqual({ kind: 'sent', on: null });
    expect(deadlineState('2026-11-20', '2026-11-23', { status: 'withdrawn' })).toEqual({ kind: 'closed' });
  });
});
