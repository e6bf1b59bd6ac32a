/** The names of services and units from the catalogue, so nobody reads a code. */
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';

import { catalogueClient, collectPages, unwrap } from '@/lib/api-client';
import { useLocalize } from '@/lib/i18n';
import { queryKeys } from '@/lib/query-keys';

import type { LocalizedName } from './types';

type Names = { services: Map<string, LocalizedName>; units: Map<string, string> };

async function fetchNames(signal?: AbortSignal): Promise<Names> {
  const [services, units] = await Promise.all([
    collectPages((cursor) => unwrap(catalogueClient.GET('/api/catalogue/v1/service-types', { params: { query: { limit: 500, cursor } }, signal }))),
    collectPages((cursor) => unwrap(catalogueClient.GET('/api/catalogue/v1/units', { params: { query: { limit: 500, cursor } }, signal }))),
  ]);
  return { services: new Map(services.map((s) => [s.code, s.name])), units: new Map(units.map((u) => [u.code, u.name])) };
}

/**
 * `serviceName(code)` and `unitName(code)`: the name, or null when neither the catalogue nor the
 * plan's decisions (`known`, from intake) name it; `unavailable` when the catalogue did not answer.
 */
export function useCatalogueNames(known: Record<string, LocalizedName> = {}) {
  const { localize } = useLocalize();
  const names = useQuery({ queryKey: queryKeys.coordination.catalogueNames(), queryFn: ({ signal }) => fetchNames(signal), staleTime: 10 * 60 * 1000, retry: 1 });
  const serviceName = useCallback(
    (code: string | null | undefined): string | null => {
      if (!code) return null;
      const name = known[code] ?? names.data?.services.get(code);
      return name ? localize(name) : null;
    },
    [known, names.data, localize],
  );
  const unitName = useCallback((code: string | null | undefined): string | null => (code ? (names.data?.units.get(code) ?? null) : null), [names.data]);
  return { serviceName, unitName, unavailable: names.isError, loading: names.isPending };
}

/** The municipality's units as select options (value: the unit's code), by name; empty while the catalogue does not answer. */
export function useUnitOptions(): { value: string; label: string }[] {
  const names = useQuery({ queryKey: queryKeys.coordination.catalogueNames(), queryFn: ({ signal }) => fetchNames(signal), staleTime: 10 * 60 * 1000, retry: 1 });
  if (!names.data) return [];
  return [...names.data.units.entries()].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'nb'));
}
