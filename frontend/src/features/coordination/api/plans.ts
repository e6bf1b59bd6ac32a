/** An individual plan: read, save the next version (If-Match), activate, consent, versions and compare. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { coordinationClient, unwrap } from '@/lib/api-client';
import { newUuid } from '@/lib/idempotency';
import { queryKeys } from '@/lib/query-keys';

import type { ConsentCreate, ConsentWithdrawal, PlanRead, PlanUpdate } from './types';

const etag = (version: number) => `"${version}"`;

export const planQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.coordination.plan(id),
    queryFn: ({ signal }) => unwrap(coordinationClient.GET('/api/coordination/v1/plans/{plan_id}', { params: { path: { plan_id: id } }, signal })),
  });

export function usePlan(id: string) {
  return useQuery(planQuery(id));
}

function useStorePlan() {
  const queryClient = useQueryClient();
  return async (plan: PlanRead) => {
    queryClient.setQueryData(queryKeys.coordination.plan(plan.id), plan);
    await queryClient.invalidateQueries({ queryKey: queryKeys.coordination.versions(plan.id) });
    await queryClient.invalidateQueries({ queryKey: queryKeys.coordination.worklist() });
  };
}

/** «Lagre»: the next version; a stale version answers 412 (somebody saved in between). */
export function useSavePlan() {
  const store = useStorePlan();
  return useMutation<PlanRead, unknown, { id: string; version: number; body: PlanUpdate }>({
    mutationFn: ({ id, version, body }) =>
      unwrap(
        coordinationClient.PUT('/api/coordination/v1/plans/{plan_id}', {
          params: { path: { plan_id: id }, header: { 'If-Match': etag(version) } },
          body,
        }),
      ),
    onSuccess: store,
  });
}

/** «Ta planen i bruk»: only with the person's consent and at least one goal. */
export function useActivatePlan() {
  const store = useStorePlan();
  return useMutation<PlanRead, unknown, { id: string; version: number }>({
    mutationFn: ({ id, version }) =>
      unwrap(
        coordinationClient.POST('/api/coordination/v1/plans/{plan_id}/activate', {
          params: { path: { plan_id: id }, header: { 'If-Match': etag(version) } },
        }),
      ),
    onSuccess: store,
  });
}

/** Record the person's (or a representative's) consent. */
export function useRecordConsent() {
  const queryClient = useQueryClient();
  return useMutation<unknown, unknown, { id: string; body: ConsentCreate }>({
    mutationFn: ({ id, body }) =>
      unwrap(
        coordinationClient.POST('/api/coordination/v1/plans/{plan_id}/consents', {
          params: { path: { plan_id: id }, header: { 'Idempotency-Key': newUuid() } },
          body,
        }),
      ),
    onSuccess: (_, { id }) => queryClient.invalidateQueries({ queryKey: queryKeys.coordination.plan(id) }),
  });
}

export function useVersions(id: string) {
  return useQuery({
    queryKey: queryKeys.coordination.versions(id),
    queryFn: ({ signal }) =>
      unwrap(coordinationClient.GET('/api/coordination/v1/plans/{plan_id}/versions', { params: { path: { plan_id: id } }, signal })),
  });
}

export function useCompare(id: string, from: number, to: number, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.coordination.compare(id, from, to),
    enabled,
    queryFn: ({ signal }) =>
      unwrap(
        coordinationClient.GET('/api/coordination/v1/plans/{plan_id}/compare', {
          params: { path: { plan_id: id }, query: { from, to } },
          signal,
        }),
      ),
  });
}

/** «Avslutt planen»: with the reason; the plan is kept as history. */
export function useClosePlan() {
  const store = useStorePlan();
  return useMutation<PlanRead, unknown, { id: string; version: number; reason: string }>({
    mutationFn: ({ id, version, reason }) =>
      unwrap(
        coordinationClient.POST('/api/coordination/v1/plans/{plan_id}/close', {
          params: { path: { plan_id: id }, header: { 'If-Match': etag(version) } },
          body: { reason },
        }),
      ),
    onSuccess: store,
  });
}

/** Withdraw a consent: the sharing it covered closes from that day; the plan stays. */
export function useWithdrawConsent() {
  const queryClient = useQueryClient();
  return useMutation<unknown, unknown, { id: string; consentId: string; body: ConsentWithdrawal }>({
    mutationFn: ({ id, consentId, body }) =>
      unwrap(
        coordinationClient.POST('/api/coordination/v1/plans/{plan_id}/consents/{consent_id}/withdraw', {
          params: { path: { plan_id: id, consent_id: consentId } },
          body,
        }),
      ),
    onSuccess: (_, { id }) => queryClient.invalidateQueries({ queryKey: queryKeys.coordination.plan(id) }),
  });
}
