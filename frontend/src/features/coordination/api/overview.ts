/** The koordinerende enhet's overview (antall aktive IP, who needs a koordinator, caseloads),
 * hand-over of a koordinator's persons in one step, and naming a primærkontakt. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { coordinationClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

import type { HandOver, PrimaryContactCreate } from './types';

export function useOverview() {
  return useQuery({
    queryKey: queryKeys.coordination.overview(),
    queryFn: ({ signal }) => unwrap(coordinationClient.GET('/api/coordination/v1/overview', { signal })),
  });
}

/** Succession: every person the koordinator follows moves to the successor in one transaction. */
export function useHandOver() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ from, body }: { from: string; body: HandOver }) =>
      unwrap(
        coordinationClient.POST('/api/coordination/v1/coordinators/{coordinator_sub}/hand-over', {
          params: { path: { coordinator_sub: from } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.coordination.all() }),
  });
}

export function usePrimaryContacts(personId: string) {
  return useQuery({
    queryKey: queryKeys.coordination.primaryContacts(personId),
    queryFn: ({ signal }) =>
      unwrap(coordinationClient.GET('/api/coordination/v1/persons/{person_id}/primary-contacts', { params: { path: { person_id: personId } }, signal })),
  });
}

/** Name the primærkontakt of a unit for a person; the current one ends the day before. */
export function useAssignPrimaryContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, body }: { personId: string; body: PrimaryContactCreate }) =>
      unwrap(
        coordinationClient.POST('/api/coordination/v1/persons/{person_id}/primary-contacts', {
          params: { path: { person_id: personId } },
          body,
        }),
      ),
    onSuccess: (_, { personId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.coordination.worklist() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.coordination.primaryContacts(personId) }),
      ]),
  });
}

/** The person's koordinators, from–to (hand-overs included), oldest first. */
export function useCoordinators(personId: string) {
  return useQuery({
    queryKey: queryKeys.coordination.coordinators(personId),
    queryFn: ({ signal }) =>
      unwrap(coordinationClient.GET('/api/coordination/v1/persons/{person_id}/coordinators', { params: { path: { person_id: personId } }, signal })),
  });
}
