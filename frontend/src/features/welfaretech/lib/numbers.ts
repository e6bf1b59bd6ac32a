import { localeOf, type Language } from '@/lib/i18n';

/** A decimal from the API (sent as a string) in the UI language: «1,5». */
export function formatNumber(value: string | number | null | undefined, language: Language, digits = 2): string {
  if (value === null || value === undefined || value === '') return '–';
  const n = typeof value === 'number' ? value : Number(value);
  if (Number.isNaN(n)) return String(value);
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: digits }).format(n);
}
