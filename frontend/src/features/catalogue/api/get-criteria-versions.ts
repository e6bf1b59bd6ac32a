import { queryOptions, useQuery } from '@tanstack/react-query';

import { catalogueClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

import type { CriteriaVersion } from './types';

/** Every version of a service type's allocation criteria, oldest first. */
export async function getCriteriaVersions(code: string, signal?: AbortSignal): Promise<CriteriaVersion[]> {
  const page = await unwrap(
    catalogueClient.GET('/api/catalogue/v1/service-types/{code}/criteria', { params: { path: { code } }, signal }),
  );
  return [...page.items].sort((a, b) => a.version - b.version);
}

export const criteriaVersionsQuery = (code: string) =>
  queryOptions({
    queryKey: queryKeys.catalogue.criteria(code),
    queryFn: ({ signal }) => getCriteriaVersions(code, signal),
  });

export function useCriteriaVersions(code: string) {
  return useQuery(criteriaVersionsQuery(code));
}
