import { queryOptions, useQuery } from '@tanstack/react-query';

import { catalogueClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** The metrics criteria are written in (ADL mean, need level, ...), with their names in three languages. */
export const criteriaMetricsQuery = () =>
  queryOptions({
    queryKey: queryKeys.catalogue.criteriaMetrics(),
    queryFn: ({ signal }) => unwrap(catalogueClient.GET('/api/catalogue/v1/criteria-metrics', { signal })),
    staleTime: Infinity,
  });

export function useCriteriaMetrics() {
  return useQuery(criteriaMetricsQuery());
}
