import { queryOptions, useQuery } from '@tanstack/react-query';

import { intakeClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

import type { WorklistScope } from './types';

/** The signed-in user's tasks with deadlines, overdue first: their own cases, their units', or all. */
export const worklistQuery = (scope: WorklistScope = 'all') =>
  queryOptions({
    queryKey: [...queryKeys.intake.worklist(), { scope }] as const,
    queryFn: ({ signal }) => unwrap(intakeClient.GET('/api/intake/v1/worklist', { params: { query: { scope } }, signal })),
  });

export function useWorklist(scope: WorklistScope = 'all') {
  return useQuery(worklistQuery(scope));
}
