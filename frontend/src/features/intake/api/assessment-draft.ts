/** The assessment being written, saved on the server as you go (so a reload or another tablet goes on from it). */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { intakeClient, unwrap } from '@/lib/api-client';
import { useIdempotencyKey } from '@/lib/idempotency';
import { ApiProblem } from '@/lib/problem';

import type { AssessmentDraftRead } from './types';

const draftKey = (applicationId: string) => ['intake', 'applications', 'detail', applicationId, 'assessment-draft'] as const;

/** The saved draft, or null when there is none (the API answers 404). */
export const assessmentDraftQuery = (applicationId: string) =>
  queryOptions({
    queryKey: draftKey(applicationId),
    queryFn: async ({ signal }): Promise<AssessmentDraftRead | null> => {
      try {
        return await unwrap(
          intakeClient.GET('/api/intake/v1/applications/{application_id}/assessment-draft', {
            params: { path: { application_id: applicationId } },
            signal,
          }),
        );
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 404) return null;
        throw error;
      }
    },
    // The form reads it once when it opens; saving keeps the form's own copy.
    staleTime: Infinity,
    gcTime: 0,
  });

export function useAssessmentDraft(applicationId: string) {
  return useQuery(assessmentDraftQuery(applicationId));
}

/** Saves the answers so far with `If-Match` (`"0"` for the first save) and an `Idempotency-Key`, so a retried save is the same save. */
export function useSaveAssessmentDraft(applicationId: string) {
  const keyFor = useIdempotencyKey();
  const queryClient = useQueryClient();
  return useMutation<AssessmentDraftRead, unknown, { version: number; content: Record<string, unknown> }>({
    mutationFn: ({ version, content }) =>
      unwrap(
        intakeClient.PUT('/api/intake/v1/applications/{application_id}/assessment-draft', {
          body: { content },
          params: {
            path: { application_id: applicationId },
            header: { 'If-Match': `"${version}"`, 'Idempotency-Key': keyFor({ version, content }) },
          },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: draftKey(applicationId), refetchType: 'none' }),
  });
}
