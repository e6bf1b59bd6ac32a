import { queryOptions, useQuery } from '@tanstack/react-query';

import { fetchJson } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

import type { DemoUser } from './types';

export function getDemoUsers(): Promise<DemoUser[]> {
  return fetchJson<DemoUser[]>('/api/dev/users');
}

export const demoUsersQuery = () =>
  queryOptions({ queryKey: queryKeys.dev.users(), queryFn: getDemoUsers, staleTime: Infinity });

export function useDemoUsers() {
  return useQuery(demoUsersQuery());
}

export type MunicipalityGroup = { municipality: string; name: string; users: DemoUser[] };

/** The demo users grouped by municipality, in the order the issuer lists them. */
export function groupByMunicipality(users: DemoUser[]): MunicipalityGroup[] {
  const groups = new Map<string, MunicipalityGroup>();
  for (const user of users) {
    let group = groups.get(user.municipality);
    if (!group) {
      group = { municipality: user.municipality, name: user.municipality_name, users: [] };
      groups.set(user.municipality, group);
    }
    group.users.push(user);
  }
  return [...groups.values()];
}
