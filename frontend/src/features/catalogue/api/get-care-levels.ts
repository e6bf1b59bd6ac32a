import { queryOptions, useQuery } from '@tanstack/react-query';

import { catalogueClient, collectPages, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

import type { CareLevel } from './types';

/** Every level of the staircase, lowest step (rank 1) first. */
export async function getCareLevels(signal?: AbortSignal): Promise<CareLevel[]> {
  const levels = await collectPages((cursor) =>
    unwrap(catalogueClient.GET('/api/catalogue/v1/care-levels', { params: { query: { limit: 500, cursor } }, signal })),
  );
  return levels.sort((a, b) => a.rank - b.rank);
}

export const careLevelsQuery = () =>
  queryOptions({
    queryKey: queryKeys.catalogue.careLevels(),
    queryFn: ({ signal }) => getCareLevels(signal),
  });

export function useCareLevels() {
  return useQuery(careLevelsQuery());
}
