import { queryOptions, useQuery } from '@tanstack/react-query';

import { catalogueClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** One service type from the catalogue (rules, scope unit, criteria in force); the same cache key the catalogue uses. */
export const serviceTypeDetailQuery = (code: string) =>
  queryOptions({
    queryKey: queryKeys.catalogue.serviceType(code),
    queryFn: ({ signal }) =>
      unwrap(catalogueClient.GET('/api/catalogue/v1/service-types/{code}', { params: { path: { code } }, signal })),
    enabled: code !== '',
  });

export function useServiceTypeDetail(code: string) {
  return useQuery(serviceTypeDetailQuery(code));
}
