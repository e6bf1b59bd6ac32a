/** The worklist (primærkontakt missing, evaluations and measures overdue, minutes missing) and a caseload. */
import { useQuery } from '@tanstack/react-query';

import { coordinationClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export function useCoordinationWorklist() {
  return useQuery({
    queryKey: queryKeys.coordination.worklist(),
    queryFn: ({ signal }) => unwrap(coordinationClient.GET('/api/coordination/v1/worklist', { signal })),
  });
}

export function useCaseload(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.coordination.caseload(),
    enabled,
    queryFn: ({ signal }) => unwrap(coordinationClient.GET('/api/coordination/v1/caseload', { signal })),
  });
}
