import { useQuery } from '@tanstack/react-query';

import { collectPages, unwrap, welfaretechClient } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

import type { PublicTechnology } from './types';

/** What the municipality offers and what it costs; open to anyone, no token needed. */
export function usePublicTechnologies(municipality: string) {
  return useQuery({
    queryKey: queryKeys.welfaretech.publicTechnologies(municipality),
    enabled: /^\d{4}$/.test(municipality),
    queryFn: ({ signal }) =>
      collectPages<PublicTechnology>((cursor) =>
        unwrap(
          welfaretechClient.GET('/api/welfaretech/v1/public/{municipality}/technologies', {
            params: { path: { municipality }, query: { cursor, limit: 100 } },
            signal,
          }),
        ),
      ),
  });
}
