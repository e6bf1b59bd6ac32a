/** The municipality's intake settings: four eyes, and the need-level rule with its source. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { intakeClient, unwrap } from '@/lib/api-client';

import type { IntakeSettingsRead, IntakeSettingsUpdate } from './types';

const SETTINGS_KEY = ['intake', 'settings'] as const;

export const intakeSettingsQuery = () =>
  queryOptions({
    queryKey: SETTINGS_KEY,
    queryFn: ({ signal }) => unwrap(intakeClient.GET('/api/intake/v1/settings', { signal })),
  });

export function useIntakeSettings() {
  return useQuery(intakeSettingsQuery());
}

/** Saves the settings with `If-Match` on the version shown (`"0"` before the first save; 412 when someone else saved first). */
export function useUpdateIntakeSettings() {
  const queryClient = useQueryClient();
  return useMutation<IntakeSettingsRead, unknown, { version: number; body: IntakeSettingsUpdate }>({
    mutationFn: ({ version, body }) =>
      unwrap(intakeClient.PUT('/api/intake/v1/settings', { body, params: { header: { 'If-Match': `"${version}"` } } })),
    onSuccess: (settings) => queryClient.setQueryData(SETTINGS_KEY, settings),
  });
}
