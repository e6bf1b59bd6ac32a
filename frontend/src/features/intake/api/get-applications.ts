import { queryOptions, useQuery } from '@tanstack/react-query';

import { collectPages, intakeClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

import type { ApplicationRead } from './types';

export function getPersonApplications(personId: string, signal?: AbortSignal): Promise<ApplicationRead[]> {
  return collectPages((cursor) =>
    unwrap(
      intakeClient.GET('/api/intake/v1/applications', {
        params: { query: { person_id: personId, limit: 100, cursor } },
        signal,
      }),
    ),
  );
}

/** A person's applications, newest received first. */
export const personApplicationsQuery = (personId: string) =>
  queryOptions({
    queryKey: queryKeys.intake.applications.list({ personId }),
    queryFn: async ({ signal }) =>
      (await getPersonApplications(personId, signal)).sort((a, b) =>
        a.received_on === b.received_on ? b.created_at.localeCompare(a.created_at) : b.received_on.localeCompare(a.received_on),
      ),
  });

export function usePersonApplications(personId: string) {
  return useQuery(personApplicationsQuery(personId));
}
