/**
 * Allocation criteria in words. A version's conditions are a small closed language
 * (services/catalogue/domain/criteria.py): `{metric, op, value}`, all of which must hold,
 * and `{any: [...]}`, which holds when one of its conditions does. This turns them into
 * sentences such as «ADL-gjennomsnitt ≥ 3» or «Bistandsbehov er middels til stort eller omfattende».
 */
import type { TFunction } from 'i18next';

import { localeOf, pickLocalized, type Language, type LocalizedText } from '@/lib/i18n';

export type MetricInfo = { code: string; kind: string; label: LocalizedText };

export type ConditionNode =
  | { kind: 'condition'; text: string }
  | { kind: 'any'; children: ConditionNode[] };

export type DescribeContext = {
  t: TFunction;
  language: Language;
  /** Metric names by code; a metric not in it is shown by its code. */
  metrics: ReadonlyMap<string, MetricInfo>;
};

const OPERATOR_KEYS = {
  '==': 'eq',
  '!=': 'ne',
  '>=': 'gte',
  '>': 'gt',
  '<=': 'lte',
  '<': 'lt',
  in: 'in',
} as const;
type Operator = keyof typeof OPERATOR_KEYS;

const NEED_LEVELS = ['limited', 'moderate_to_large', 'extensive'] as const;
type NeedLevel = (typeof NEED_LEVELS)[number];

function isOperator(value: unknown): value is Operator {
  return typeof value === 'string' && Object.hasOwn(OPERATOR_KEYS, value);
}

function isNeedLevel(value: unknown): value is NeedLevel {
  return typeof value === 'string' && (NEED_LEVELS as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function metricLabel(code: string, ctx: DescribeContext): string {
  const metric = ctx.metrics.get(code);
  return metric ? pickLocalized(metric.label, ctx.language).value : code;
}

function formatValue(value: unknown, ctx: DescribeContext): string {
  if (typeof value === 'number') return new Intl.NumberFormat(localeOf(ctx.language)).format(value);
  if (typeof value === 'boolean') return ctx.t(value ? 'catalogue.criteria.bool.yes' : 'catalogue.criteria.bool.no');
  if (isNeedLevel(value)) return ctx.t(`catalogue.criteria.needLevel.${value}`);
  return String(value);
}

function formatAlternatives(values: unknown[], ctx: DescribeContext): string {
  const words = values.map((value) => formatValue(value, ctx));
  return new Intl.ListFormat(localeOf(ctx.language), { type: 'disjunction' }).format(words);
}

/** One condition as a sentence. */
export function describeCondition(condition: Record<string, unknown>, ctx: DescribeContext): string {
  const { metric, op, value } = condition;
  const label = metricLabel(String(metric), ctx);
  if (!isOperator(op)) return `${label} ${String(op)} ${formatValue(value, ctx)}`;

  if (typeof value === 'boolean' && (op === '==' || op === '!=')) {
    const holds = op === '==' ? value : !value;
    return `${label}: ${formatValue(holds, ctx)}`;
  }
  if (op === 'in') {
    const values = Array.isArray(value) ? value : [value];
    return `${label} ${ctx.t('catalogue.criteria.op.eq')} ${formatAlternatives(values, ctx)}`;
  }
  const word = ctx.t(`catalogue.criteria.op.${OPERATOR_KEYS[op]}`);
  return `${label} ${word} ${formatValue(value, ctx)}`;
}

/** A version's conditions as a tree of sentences: the top level must all hold; an `any` node needs one. */
export function describeConditions(conditions: readonly unknown[], ctx: DescribeContext): ConditionNode[] {
  return conditions.map((condition): ConditionNode => {
    if (isRecord(condition) && Array.isArray(condition.any)) {
      return { kind: 'any', children: describeConditions(condition.any, ctx) };
    }
    if (isRecord(condition) && 'metric' in condition) {
      return { kind: 'condition', text: describeCondition(condition, ctx) };
    }
    return { kind: 'condition', text: JSON.stringify(condition) };
  });
}

export function metricsByCode(metrics: readonly MetricInfo[] | undefined): ReadonlyMap<string, MetricInfo> {
  return new Map((metrics ?? []).map((metric) => [metric.code, metric]));
}
