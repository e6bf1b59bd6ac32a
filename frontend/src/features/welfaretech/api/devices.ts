import { useInfiniteQuery, useQuery } from '@tanstack/react-query';

import { collectPages, unwrap, welfaretechClient } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

import type { DeviceRead, DeviceStatus } from './types';

/** The inventory by serial, filtered by status or technology code. */
export function useDevices(filter: { status?: DeviceStatus; technology?: string } = {}) {
  return useQuery({
    queryKey: queryKeys.welfaretech.devices(filter),
    queryFn: ({ signal }) =>
      collectPages<DeviceRead>((cursor) =>
        unwrap(
          welfaretechClient.GET('/api/welfaretech/v1/devices', {
            params: { query: { status: filter.status, technology: filter.technology, cursor, limit: 100 } },
            signal,
          }),
        ),
      ),
  });
}

/** Devices per page of the inventory's list. */
const PAGE_SIZE = 50;

/**
 * The inventory by serial, filtered by status or technology code, a page at a time (the
 * inventory's «Vis flere»); the filters are in the key, so each filter starts from its first page.
 */
export function useDevicePages(filter: { status?: DeviceStatus; technology?: string } = {}, enabled = true) {
  return useInfiniteQuery({
    queryKey: queryKeys.welfaretech.devicePages(filter),
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        welfaretechClient.GET('/api/welfaretech/v1/devices', {
          params: {
            query: { status: filter.status, technology: filter.technology, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.next_cursor ?? null,
  });
}
