/** Ansvarsgruppe meetings (their decisions become measures) and evaluations of the plan. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { coordinationClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

import type { EvaluationCreate, MeetingCreate, MeetingMinutes, MeetingRead } from './types';

export function useMeetings(planId: string) {
  return useQuery({
    queryKey: queryKeys.coordination.meetings(planId),
    queryFn: ({ signal }) =>
      unwrap(coordinationClient.GET('/api/coordination/v1/plans/{plan_id}/meetings', { params: { path: { plan_id: planId } }, signal })),
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return (planId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.coordination.meetings(planId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.coordination.plan(planId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.coordination.versions(planId) }),
    ]);
}

export function usePlanMeeting() {
  const refresh = useRefresh();
  return useMutation<MeetingRead, unknown, { planId: string; body: MeetingCreate }>({
    mutationFn: ({ planId, body }) =>
      unwrap(coordinationClient.POST('/api/coordination/v1/plans/{plan_id}/meetings', { params: { path: { plan_id: planId } }, body })),
    onSuccess: (meeting) => refresh(meeting.plan_id),
  });
}

/** The minutes; each decision becomes a measure of the plan with owner and deadline. */
export function useRecordMinutes() {
  const refresh = useRefresh();
  return useMutation<MeetingRead, unknown, { meeting: MeetingRead; body: MeetingMinutes }>({
    mutationFn: ({ meeting, body }) =>
      unwrap(
        coordinationClient.PUT('/api/coordination/v1/meetings/{meeting_id}/minutes', {
          params: { path: { meeting_id: meeting.id }, header: { 'If-Match': `"${meeting.version}"` } },
          body,
        }),
      ),
    onSuccess: (meeting) => refresh(meeting.plan_id),
  });
}

export function useApproveMinutes() {
  const refresh = useRefresh();
  return useMutation<MeetingRead, unknown, MeetingRead>({
    mutationFn: (meeting) =>
      unwrap(
        coordinationClient.POST('/api/coordination/v1/meetings/{meeting_id}/approve', {
          params: { path: { meeting_id: meeting.id }, header: { 'If-Match': `"${meeting.version}"` } },
        }),
      ),
    onSuccess: (meeting) => refresh(meeting.plan_id),
  });
}

export function useEvaluatePlan() {
  const refresh = useRefresh();
  return useMutation<unknown, unknown, { planId: string; version: number; body: EvaluationCreate }>({
    mutationFn: ({ planId, version, body }) =>
      unwrap(
        coordinationClient.POST('/api/coordination/v1/plans/{plan_id}/evaluations', {
          params: { path: { plan_id: planId }, header: { 'If-Match': `"${version}"` } },
          body,
        }),
      ),
    onSuccess: (_, { planId }) => refresh(planId),
  });
}
