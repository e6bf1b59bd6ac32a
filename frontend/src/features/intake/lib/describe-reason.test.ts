import i18n from 'i18next';
import { beforeEach, describe, expect, it } from 'vitest';

import { setLanguage } from '@/test/render';

import { describeReason } from './describe-reason';

const metrics = [{ code: 'adl_mean', label: { nb: 'ADL-gjennomsnitt', nn: 'ADL-gjennomsnitt', en: 'ADL mean' } }];

describe('describeReason', () => {
  beforeEach(async () => {
    await setLanguage('nb');
  });

  it('puts a reason in words with what was assessed', () => {
    expect(describeReason({ metric: 'adl_mean', op: '>=', expected: 3, actual: 3.4, met: true }, metrics, i18n.t, 'nb')).toBe(
      'ADL-gjennomsnitt ≥ 3 (kartlagt: 3,4)',
    );
  });

  it('names need levels and falls back to the metric code', () => {
    expect(
      describeReason({ metric: 'need_level', op: 'in', expected: ['moderate_to_large', 'extensive'], actual: 'limited' }, metrics, i18n.t, 'nb'),
    ).toBe('need_level er en av middels til stort eller omfattende (kartlagt: avgrenset)');
  });
});
