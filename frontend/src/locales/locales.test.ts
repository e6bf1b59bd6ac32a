/**
 * The three languages must say the same things: the same keys, the same placeholders,
 * no empty strings, and a text for every value the APIs can send.
 */
import { describe, expect, it } from 'vitest';

import { ERROR_KEYS } from '@/features/intake/lib/form-errors';
import { ROLES } from '@/lib/auth';
import { LANGUAGES } from '@/lib/i18n';
import { resources } from '@/lib/i18n-resources';
import { PROBLEM_KEYS } from '@/lib/problem';

import catalogueJson from '../../openapi/catalogue.json';
import intakeJson from '../../openapi/intake.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const flat = Object.fromEntries(
  LANGUAGES.map((language) => [language, flatten(resources[language].translation as unknown as Tree)]),
) as Record<(typeof LANGUAGES)[number], Map<string, string>>;

const placeholders = (value: string) => [...value.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/** A key exists if it is there as such or as the plural forms i18next looks for. */
function hasKey(language: (typeof LANGUAGES)[number], key: string): boolean {
  const keys = flat[language];
  return keys.has(key) || (keys.has(`${key}_one`) && keys.has(`${key}_other`));
}

type Schema = { enum?: string[] };
const catalogueSpec = catalogueJson as unknown as { components: { schemas: Record<string, Schema> } };
const enumOf = (name: string) => catalogueSpec.components.schemas[name]?.enum ?? [];
const intakeSpec = intakeJson as unknown as { components: { schemas: Record<string, Schema> } };
const intakeEnumOf = (name: string) => intakeSpec.components.schemas[name]?.enum ?? [];

describe('locales', () => {
  it.each(['nn', 'en'] as const)('%s has exactly the keys nb has', (language) => {
    const nbKeys = [...flat.nb.keys()].sort();
    expect([...flat[language].keys()].sort()).toEqual(nbKeys);
  });

  it.each(LANGUAGES)('%s has no empty texts', (language) => {
    const empty = [...flat[language]].filter(([, value]) => value.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(['nn', 'en'] as const)('%s uses the same placeholders as nb', (language) => {
    const mismatched = [...flat.nb]
      .filter(([key, value]) => JSON.stringify(placeholders(value)) !== JSON.stringify(placeholders(flat[language].get(key) ?? '')))
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('nynorsk is written out, not copied from bokmål', () => {
    // Sentences that read the same in both written standards.
    const sameInBoth = new Set([
      'catalogue.staircase.stepOf',
      'catalogue.detail.longTermPlaceValue',
      'catalogue.criteria.noConditions',
      'intake.needLevel.moderate_to_large',
    ]);
    const sentences = [...flat.nb].filter(([key, value]) => value.split(' ').length >= 4 && !sameInBoth.has(key));
    const copied = sentences.filter(([key, value]) => flat.nn.get(key) === value).map(([key]) => key);
    expect(copied).toEqual([]);
  });
});

describe('every value the APIs send has a text', () => {
  const cases: [string, string[]][] = [
    ['catalogue.scopeUnit', enumOf('ScopeUnit')],
    ['catalogue.userFee', enumOf('UserFeeKind')],
    ['catalogue.unitKind', enumOf('UnitKind')],
    ['catalogue.purpose', enumOf('StayPurpose')],
    ['catalogue.capacity', enumOf('CapacityUnit')],
    ['role', [...ROLES]],
    ['home.roleIntro', [...ROLES]],
    ['problem', [...PROBLEM_KEYS]],
    ['intake.channel', intakeEnumOf('Channel')],
    ['intake.applicantKind', intakeEnumOf('ApplicantKind')],
    ['intake.urgency', intakeEnumOf('Urgency')],
    ['intake.urgencyDescription', intakeEnumOf('Urgency')],
    ['intake.applicationStatus', intakeEnumOf('ApplicationStatus')],
    ['intake.informationScope', intakeEnumOf('InformationScope')],
    ['intake.informationScopeDescription', intakeEnumOf('InformationScope')],
    ['intake.representativeKind', intakeEnumOf('RepresentativeKind')],
    ['intake.representativeKindDescription', intakeEnumOf('RepresentativeKind')],
    ['intake.needLevel', intakeEnumOf('NeedLevel')],
    ['intake.decisionOutcome', intakeEnumOf('Outcome')],
    ['intake.place', intakeEnumOf('Place')],
    ['intake.potential', intakeEnumOf('Potential')],
    ['intake.risk', intakeEnumOf('Risk')],
    ['intake.welfareTechnology', intakeEnumOf('WelfareTechnology')],
    ['intake.decisionStatus', intakeEnumOf('DecisionStatus')],
    ['intake.delivery', intakeEnumOf('Delivery')],
    ['intake.triedStatus', intakeEnumOf('TriedStatus')],
    ['intake.appeal.status', intakeEnumOf('AppealStatus')],
    ['intake.appeal.governorOutcome', intakeEnumOf('GovernorOutcome')],
    ['intake.errors', [...ERROR_KEYS]],
  ];

  it.each(cases)('%s', (prefix, values) => {
    expect(values.length).toBeGreaterThan(0);
    for (const language of LANGUAGES) {
      const missing = values.filter((value) => !hasKey(language, `${prefix}.${value}`));
      expect(missing, `${language} is missing`).toEqual([]);
    }
  });
});
