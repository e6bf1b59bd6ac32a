/**
 * How the decision form reads the suggestions: which one service marks the lowest fitting step,
 * what to say about each one's criteria, and the reasons grouped as the criteria are written (an
 * `{"any": [...]}` condition holds when one of its comparisons does).
 */
import type { Suggestion } from '../api/types';

import type { Reason } from './describe-reason';

export type ReasonGroup = { kind: 'one'; reason: Reason } | { kind: 'any'; reasons: Reason[]; met: boolean };

/** What the card says about the criteria as a whole. */
export type Verdict = 'met' | 'metThroughOne' | 'notMet' | 'unknown' | 'noCriteria';

type Comparison = { metric?: unknown; op?: unknown; value?: unknown };
type Condition = Comparison | { any?: unknown };

const same = (reason: Reason, condition: Comparison) =>
  reason.metric === condition.metric && reason.op === condition.op && JSON.stringify(reason.expected) === JSON.stringify(condition.value);

/** The reasons in the order and grouping of the criteria; a reason no condition names stands alone. */
export function groupReasons(reasons: readonly Reason[], conditions: readonly unknown[] | undefined): ReasonGroup[] {
  const left = [...reasons];
  const take = (condition: Comparison): Reason | undefined => {
    const index = left.findIndex((reason) => same(reason, condition));
    return index === -1 ? undefined : left.splice(index, 1)[0];
  };
  const groups: ReasonGroup[] = [];
  for (const raw of conditions ?? []) {
    if (raw === null || typeof raw !== 'object') continue;
    const condition = raw as Condition;
    if ('any' in condition && Array.isArray(condition.any)) {
      const found = (condition.any as Comparison[]).map(take).filter((reason): reason is Reason => reason !== undefined);
      if (found.length > 0) groups.push({ kind: 'any', reasons: found, met: found.some((reason) => reason.met === true) });
    } else {
      const reason = take(condition as Comparison);
      if (reason) groups.push({ kind: 'one', reason });
    }
  }
  return [...groups, ...left.map((reason): ReasonGroup => ({ kind: 'one', reason }))];
}

/** Never «met» while a reason shown under it is not: a criterion met through one of several options says so. */
export function verdictOf(suggestion: Suggestion): Verdict {
  const reasons = suggestion.reasons as Reason[];
  if (suggestion.met === false) return 'notMet';
  if (suggestion.met === null) return reasons.length === 0 ? 'noCriteria' : 'unknown';
  return reasons.every((reason) => reason.met === true) ? 'met' : 'metThroughOne';
}

/** The one suggestion to mark as the lowest fitting step: met, on the lowest step, first of its step in the list. */
export function lowestFitting(suggestions: readonly Suggestion[]): string | undefined {
  const fitting = suggestions.filter((item) => item.met === true);
  const rank = Math.min(...fitting.map((item) => item.care_level_rank));
  return [...fitting].sort((a, b) => a.care_level_rank - b.care_level_rank).find((item) => item.care_level_rank === rank)?.service_type;
}
