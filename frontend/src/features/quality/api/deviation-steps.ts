/**
 * The handling steps of a deviation: acknowledge, investigation (causes), close, reopen, the
 * serious-event checklist, and corrective actions. Each sends `If-Match` with the version shown;
 * a stale one answers 412 and the page says somebody else changed it.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { qualityClient, unwrap } from '@/lib/api-client';
import { useIdempotencyKey } from '@/lib/idempotency';
import { ApiProblem } from '@/lib/problem';
import { queryKeys } from '@/lib/query-keys';

import type { ActionCreate, ActionRead, ActionUpdate, Closing, DeviationRead, Investigation } from './types';

export const etag = (version: number) => `"${version}"`;

type Step<B> = { id: string; version: number; body: B };

/** A stale version (412): read the deviations shown again, so the page offers the latest. */
function useReadAgainWhenStale() {
  const queryClient = useQueryClient();
  return (error: unknown) => {
    if (error instanceof ApiProblem && error.status === 412) {
      void queryClient.invalidateQueries({ queryKey: ['quality', 'deviations', 'detail'] });
    }
  };
}

function useRefresh() {
  const queryClient = useQueryClient();
  return async (deviation: DeviationRead) => {
    queryClient.setQueryData(queryKeys.quality.deviation(deviation.id), deviation);
    await queryClient.invalidateQueries({ queryKey: queryKeys.quality.lists() });
  };
}

/** «Motta»: the unit's leader has received the report. */
export function useAcknowledgeDeviation() {
  const refresh = useRefresh();
  return useMutation<DeviationRead, unknown, Step<{ note: string | null }>>({
    mutationFn: ({ id, version, body }) =>
      unwrap(
        qualityClient.POST('/api/quality/v1/deviations/{deviation_id}/acknowledge', {
          body,
          params: { path: { deviation_id: id }, header: { 'If-Match': etag(version) } },
        }),
      ),
    onSuccess: refresh,
  });
}

/** The investigation: what was found, and the direct and underlying causes in the fixed categories. */
export function useRecordInvestigation() {
  const refresh = useRefresh();
  return useMutation<DeviationRead, unknown, Step<Investigation>>({
    mutationFn: ({ id, version, body }) =>
      unwrap(
        qualityClient.PUT('/api/quality/v1/deviations/{deviation_id}/investigation', {
          body,
          params: { path: { deviation_id: id }, header: { 'If-Match': etag(version) } },
        }),
      ),
    onSuccess: refresh,
  });
}

/** «Lukk»: with what the unit has learnt and the outcome the reporter is told. */
export function useCloseDeviation() {
  const refresh = useRefresh();
  return useMutation<DeviationRead, unknown, Step<Closing>>({
    mutationFn: ({ id, version, body }) =>
      unwrap(
        qualityClient.POST('/api/quality/v1/deviations/{deviation_id}/close', {
          body,
          params: { path: { deviation_id: id }, header: { 'If-Match': etag(version) } },
        }),
      ),
    onSuccess: refresh,
  });
}

/** «Gjenåpne»: with the reason, kept with the step. */
export function useReopenDeviation() {
  const refresh = useRefresh();
  return useMutation<DeviationRead, unknown, Step<{ reason: string }>>({
    mutationFn: ({ id, version, body }) =>
      unwrap(
        qualityClient.POST('/api/quality/v1/deviations/{deviation_id}/reopen', {
          body,
          params: { path: { deviation_id: id }, header: { 'If-Match': etag(version) } },
        }),
      ),
    onSuccess: refresh,
  });
}

/** Tick (or untick) an item of the serious-event checklist. */
export function useTickChecklist() {
  const refresh = useRefresh();
  const onError = useReadAgainWhenStale();
  return useMutation<DeviationRead, unknown, Step<{ done: boolean }> & { code: string }>({
    mutationFn: ({ id, version, code, body }) =>
      unwrap(
        qualityClient.POST('/api/quality/v1/deviations/{deviation_id}/checklist/{code}', {
          body,
          params: { path: { deviation_id: id, code }, header: { 'If-Match': etag(version) } },
        }),
      ),
    onSuccess: refresh,
    onError,
  });
}

/** A new corrective action; the deviation is read again, since it records the step. */
export function useAddCorrectiveAction() {
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  return useMutation<ActionRead, unknown, { deviationId: string; body: ActionCreate }>({
    mutationFn: ({ deviationId, body }) =>
      unwrap(
        qualityClient.POST('/api/quality/v1/deviations/{deviation_id}/actions', {
          body,
          params: { path: { deviation_id: deviationId }, header: { 'Idempotency-Key': keyFor({ deviationId, body }) } },
        }),
      ),
    onSuccess: (action) => queryClient.invalidateQueries({ queryKey: queryKeys.quality.deviation(action.deviation_id) }),
  });
}

/** A change of an action (its status, mostly), with If-Match on the action's own version. */
export function useUpdateCorrectiveAction() {
  const queryClient = useQueryClient();
  const onError = useReadAgainWhenStale();
  return useMutation<ActionRead, unknown, Step<ActionUpdate>>({
    mutationFn: ({ id, version, body }) =>
      unwrap(
        qualityClient.PATCH('/api/quality/v1/corrective-actions/{action_id}', {
          body,
          params: { path: { action_id: id }, header: { 'If-Match': etag(version) } },
        }),
      ),
    onSuccess: (action) => queryClient.invalidateQueries({ queryKey: queryKeys.quality.deviation(action.deviation_id) }),
    onError,
  });
}
