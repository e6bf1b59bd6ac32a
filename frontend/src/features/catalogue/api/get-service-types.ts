import { queryOptions, useQuery } from '@tanstack/react-query';

import { catalogueClient, collectPages, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

import type { ServiceTypeSummary } from './types';

/** The service types of the catalogue, optionally only those on one level. */
export function getServiceTypes(careLevel?: string, signal?: AbortSignal): Promise<ServiceTypeSummary[]> {
  return collectPages((cursor) =>
    unwrap(
      catalogueClient.GET('/api/catalogue/v1/service-types', {
        params: { query: { care_level: careLevel, limit: 500, cursor } },
        signal,
      }),
    ),
  );
}

export const serviceTypesQuery = (careLevel?: string) =>
  queryOptions({
    queryKey: queryKeys.catalogue.serviceTypes(careLevel),
    queryFn: ({ signal }) => getServiceTypes(careLevel, signal),
  });

export function useServiceTypes(careLevel?: string) {
  return useQuery(serviceTypesQuery(careLevel));
}
