import { queryOptions, useQuery } from '@tanstack/react-query';

import { intakeClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** Who looked at or changed the person's data, newest first. Reading it is itself logged. */
export const personAccessLogQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.intake.persons.accessLog(id),
    queryFn: ({ signal }) =>
      unwrap(
        intakeClient.GET('/api/intake/v1/persons/{person_id}/access-log', {
          params: { path: { person_id: id }, query: { limit: 100 } },
          signal,
        }),
      ),
    staleTime: 0,
  });

/** Fetched only when `enabled` (the log is opened), so nobody reads it by accident. */
export function usePersonAccessLog(id: string, enabled: boolean) {
  return useQuery({ ...personAccessLogQuery(id), enabled });
}
