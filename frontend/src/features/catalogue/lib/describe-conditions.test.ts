import { beforeAll, describe, expect, it } from 'vitest';

import { i18n, initI18n, type Language } from '@/lib/i18n';

import { describeCondition, describeConditions, metricsByCode, type DescribeContext } from './describe-conditions';

const metrics = metricsByCode([
  { code: 'adl_mean', kind: 'number', label: { nb: 'ADL-gjennomsnitt', nn: 'ADL-gjennomsnitt', en: 'ADL mean' } },
  { code: 'need_level', kind: 'choice', label: { nb: 'Bistandsbehov', nn: 'Bistandsbehov', en: 'Need level' } },
  {
    code: 'lower_levels_tried',
    kind: 'boolean',
    label: { nb: 'Lavere nivå prøvd eller vurdert', nn: '', en: 'Lower levels tried or considered' },
  },
]);

function context(language: Language): DescribeContext {
  return { t: i18n.getFixedT(language), language, metrics };
}

beforeAll(() => {
  initI18n('nb');
});

describe('describeCondition', () => {
  it('writes a numeric threshold with its symbol, as «ADL-gjennomsnitt ≥ 3»', () => {
    expect(describeCondition({ metric: 'adl_mean', op: '>=', value: 3 }, context('nb'))).toBe('ADL-gjennomsnitt ≥ 3');
  });

  it('writes decimals the Norwegian way in bokmål and the English way in English', () => {
    expect(describeCondition({ metric: 'adl_mean', op: '<', value: 2.5 }, context('nb'))).toBe('ADL-gjennomsnitt < 2,5');
    expect(describeCondition({ metric: 'adl_mean', op: '<', value: 2.5 }, context('en'))).toBe('ADL mean < 2.5');
  });

  it('writes a yes/no metric as the label and the answer', () => {
    expect(describeCondition({ metric: 'lower_levels_tried', op: '==', value: true }, context('nb'))).toBe(
      'Lavere nivå prøvd eller vurdert: ja',
    );
    expect(describeCondition({ metric: 'lower_levels_tried', op: '!=', value: true }, context('en'))).toBe(
      'Lower levels tried or considered: no',
    );
  });

  it('falls back to the bokmål label when the metric has no nynorsk one', () => {
    expect(describeCondition({ metric: 'lower_levels_tried', op: '==', value: false }, context('nn'))).toBe(
      'Lavere nivå prøvd eller vurdert: nei',
    );
  });

  it('writes «in» as alternatives joined by «eller», with need levels translated', () => {
    const condition = { metric: 'need_level', op: 'in', value: ['moderate_to_large', 'extensive'] };
    expect(describeCondition(condition, context('nb'))).toBe('Bistandsbehov er middels til stort eller omfattende');
    expect(describeCondition(condition, context('nn'))).toBe('Bistandsbehov er middels til stort eller omfattande');
    expect(describeCondition(condition, context('en'))).toBe('Need level is moderate to large or extensive');
  });

  it('shows a metric it does not know by its code rather than hiding the condition', () => {
    expect(describeCondition({ metric: 'grip_strength', op: '>', value: 20 }, context('nb'))).toBe('grip_strength > 20');
  });
});

describe('describeConditions', () => {
  it('keeps the all-of list flat and nests «any» groups', () => {
    const nodes = describeConditions(
      [
        { metric: 'adl_mean', op: '>=', value: 3 },
        {
          any: [
            { metric: 'need_level', op: '==', value: 'extensive' },
            { metric: 'lower_levels_tried', op: '==', value: true },
          ],
        },
      ],
      context('nb'),
    );

    expect(nodes).toEqual([
      { kind: 'condition', text: 'ADL-gjennomsnitt ≥ 3' },
      {
        kind: 'any',
        children: [
          { kind: 'condition', text: 'Bistandsbehov er omfattende' },
          { kind: 'condition', text: 'Lavere nivå prøvd eller vurdert: ja' },
        ],
      },
    ]);
  });
});
