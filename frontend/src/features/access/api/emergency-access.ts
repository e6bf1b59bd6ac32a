import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { intakeClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

import type { EmergencyCategory, ReviewStatus } from './types';

const KEY = ['access', 'emergency'] as const;

/** Opens emergency access (nødtilgang) to a person; then the person reads for 4 hours. */
export function useOpenEmergencyAccess(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { category: EmergencyCategory; reason: string }) =>
      unwrap(intakeClient.POST('/api/intake/v1/persons/{person_id}/emergency-access', { params: { path: { person_id: personId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.intake.persons.detail(personId) }),
  });
}

export const emergencyAccessesQuery = (status: ReviewStatus | 'all') =>
  queryOptions({
    queryKey: [...KEY, 'list', status],
    queryFn: ({ signal }) =>
      unwrap(
        intakeClient.GET('/api/intake/v1/emergency-accesses', {
          params: { query: { limit: 200, ...(status === 'all' ? {} : { status }) } },
          signal,
        }),
      ),
  });

/** The emergency accesses the leader reviews (their units; the quality lead all). */
export function useEmergencyAccesses(status: ReviewStatus | 'all') {
  return useQuery(emergencyAccessesQuery(status));
}

/** Approve, or ask for an explanation; `version` is the access's If-Match. */
export function useReviewEmergencyAccess() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, decision, note }: { id: string; version: number; decision: Exclude<ReviewStatus, 'pending'>; note?: string }) =>
      unwrap(
        intakeClient.POST('/api/intake/v1/emergency-accesses/{access_id}/review', {
          params: { path: { access_id: id }, header: { 'If-Match': `"${version}"` } },
          body: { decision, note: note?.trim() ? note.trim() : null },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

/** Employees who opened unusually many different persons on `day` (today when left out). */
export function useUnusualReaders(day?: string) {
  return useQuery({
    queryKey: [...KEY, 'unusual', day ?? 'today'],
    queryFn: ({ signal }) =>
      unwrap(intakeClient.GET('/api/intake/v1/emergency-accesses/unusual-readers', { params: { query: day ? { day } : {} }, signal })),
  });
}
