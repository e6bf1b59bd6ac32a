import { queryOptions, useQuery } from '@tanstack/react-query';

import { catalogueClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** One service type with its description, legal basis, units and the criteria in force. */
export const serviceTypeQuery = (code: string) =>
  queryOptions({
    queryKey: queryKeys.catalogue.serviceType(code),
    queryFn: ({ signal }) =>
      unwrap(catalogueClient.GET('/api/catalogue/v1/service-types/{code}', { params: { path: { code } }, signal })),
  });

export function useServiceType(code: string) {
  return useQuery(serviceTypeQuery(code));
}
