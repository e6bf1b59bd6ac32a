/** Appeals (klager) on decisions: register, the municipality's reassessment, forwarding and the County Governor's outcome. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { collectPages, intakeClient, unwrap } from '@/lib/api-client';
import { useIdempotencyKey } from '@/lib/idempotency';
import { queryKeys } from '@/lib/query-keys';

import type { components } from '@/lib/api/intake';

import type { AppealCreate, AppealRead } from './types';

type Schemas = components['schemas'];
export type AppealReassessment = Schemas['AppealReassessment'];
export type AppealForward = Schemas['AppealForward'];
export type AppealOutcome = Schemas['AppealOutcome'];

export const personAppealsQuery = (personId: string) =>
  queryOptions({
    queryKey: queryKeys.intake.appeals.list({ personId }),
    queryFn: ({ signal }) =>
      collectPages((cursor) =>
        unwrap(intakeClient.GET('/api/intake/v1/appeals', { params: { query: { person_id: personId, limit: 100, cursor } }, signal })),
      ),
  });

export function usePersonAppeals(personId: string) {
  return useQuery(personAppealsQuery(personId));
}

function useRefreshAppeals() {
  const queryClient = useQueryClient();
  return async (appeal: AppealRead) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.intake.appeals.list({ personId: appeal.person_id }) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.intake.persons.timeline(appeal.person_id) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.intake.worklist() }),
    ]);
  };
}

export function useCreateAppeal() {
  const refresh = useRefreshAppeals();
  const keyFor = useIdempotencyKey();
  return useMutation<AppealRead, unknown, AppealCreate>({
    mutationFn: (body) =>
      unwrap(intakeClient.POST('/api/intake/v1/appeals', { body, params: { header: { 'Idempotency-Key': keyFor(body) } } })),
    onSuccess: refresh,
  });
}

type Step =
  | { kind: 'reassessment'; body: AppealReassessment }
  | { kind: 'forward'; body: AppealForward }
  | { kind: 'outcome'; body: AppealOutcome };

/** One step on an appeal, with `If-Match` of the version shown. */
export function useAppealStep() {
  const refresh = useRefreshAppeals();
  return useMutation<AppealRead, unknown, { appeal: AppealRead; step: Step }>({
    mutationFn: ({ appeal, step }) => {
      const params = { path: { appeal_id: appeal.id }, header: { 'If-Match': `"${appeal.version}"` } };
      if (step.kind === 'reassessment') {
        return unwrap(intakeClient.POST('/api/intake/v1/appeals/{appeal_id}/reassessment', { body: step.body, params }));
      }
      if (step.kind === 'forward') {
        return unwrap(intakeClient.POST('/api/intake/v1/appeals/{appeal_id}/forward', { body: step.body, params }));
      }
      return unwrap(intakeClient.POST('/api/intake/v1/appeals/{appeal_id}/outcome', { body: step.body, params }));
    },
    onSuccess: refresh,
  });
}
