import { queryOptions, useQuery } from '@tanstack/react-query';

import { qualityClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** What each consequence and probability level means, examples per category, and the serious-event checklist. */
export const riskGuidanceQuery = () =>
  queryOptions({
    queryKey: queryKeys.quality.guidance(),
    queryFn: ({ signal }) => unwrap(qualityClient.GET('/api/quality/v1/reference/risk-guidance', { signal })),
    staleTime: 60 * 60 * 1000,
  });

export function useRiskGuidance() {
  return useQuery(riskGuidanceQuery());
}
