/** The koordinerende enhet's inbox and taking a request: assess, become koordinator, start the plan. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { coordinationClient, unwrap } from '@/lib/api-client';
import { newUuid } from '@/lib/idempotency';
import { queryKeys } from '@/lib/query-keys';

import type { PlanRead, RequestRead } from './types';

export const inboxQuery = () =>
  queryOptions({
    queryKey: queryKeys.coordination.inbox(),
    queryFn: ({ signal }) =>
      unwrap(coordinationClient.GET('/api/coordination/v1/requests', { params: { query: { status: 'received', limit: 200 } }, signal })),
  });

/** Requests waiting, longest waiting first (the API's order). */
export function useInbox() {
  return useQuery(inboxQuery());
}

/** «Ta saken»: grant a plan and a koordinator with the reasons, become the koordinator, start a draft plan. */
export function useTakeRequest() {
  const queryClient = useQueryClient();
  return useMutation<PlanRead, unknown, { request: RequestRead; reasons: string }>({
    mutationFn: async ({ request, reasons }) => {
      await unwrap(
        coordinationClient.POST('/api/coordination/v1/requests/{request_id}/assessment', {
          params: { path: { request_id: request.id }, header: { 'If-Match': `"${request.version}"` } },
          body: {
            outcome: 'granted',
            grants_plan: request.wants_plan,
            grants_coordinator: true,
            reasons,
            coordinator: { kind: request.is_child ? 'child_coordinator' : 'coordinator' },
          },
        }),
      );
      return unwrap(
        coordinationClient.POST('/api/coordination/v1/plans', {
          params: { header: { 'Idempotency-Key': newUuid() } },
          body: { person_id: request.person_id, request_id: request.id },
        }),
      );
    },
    onSuccess: async (plan) => {
      queryClient.setQueryData(queryKeys.coordination.plan(plan.id), plan);
      await queryClient.invalidateQueries({ queryKey: queryKeys.coordination.all() });
    },
  });
}

/** «Avslå»: the unit records the outcome with its reasons; the request leaves the inbox. */
export function useRefuseRequest() {
  const queryClient = useQueryClient();
  return useMutation<RequestRead, unknown, { request: RequestRead; reasons: string }>({
    mutationFn: ({ request, reasons }) =>
      unwrap(
        coordinationClient.POST('/api/coordination/v1/requests/{request_id}/assessment', {
          params: { path: { request_id: request.id }, header: { 'If-Match': `"${request.version}"` } },
          body: { outcome: 'refused', grants_plan: false, grants_coordinator: false, reasons },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.coordination.all() }),
  });
}
