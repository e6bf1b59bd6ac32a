import { queryOptions, useQuery } from '@tanstack/react-query';

import { catalogueClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** The caller's municipality (from the token) and the name of its staircase. */
export const municipalityQuery = () =>
  queryOptions({
    queryKey: queryKeys.catalogue.municipality(),
    queryFn: ({ signal }) => unwrap(catalogueClient.GET('/api/catalogue/v1/municipality', { signal })),
    staleTime: 10 * 60_000,
  });

export function useMunicipality() {
  return useQuery(municipalityQuery());
}
