import { useMutation, useQueryClient } from '@tanstack/react-query';

import { intakeClient, unwrap } from '@/lib/api-client';
import { useIdempotencyKey } from '@/lib/idempotency';
import { queryKeys } from '@/lib/query-keys';

import type { AssessmentCreate, AssessmentRead } from './types';

export function createAssessment(applicationId: string, body: AssessmentCreate, idempotencyKey: string): Promise<AssessmentRead> {
  return unwrap(
    intakeClient.POST('/api/intake/v1/applications/{application_id}/assessments', {
      body,
      params: { path: { application_id: applicationId }, header: { 'Idempotency-Key': idempotencyKey } },
    }),
  );
}

/** Records a kartlegging; the application's assessments, suggestions and the person's timeline are fetched again. */
export function useCreateAssessment(applicationId: string) {
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  return useMutation<AssessmentRead, unknown, AssessmentCreate>({
    mutationFn: (body) => createAssessment(applicationId, body, keyFor(body)),
    onSuccess: async (assessment) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.intake.applications.assessments(applicationId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.intake.applications.suggestions(applicationId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.intake.applications.list({ personId: assessment.person_id }) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.intake.persons.timeline(assessment.person_id) }),
      ]);
    },
  });
}
