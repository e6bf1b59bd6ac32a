import { queryOptions, useQuery } from '@tanstack/react-query';

import { catalogueClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** The catalogue's criteria metrics (names of ADL mean, need level, ...), to put suggestion reasons in words. */
export const criteriaMetricsQuery = () =>
  queryOptions({
    queryKey: queryKeys.catalogue.criteriaMetrics(),
    queryFn: ({ signal }) => unwrap(catalogueClient.GET('/api/catalogue/v1/criteria-metrics', { signal })),
    staleTime: Infinity,
  });

export function useCriteriaMetrics() {
  return useQuery(criteriaMetricsQuery());
}
