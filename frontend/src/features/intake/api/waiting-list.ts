import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { isStale } from '@/components/stale-alert/stale-alert';
import { intakeClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

import type { WaitingListEntry, WaitingListStep } from './types';

/** Who waits for a place, longest first. */
export const waitingListQuery = () =>
  queryOptions({
    queryKey: queryKeys.intake.waitingList(),
    queryFn: ({ signal }) => unwrap(intakeClient.GET('/api/intake/v1/waiting-list', { signal })),
  });

export function useWaitingList() {
  return useQuery(waitingListQuery());
}

/** A step on an entry (offer, accept, decline, …), with `If-Match` of the version shown. */
export function useWaitingListStep() {
  const queryClient = useQueryClient();
  return useMutation<WaitingListEntry, unknown, { entry: WaitingListEntry; step: WaitingListStep }>({
    mutationFn: ({ entry, step }) =>
      unwrap(
        intakeClient.POST('/api/intake/v1/waiting-list/{entry_id}/steps', {
          body: step,
          params: { path: { entry_id: entry.id }, header: { 'If-Match': `"${entry.version}"` } },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.intake.waitingList() });
    },
    // Someone else moved the entry first: show the list as it is now.
    onError: async (error) => {
      if (isStale(error)) await queryClient.invalidateQueries({ queryKey: queryKeys.intake.waitingList() });
    },
  });
}
