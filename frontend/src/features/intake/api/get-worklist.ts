import { infiniteQueryOptions, keepPreviousData, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';

import { intakeClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

import type { WorklistKind, WorklistScope } from './types';

export const WORKLIST_PAGE_SIZE = 20;

/** The signed-in user's tasks with deadlines, overdue first (the API's order), a page at a time: their own cases, their units', or all; only `kinds` when given. Each page carries the scope's counts per kind. */
export const worklistQuery = (scope: WorklistScope, kinds: readonly WorklistKind[] = []) =>
  infiniteQueryOptions({
    queryKey: [...queryKeys.intake.worklist(), { scope, kinds }] as const,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        intakeClient.GET('/api/intake/v1/worklist', {
          params: { query: { scope, kind: kinds.length > 0 ? [...kinds] : undefined, limit: WORKLIST_PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    // Another scope or kind keeps the list on screen (and the filters where they are) until its answer comes.
    placeholderData: keepPreviousData,
  });

export function useWorklist(scope: WorklistScope, kinds: readonly WorklistKind[] = []) {
  return useInfiniteQuery(worklistQuery(scope, kinds));
}

/** Only the counts of the scope (one task fetched): what the home page shows. */
export const worklistCountsQuery = (scope: WorklistScope) =>
  queryOptions({
    queryKey: [...queryKeys.intake.worklist(), 'counts', { scope }] as const,
    queryFn: ({ signal }) => unwrap(intakeClient.GET('/api/intake/v1/worklist', { params: { query: { scope, limit: 1 } }, signal })),
    select: (page) => page.counts,
  });

export function useWorklistCounts(scope: WorklistScope) {
  return useQuery(worklistCountsQuery(scope));
}
