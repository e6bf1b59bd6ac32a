import { queryOptions, useQuery } from '@tanstack/react-query';

import { intakeClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** The assessments (kartlegginger) recorded for an application, as the API lists them. */
export const applicationAssessmentsQuery = (applicationId: string) =>
  queryOptions({
    queryKey: queryKeys.intake.applications.assessments(applicationId),
    queryFn: ({ signal }) =>
      unwrap(
        intakeClient.GET('/api/intake/v1/applications/{application_id}/assessments', {
          params: { path: { application_id: applicationId } },
          signal,
        }),
      ),
  });

export function useApplicationAssessments(applicationId: string) {
  return useQuery(applicationAssessmentsQuery(applicationId));
}
