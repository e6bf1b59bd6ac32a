/** Keys built from API values (a status, a kind, a field name): the API's closed sets name them. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export function useDynamicT() {
  const { t } = useTranslation();
  return useCallback((key: string, options?: Record<string, unknown>): string => (t as unknown as (k: string, o?: object) => string)(key, options), [t]);
}
