import { beforeAll, describe, expect, it } from 'vitest';

import { i18n, initI18n } from '@/lib/i18n';

import { formatCapacity, formatDate, formatPeriod, periodStatus, todayIso } from './format';

beforeAll(() => {
  initI18n('nb');
});

describe('formatDate', () => {
  it('reads YYYY-MM-DD as a calendar date in the UI language', () => {
    expect(formatDate('2025-01-01', 'nb')).toBe('1. januar 2025');
    expect(formatDate('2025-01-01', 'en')).toBe('1 January 2025');
  });
});

describe('formatPeriod', () => {
  it('writes a closed period as from – to and an open one as «fra»', () => {
    const t = i18n.getFixedT('nb');
    expect(formatPeriod('2023-01-01', '2023-12-31', 'nb', t)).toBe('1. januar 2023 – 31. desember 2023');
    expect(formatPeriod('2024-01-01', null, 'nb', t)).toBe('fra 1. januar 2024');
  });
});

describe('periodStatus', () => {
  it('counts both ends of a period as inside it', () => {
    expect(periodStatus('2024-01-01', '2024-12-31', '2024-01-01')).toBe('inForce');
    expect(periodStatus('2024-01-01', '2024-12-31', '2024-12-31')).toBe('inForce');
    expect(periodStatus('2024-01-01', '2024-12-31', '2025-01-01')).toBe('past');
    expect(periodStatus('2026-01-01', null, '2025-06-01')).toBe('future');
  });

  it('uses the local calendar day for today', () => {
    expect(todayIso(new Date(2025, 2, 7, 23, 30))).toBe('2025-03-07');
  });
});

describe('formatCapacity', () => {
  it('writes the amount with its unit and the right plural', () => {
    const t = i18n.getFixedT('nb');
    expect(formatCapacity('1', 'places', 'nb', t)).toBe('1 plass');
    expect(formatCapacity('24', 'places', 'nb', t)).toBe('24 plasser');
    expect(formatCapacity('37.5', 'hours_per_week', 'nb', t)).toBe('37,5 timer per uke');
    expect(formatCapacity(null, null, 'nb', t)).toBe('Ikke oppgitt');
  });
});
