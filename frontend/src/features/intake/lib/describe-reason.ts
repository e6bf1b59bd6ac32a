/**
 * A suggestion's reason in words: «ADL-gjennomsnitt ≥ 3 (kartlagt: 3,4)». A small copy of how the
 * catalogue formats criteria conditions (features do not import from each other).
 */
import type { TFunction } from 'i18next';

import { localeOf, pickLocalized, type Language, type LocalizedText } from '@/lib/i18n';

const OPERATOR_KEYS = { '==': 'eq', '!=': 'ne', '>=': 'gte', '>': 'gt', '<=': 'lte', '<': 'lt', in: 'in' } as const;
const NEED_LEVELS = ['limited', 'moderate_to_large', 'extensive'] as const;

export type Reason = { metric?: unknown; op?: unknown; expected?: unknown; actual?: unknown; met?: unknown };
export type MetricLabel = { code: string; label: LocalizedText };

function formatValue(value: unknown, t: TFunction, language: Language): string {
  if (typeof value === 'number') return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 2 }).format(value);
  if (typeof value === 'boolean') return t(value ? 'catalogue.criteria.bool.yes' : 'catalogue.criteria.bool.no');
  if (typeof value === 'string' && (NEED_LEVELS as readonly string[]).includes(value)) {
    return t(`catalogue.criteria.needLevel.${value as (typeof NEED_LEVELS)[number]}`);
  }
  if (Array.isArray(value)) {
    return new Intl.ListFormat(localeOf(language), { type: 'disjunction' }).format(value.map((v) => formatValue(v, t, language)));
  }
  if (value === null || value === undefined) return '–';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function describeReason(reason: Reason, metrics: readonly MetricLabel[], t: TFunction, language: Language): string {
  const code = typeof reason.metric === 'string' ? reason.metric : '';
  const metric = metrics.find((item) => item.code === code);
  const label = metric ? pickLocalized(metric.label, language).value : code;
  const op = typeof reason.op === 'string' ? reason.op : '';
  const word = Object.hasOwn(OPERATOR_KEYS, op) ? t(`catalogue.criteria.op.${OPERATOR_KEYS[op as keyof typeof OPERATOR_KEYS]}`) : op;
  const condition = `${label} ${word} ${formatValue(reason.expected, t, language)}`;
  return t('intake.decisionForm.reasonActual', { condition, actual: formatValue(reason.actual, t, language) });
}
