import { queryOptions, useQuery } from '@tanstack/react-query';

import { qualityClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** One deviation with its risk, checklist, causes, actions, steps and outcome; `version` goes back as If-Match. */
export const deviationQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.quality.deviation(id),
    queryFn: ({ signal }) =>
      unwrap(qualityClient.GET('/api/quality/v1/deviations/{deviation_id}', { params: { path: { deviation_id: id } }, signal })),
  });

export function useDeviation(id: string) {
  return useQuery(deviationQuery(id));
}

/** Earlier deviations of the same category in the same unit (handlers only). */
export const similarDeviationsQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.quality.similar(id),
    queryFn: ({ signal }) =>
      unwrap(qualityClient.GET('/api/quality/v1/deviations/{deviation_id}/similar', { params: { path: { deviation_id: id } }, signal })),
  });

export function useSimilarDeviations(id: string, enabled: boolean) {
  return useQuery({ ...similarDeviationsQuery(id), enabled });
}
