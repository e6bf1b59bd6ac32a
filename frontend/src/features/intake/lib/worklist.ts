/** The worklist as the caseworker reads it: order, counts, where each task leads, and service names in the UI language. */
import { daysBetween } from '@/lib/dates';
import type { LocalizedText } from '@/lib/i18n';

import type { ServiceTypeSummary, WorklistItem, WorklistKind } from '../api/types';
import { decisionPath, personPath } from '../paths';

/** Tasks about a decision open the decision; the rest open the person. */
const DECISION_KINDS: readonly WorklistKind[] = ['review_due', 'decision_ending', 'awaiting_approval', 'not_sent'];

export const WORKLIST_PAGE_SIZE = 20;

export function worklistTarget(item: WorklistItem): string {
  return DECISION_KINDS.includes(item.kind) ? decisionPath(item.subject_id) : personPath(item.person.id);
}

/** Overdue first (stable), then by date; sorted here so the rule holds whatever arrives. */
export function overdueFirst(items: readonly WorklistItem[]): WorklistItem[] {
  return [...items].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due.localeCompare(b.due));
}

export type WorklistCounts = { overdue: number; dueThisWeek: number; awaitingApproval: number; total: number };

/** What the home page and the worklist's summary count: overdue, due within seven days, decisions awaiting approval. */
export function worklistCounts(items: readonly WorklistItem[], today: string): WorklistCounts {
  return {
    overdue: items.filter((item) => item.overdue).length,
    dueThisWeek: items.filter((item) => !item.overdue && daysBetween(today, item.due) >= 0 && daysBetween(today, item.due) <= 7).length,
    awaitingApproval: items.filter((item) => item.kind === 'awaiting_approval').length,
    total: items.length,
  };
}

/** How many tasks of each kind, for the filter. */
export function countByKind(items: readonly WorklistItem[]): Map<WorklistKind, number> {
  const counts = new Map<WorklistKind, number>();
  for (const item of items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  return counts;
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

/** The items of one page (1-based) and how many pages there are. */
export function pageOf<T>(items: readonly T[], page: number, size = WORKLIST_PAGE_SIZE): { items: T[]; pages: number; page: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, page), pages);
  return { items: items.slice((current - 1) * size, current * size), pages, page: current };
}
