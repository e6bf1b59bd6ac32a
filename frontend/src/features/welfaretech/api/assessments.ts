import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { unwrap, welfaretechClient } from '@/lib/api-client';
import { useIdempotencyKey } from '@/lib/idempotency';
import { queryKeys } from '@/lib/query-keys';

import type { AssessmentCreate, AssessmentRead, LegalDecisionCreate, LegalDecisionEnd, LegalDecisionEnded, LegalDecisionRenew } from './types';

/** One assessment with its recommendations and § 4-6 a decisions (the read is in the access log). */
export function useAssessment(id: string) {
  return useQuery({
    queryKey: queryKeys.welfaretech.assessment(id),
    queryFn: ({ signal }) =>
      unwrap(welfaretechClient.GET('/api/welfaretech/v1/assessments/{assessment_id}', { params: { path: { assessment_id: id } }, signal })),
  });
}

/** Records the assessment; the rules propose technologies for its needs. */
export function useRecordAssessment() {
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  return useMutation<AssessmentRead, unknown, AssessmentCreate>({
    mutationFn: (body) =>
      unwrap(welfaretechClient.POST('/api/welfaretech/v1/assessments', { body, params: { header: { 'Idempotency-Key': keyFor(body) } } })),
    onSuccess: async (assessment) => {
      queryClient.setQueryData(queryKeys.welfaretech.assessment(assessment.id), assessment);
      await queryClient.invalidateQueries({ queryKey: queryKeys.welfaretech.referrals.all() });
    },
  });
}

/** The decision under pbrl § 4-6 a for an assessment of a person without capacity to consent. */
export function useRecordLegalDecision() {
  const queryClient = useQueryClient();
  return useMutation<AssessmentRead, unknown, { assessmentId: string; body: LegalDecisionCreate }>({
    mutationFn: ({ assessmentId, body }) =>
      unwrap(
        welfaretechClient.POST('/api/welfaretech/v1/assessments/{assessment_id}/legal-decisions', {
          body,
          params: { path: { assessment_id: assessmentId } },
        }),
      ),
    onSuccess: (assessment) => {
      queryClient.setQueryData(queryKeys.welfaretech.assessment(assessment.id), assessment);
    },
  });
}

/** Renews a § 4-6 a decision (If-Match of the version shown): each condition anew, a new time limit. */
export function useRenewLegalDecision() {
  const queryClient = useQueryClient();
  return useMutation<AssessmentRead, unknown, { decisionId: string; version: number; body: LegalDecisionRenew }>({
    mutationFn: ({ decisionId, version, body }) =>
      unwrap(
        welfaretechClient.POST('/api/welfaretech/v1/legal-decisions/{decision_id}/renew', {
          body,
          params: { path: { decision_id: decisionId }, header: { 'If-Match': `"${version}"` } },
        }),
      ),
    onSuccess: async (assessment) => {
      queryClient.setQueryData(queryKeys.welfaretech.assessment(assessment.id), assessment);
      await queryClient.invalidateQueries({ queryKey: queryKeys.welfaretech.loans.all() });
    },
  });
}

/** Ends a § 4-6 a decision (If-Match); the loans of alarm or location technology resting on it end with it. */
export function useEndLegalDecision() {
  const queryClient = useQueryClient();
  return useMutation<LegalDecisionEnded, unknown, { decisionId: string; version: number; body: LegalDecisionEnd }>({
    mutationFn: ({ decisionId, version, body }) =>
      unwrap(
        welfaretechClient.POST('/api/welfaretech/v1/legal-decisions/{decision_id}/end', {
          body,
          params: { path: { decision_id: decisionId }, header: { 'If-Match': `"${version}"` } },
        }),
      ),
    onSuccess: async (ended) => {
      queryClient.setQueryData(queryKeys.welfaretech.assessment(ended.assessment.id), ended.assessment);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.welfaretech.loans.all() }),
        queryClient.invalidateQueries({ queryKey: ['welfaretech', 'devices'] }),
        queryClient.invalidateQueries({ queryKey: queryKeys.welfaretech.dashboard() }),
      ]);
    },
  });
}
