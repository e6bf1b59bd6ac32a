/** Dates, periods and capacities in the UI language. */
import type { TFunction } from 'i18next';

import { formatDate } from '@/lib/dates';
import { localeOf, type Language } from '@/lib/i18n';

import type { CapacityUnit } from '../api/types';

export { formatDate, todayIso } from '@/lib/dates';

export function formatPeriod(from: string, to: string | null | undefined, language: Language, t: TFunction): string {
  const fromText = formatDate(from, language);
  return to
    ? t('catalogue.criteria.periodClosed', { from: fromText, to: formatDate(to, language) })
    : t('catalogue.criteria.periodOpen', { from: fromText });
}

export type PeriodStatus = 'past' | 'inForce' | 'future';

/** Where a period `[from, to]` (both inclusive) lies relative to `today` (`YYYY-MM-DD`). */
export function periodStatus(from: string, to: string | null | undefined, today: string): PeriodStatus {
  if (from > today) return 'future';
  if (to && to < today) return 'past';
  return 'inForce';
}

export function formatCapacity(
  capacity: string | number | null | undefined,
  unit: CapacityUnit | null | undefined,
  language: Language,
  t: TFunction,
): string {
  if (capacity === null || capacity === undefined || capacity === '') return t('catalogue.capacity.unknown');
  const count = Number(capacity);
  if (!Number.isFinite(count)) return String(capacity);
  const value = new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 2 }).format(count);
  if (!unit) return value;
  return t(`catalogue.capacity.${unit}`, { count, value });
}
