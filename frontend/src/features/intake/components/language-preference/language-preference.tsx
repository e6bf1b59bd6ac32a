import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { useSession } from '@/lib/auth';
import { changeLanguage, isLanguage } from '@/lib/i18n';

import { savePreferredLanguage, usePreferences } from '../../api/preferences';

/**
 * The UI language as the signed-in user saved it (per user, not per browser): once signed in, the
 * app switches to their saved language; a language they then choose is saved for them, each choice
 * after the one before. Renders nothing.
 */
export function LanguagePreference() {
  const session = useSession();
  const sub = session?.user.sub;
  // A new user signing in starts over: their own saved language applies.
  return sub ? <Sync key={sub} sub={sub} /> : null;
}

function Sync({ sub }: { sub: string }) {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const preferences = usePreferences(sub);
  const applied = useRef(false);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const saved = preferences.data;

  useEffect(() => {
    if (!saved || applied.current) return;
    applied.current = true;
    if (saved.language && isLanguage(saved.language) && saved.language !== i18n.resolvedLanguage) void changeLanguage(saved.language);
  }, [saved, i18n]);

  useEffect(() => {
    const chosen = (language: string) => {
      if (!applied.current || !isLanguage(language)) return;
      // In order, so the last choice is the one kept; a failure leaves the choice on screen only.
      queue.current = queue.current.then(() => savePreferredLanguage(queryClient, sub, language)).catch(() => undefined);
    };
    i18n.on('languageChanged', chosen);
    return () => i18n.off('languageChanged', chosen);
  }, [i18n, queryClient, sub]);

  return null;
}
