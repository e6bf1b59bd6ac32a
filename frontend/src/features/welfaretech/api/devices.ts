import { useQuery } from '@tanstack/react-query';

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
