import { queryOptions, useQuery } from '@tanstack/react-query';

import { catalogueClient, collectPages, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** The municipality's provider units from the catalogue (every role may read them), by name. */
export const unitsQuery = () =>
  queryOptions({
    queryKey: queryKeys.catalogue.units(),
    queryFn: async ({ signal }) => {
      const units = await collectPages((cursor) =>
        unwrap(catalogueClient.GET('/api/catalogue/v1/units', { params: { query: { limit: 500, cursor } }, signal })),
      );
      return units.sort((a, b) => a.name.localeCompare(b.name, 'nb'));
    },
    staleTime: 10 * 60 * 1000,
  });

export function useUnits() {
  return useQuery(unitsQuery());
}

/** `unitName(code)`: the unit's name from the catalogue, or the code while it loads or if the catalogue lacks it. */
export function useUnitName() {
  const units = useUnits();
  const names = new Map((units.data ?? []).map((unit) => [unit.code, unit.name]));
  return (code: string) => names.get(code) ?? code;
}
