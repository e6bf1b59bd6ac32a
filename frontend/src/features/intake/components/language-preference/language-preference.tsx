import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { useSession } from '@/lib/auth';
import { changeLanguage, isLanguage } from '@/lib/i18n';

import { usePreferences, useSavePreferences } from '../../api/preferences';

/**
 * The UI language as the signed-in user saved it (per user, not per browser): once signed in, the
 * app switches to their saved language; a language they then choose is saved for them. Renders nothing.
 */
export function LanguagePreference() {
  const session = useSession();
  const sub = session?.user.sub;
  return sub ? <Sync sub={sub} /> : null;
}

function Sync({ sub }: { sub: string }) {
  const { i18n } = useTranslation();
  const preferences = usePreferences(sub);
  const save = useSavePreferences(sub);
  const applied = useRef(false);
  const saved = preferences.data;

  useEffect(() => {
    if (!saved || applied.current) return;
    applied.current = true;
    if (saved.language && isLanguage(saved.language) && saved.language !== i18n.resolvedLanguage) void changeLanguage(saved.language);
  }, [saved, i18n]);

  useEffect(() => {
    const chosen = (language: string) => {
      if (!applied.current || !saved || !isLanguage(language) || language === saved.language || save.isPending) return;
      save.mutate({ version: saved.version, language });
    };
    i18n.on('languageChanged', chosen);
    return () => i18n.off('languageChanged', chosen);
  }, [i18n, saved, save]);

  return null;
}
