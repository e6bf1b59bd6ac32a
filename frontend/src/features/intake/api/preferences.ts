/** The signed-in user's saved UI language (stored per user by intake, so it follows them to any browser). */
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';

import { intakeClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/intake';
import { ApiProblem } from '@/lib/problem';

type Preferences = components['schemas']['PreferencesRead'];
type UiLanguage = components['schemas']['PreferencesIn']['language'];

const preferencesKey = (sub: string) => ['intake', 'me', 'preferences', sub] as const;

export const preferencesQuery = (sub: string) =>
  queryOptions({
    queryKey: preferencesKey(sub),
    queryFn: ({ signal }) => unwrap(intakeClient.GET('/api/intake/v1/me/preferences', { signal })),
    staleTime: Infinity,
  });

export function usePreferences(sub: string) {
  return useQuery(preferencesQuery(sub));
}

const put = (version: number, language: UiLanguage) =>
  unwrap(intakeClient.PUT('/api/intake/v1/me/preferences', { body: { language }, params: { header: { 'If-Match': `"${version}"` } } }));

/**
 * Saves `language` for the user with `If-Match` on the version last read (`"0"` before the first
 * choice); when another browser saved meanwhile (412), reads the version again and saves once more.
 */
export async function savePreferredLanguage(queryClient: QueryClient, sub: string, language: UiLanguage): Promise<void> {
  const known = queryClient.getQueryData<Preferences>(preferencesKey(sub)) ?? (await queryClient.fetchQuery(preferencesQuery(sub)));
  if (known.language === language) return;
  let saved: Preferences;
  try {
    saved = await put(known.version, language);
  } catch (error) {
    if (!(error instanceof ApiProblem && error.status === 412)) throw error;
    const fresh = await queryClient.fetchQuery({ ...preferencesQuery(sub), staleTime: 0 });
    saved = await put(fresh.version, language);
  }
  queryClient.setQueryData(preferencesKey(sub), saved);
}
