/** Every value the quality API sends has a text in nb, nn and en. */
import { describe, expect, it } from 'vitest';

import { LANGUAGES } from '@/lib/i18n';
import { resources } from '@/lib/i18n-resources';

import qualityJson from '../../../../openapi/quality.json';
import { STEP_ACTIONS } from '../api/types';

import { ERROR_KEYS } from './form-errors';

type Schema = { enum?: string[] };
const spec = qualityJson as unknown as { components: { schemas: Record<string, Schema> } };
const enumOf = (name: string) => spec.components.schemas[name]?.enum ?? [];

type Tree = { [key: string]: string | Tree };
function has(tree: Tree, key: string): boolean {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' && node.trim() !== '';
}

describe('quality texts', () => {
  const cases: [string, readonly string[]][] = [
    ['quality.category', enumOf('DeviationCategory')],
    ['quality.status', enumOf('DeviationStatus')],
    ['quality.riskLevel', enumOf('RiskLevel')],
    ['quality.causeCategory', enumOf('CauseCategory')],
    ['quality.actionStatus', enumOf('ActionStatus')],
    ['quality.steps.action', STEP_ACTIONS],
    ['quality.errors', ERROR_KEYS],
  ];
  it.each(cases)('%s', (prefix, values) => {
    expect(values.length).toBeGreaterThan(0);
    for (const language of LANGUAGES) {
      const tree = resources[language].translation as unknown as Tree;
      expect(values.filter((value) => !has(tree, `${prefix}.${value}`)), language).toEqual([]);
    }
  });
});
