import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title as «Page – Mestring», so tabs and screen readers name the page. */
export function usePageTitle(title: string | undefined): void {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} – ${app}` : app;
  }, [title, app]);
}
