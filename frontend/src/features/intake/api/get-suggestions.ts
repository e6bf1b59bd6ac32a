import { queryOptions, useQuery } from '@tanstack/react-query';

import { intakeClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** The services the latest assessment points to, lowest fitting level marked (409 before any assessment). */
export const suggestionsQuery = (applicationId: string) =>
  queryOptions({
    queryKey: queryKeys.intake.applications.suggestions(applicationId),
    queryFn: ({ signal }) =>
      unwrap(
        intakeClient.GET('/api/intake/v1/applications/{application_id}/suggestions', {
          params: { path: { application_id: applicationId } },
          signal,
        }),
      ),
  });

export function useSuggestions(applicationId: string) {
  return useQuery(suggestionsQuery(applicationId));
}
