import { queryOptions, useQuery } from '@tanstack/react-query';

import { intakeClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** The signed-in user's tasks with deadlines, overdue first (the API's order). */
export const worklistQuery = () =>
  queryOptions({
    queryKey: queryKeys.intake.worklist(),
    queryFn: ({ signal }) => unwrap(intakeClient.GET('/api/intake/v1/worklist', { signal })),
  });

export function useWorklist() {
  return useQuery(worklistQuery());
}
