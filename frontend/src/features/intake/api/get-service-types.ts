import { queryOptions, useQuery } from '@tanstack/react-query';

import { catalogueClient, collectPages, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

import type { ServiceTypeSummary } from './types';

/** The municipality's service types from the catalogue (the same list and cache key the catalogue uses). */
export function getServiceTypes(signal?: AbortSignal): Promise<ServiceTypeSummary[]> {
  return collectPages((cursor) =>
    unwrap(catalogueClient.GET('/api/catalogue/v1/service-types', { params: { query: { limit: 500, cursor } }, signal })),
  );
}

export const serviceTypesQuery = () =>
  queryOptions({
    queryKey: queryKeys.catalogue.serviceTypes(),
    queryFn: ({ signal }) => getServiceTypes(signal),
  });

export function useServiceTypes() {
  return useQuery(serviceTypesQuery());
}

export type CareLevelGroup = {
  rank: number;
  code: string;
  name: ServiceTypeSummary['care_level']['name'];
  services: ServiceTypeSummary[];
};

/** Published service types grouped by their step on the staircase, lowest first. */
export function groupByCareLevel(services: readonly ServiceTypeSummary[]): CareLevelGroup[] {
  const groups = new Map<number, CareLevelGroup>();
  for (const service of services) {
    if (!service.published) continue;
    const level = service.care_level;
    let group = groups.get(level.rank);
    if (!group) {
      group = { rank: level.rank, code: level.code, name: level.name, services: [] };
      groups.set(level.rank, group);
    }
    group.services.push(service);
  }
  return [...groups.values()].sort((a, b) => a.rank - b.rank);
}
