/** Calendar dates and instants in the UI language. */
import { localeOf, type Language } from './i18n';

const TIME_ZONE = 'Europe/Oslo';

function parseIsoDate(isoDate: string): Date | null {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return null;
  return new Date(Date.UTC(year, month - 1, day));
}

/** `YYYY-MM-DD` as a long date («1. januar 2025»), read as a calendar date, not an instant. */
export function formatDate(isoDate: string, language: Language): string {
  const date = parseIsoDate(isoDate);
  if (!date) return isoDate;
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** `YYYY-MM-DD` in digits («01.01.2025»), for tables where a long date takes too much room. */
export function formatShortDate(isoDate: string, language: Language): string {
  const date = parseIsoDate(isoDate);
  if (!date) return isoDate;
  return new Intl.DateTimeFormat(localeOf(language), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** An instant (ISO 8601 with offset) as date and time on Norwegian clocks. */
export function formatDateTime(instant: string, language: Language): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(
    date,
  );
}

/** Today on the user's clock as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Today as `YYYY-MM-DD` on Norwegian clocks, the calendar the services date things by: just after
 * midnight in Oslo a browser on UTC would still say yesterday, and a date it sent would lie
 * before one the service had just set.
 */
export function osloToday(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` lies before `from`. */
export function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) return Number.NaN;
  return Math.round((b.getTime() - a.getTime()) / 86_400_000);
}

/** True for a real calendar date written `YYYY-MM-DD` (not 2025-02-30). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = parseIsoDate(value);
  return date !== null && date.toISOString().slice(0, 10) === value;
}

/** `YYYY-MM-DD` as typed in a date field, `dd.mm.åååå`; anything else is returned as it is. */
export function toDateText(value: string): string {
  if (!isIsoDate(value)) return value;
  const [year, month, day] = value.split('-');
  return `${day}.${month}.${year}`;
}

/**
 * What a date field holds: `YYYY-MM-DD` when `dd.mm.åååå` is a real date, '' when empty, and the
 * text itself otherwise (half-typed or no such day), which a form's check then calls invalid.
 */
export function fromDateText(text: string): string {
  const trimmed = text.trim();
  const match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  if (!match) return trimmed;
  const [, day = '', month = '', year = ''] = match;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : trimmed;
}
