import { queryOptions, useQuery } from '@tanstack/react-query';

import { collectPages, intakeClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** A person's decisions. */
export const personDecisionsQuery = (personId: string) =>
  queryOptions({
    queryKey: queryKeys.intake.decisions.list({ personId }),
    queryFn: ({ signal }) =>
      collectPages((cursor) =>
        unwrap(
          intakeClient.GET('/api/intake/v1/decisions', { params: { query: { person_id: personId, limit: 100, cursor } }, signal }),
        ),
      ),
  });

export function usePersonDecisions(personId: string) {
  return useQuery(personDecisionsQuery(personId));
}
