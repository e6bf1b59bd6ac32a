import { useMutation, useQueryClient } from '@tanstack/react-query';

import { unwrap, welfaretechClient } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

import type { RecommendationDecide, RecommendationRead } from './types';

/** Accept or reject a proposed technology, with `If-Match` of the version shown; the assessment is fetched again. */
export function useDecideRecommendation(assessmentId: string) {
  const queryClient = useQueryClient();
  return useMutation<RecommendationRead, unknown, { id: string; version: number; body: RecommendationDecide }>({
    mutationFn: ({ id, version, body }) =>
      unwrap(
        welfaretechClient.POST('/api/welfaretech/v1/recommendations/{recommendation_id}/decide', {
          body,
          params: { path: { recommendation_id: id }, header: { 'If-Match': `"${version}"` } },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.welfaretech.assessment(assessmentId) }),
  });
}
