/** Where an interim reply (foreløpig svar) stands, relative to today. */
import { daysBetween } from '@/lib/dates';

export type DeadlineState =
  | { kind: 'sent'; on: string | null }
  | { kind: 'closed' }
  | { kind: 'overdue'; days: number }
  | { kind: 'today' }
  | { kind: 'soon'; days: number }
  | { kind: 'later'; days: number };

/** Days within which a deadline counts as near. */
export const SOON_DAYS = 7;

export function deadlineState(
  due: string,
  today: string,
  { status, sentOn, sent }: { status?: string | null; sentOn?: string | null; sent?: boolean } = {},
): DeadlineState {
  if (sentOn || sent) return { kind: 'sent', on: sentOn ?? null };
  if (status === 'decided' || status === 'withdrawn') return { kind: 'closed' };
  const days = daysBetween(today, due);
  if (days < 0) return { kind: 'overdue', days: -days };
  if (days === 0) return { kind: 'today' };
  if (days <= SOON_DAYS) return { kind: 'soon', days };
  return { kind: 'later', days };
}
