/** The signed-in user's saved UI language (stored per user by intake, so it follows them to any browser). */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { intakeClient, unwrap } from '@/lib/api-client';

import type { components } from '@/lib/api/intake';

type Preferences = components['schemas']['PreferencesRead'];
type UiLanguage = components['schemas']['PreferencesIn']['language'];

const preferencesKey = (sub: string) => ['intake', 'me', 'preferences', sub] as const;

export const preferencesQuery = (sub: string) =>
  queryOptions({
    queryKey: preferencesKey(sub),
    queryFn: ({ signal }) => unwrap(intakeClient.GET('/api/intake/v1/me/preferences', { signal })),
    staleTime: Infinity,
  });

export function usePreferences(sub: string | undefined) {
  return useQuery({ ...preferencesQuery(sub ?? ''), enabled: sub !== undefined });
}

/** Saves the language with `If-Match` on the version read (`"0"` before the first choice). */
export function useSavePreferences(sub: string) {
  const queryClient = useQueryClient();
  return useMutation<Preferences, unknown, { version: number; language: UiLanguage }>({
    mutationFn: ({ version, language }) =>
      unwrap(intakeClient.PUT('/api/intake/v1/me/preferences', { body: { language }, params: { header: { 'If-Match': `"${version}"` } } })),
    onSuccess: (saved) => queryClient.setQueryData(preferencesKey(sub), saved),
    // Someone saved from another browser meanwhile: read the version again (the choice here stands on screen).
    onError: () => void queryClient.invalidateQueries({ queryKey: preferencesKey(sub) }),
  });
}
