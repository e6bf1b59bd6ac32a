/** The worklist as the caseworker reads it: counts, where each task leads, the «today» line, and service names in the UI language. */
import type { LocalizedText } from '@/lib/i18n';

import type { ServiceTypeSummary, WorklistCount, WorklistItem, WorklistKind } from '../api/types';
import { decisionPath, personPath } from '../paths';

/** Tasks about a decision open the decision; the rest open the person. */
const DECISION_KINDS: readonly WorklistKind[] = ['review_due', 'decision_ending', 'awaiting_approval', 'not_sent'];

export function worklistTarget(item: WorklistItem): string {
  return DECISION_KINDS.includes(item.kind) ? decisionPath(item.subject_id) : personPath(item.person.id);
}

/** A count from the API: exact, or (`more`) a lower bound — there are more than `value` (the API counts each bucket up to its cap). */
export type Count = { value: number; more: boolean };

export type WorklistCounts = { overdue: Count; dueThisWeek: Count; awaitingApproval: Count; total: Count };

const none: Count = { value: 0, more: false };
const plus = (a: Count, b: Count): Count => ({ value: a.value + b.value, more: a.more || b.more });

/** What the home page and the worklist's summary count (from the API's counts per kind): overdue, due within seven days, decisions awaiting approval, all. A sum with a bound in it is a bound. */
export function worklistCounts(counts: readonly WorklistCount[]): WorklistCounts {
  const sum = (pick: (count: WorklistCount) => Count) => counts.reduce((total, count) => plus(total, pick(count)), none);
  return {
    overdue: sum((count) => ({ value: count.overdue, more: count.overdue_is_lower_bound })),
    dueThisWeek: sum((count) => ({ value: count.due_within_a_week, more: count.due_within_a_week_is_lower_bound })),
    awaitingApproval: sum((count) => (count.kind === 'awaiting_approval' ? totalOf(count) : none)),
    total: sum(totalOf),
  };
}

function totalOf(count: WorklistCount): Count {
  return { value: count.total, more: count.total_is_lower_bound };
}

/** How many tasks of each kind, for the filter. */
export function countByKind(counts: readonly WorklistCount[]): Map<WorklistKind, Count> {
  return new Map(counts.map((count) => [count.kind, totalOf(count)]));
}

/** A count as shown: the number, or `moreThan(N)` («over N») when the API only knows there are more than N. */
export function formatCount(count: Count, moreThan: (value: number) => string): string {
  return count.more ? moreThan(count.value) : String(count.value);
}

/** Where the «I dag» marker goes: before the first task that is not overdue (-1 when there is none). */
export function todayIndex(items: readonly WorklistItem[]): number {
  return items.findIndex((item) => !item.overdue);
}

/**
 * The task's title in the UI language. The API sends the services' bokmål names, comma-separated;
 * each name found in the catalogue is given in the UI language, the rest stay as they came.
 */
export function translateTitle(title: string, services: readonly ServiceTypeSummary[], localize: (text: LocalizedText) => string): string {
  if (!title) return title;
  const byName = new Map(services.map((service) => [service.name.nb, service.name]));
  return title
    .split(', ')
    .map((part) => {
      const name = byName.get(part);
      return name ? localize(name) : part;
    })
    .join(', ');
}
