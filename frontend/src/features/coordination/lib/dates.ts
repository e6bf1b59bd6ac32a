/** Dates in coordination's pages as dd.mm.åååå in the UI language. */
import { useCallback } from 'react';

import { formatShortDate } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

export function useShortDate() {
  const { language } = useLocalize();
  return useCallback((iso: string | null | undefined) => (iso ? formatShortDate(iso, language) : ''), [language]);
}
