/** The worklist as the caseworker reads it: counts, where each task leads, the «today» line, and service names in the UI language. */
import type { LocalizedText } from '@/lib/i18n';

import type { ServiceTypeSummary, WorklistCount, WorklistItem, WorklistKind } from '../api/types';
import { decisionPath, personPath } from '../paths';

/** Tasks about a decision open the decision; the rest open the person. */
const DECISION_KINDS: readonly WorklistKind[] = ['review_due', 'decision_ending', 'awaiting_approval', 'not_sent'];

export function worklistTarget(item: WorklistItem): string {
  return DECISION_KINDS.includes(item.kind) ? decisionPath(item.subject_id) : personPath(item.person.id);
}

export type WorklistCounts = { overdue: number; dueThisWeek: number; awaitingApproval: number; total: number };

/** What the home page and the worklist's summary count (from the API's counts per kind): overdue, due within seven days, decisions awaiting approval, all. */
export function worklistCounts(counts: readonly WorklistCount[]): WorklistCounts {
  const sum = (pick: (count: WorklistCount) => number) => counts.reduce((total, count) => total + pick(count), 0);
  return {
    overdue: sum((count) => count.overdue),
    dueThisWeek: sum((count) => count.due_within_a_week),
    awaitingApproval: sum((count) => (count.kind === 'awaiting_approval' ? count.total : 0)),
    total: sum((count) => count.total),
  };
}

/** How many tasks of each kind, for the filter. */
export function countByKind(counts: readonly WorklistCount[]): Map<WorklistKind, number> {
  return new Map(counts.map((count) => [count.kind, count.total]));
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
