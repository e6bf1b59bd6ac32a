import { useMutation, useQueryClient } from '@tanstack/react-query';

import { intakeClient, unwrap } from '@/lib/api-client';
import { useIdempotencyKey } from '@/lib/idempotency';
import { queryKeys } from '@/lib/query-keys';

import type { DecisionCreate, DecisionRead } from './types';

export function createDecision(body: DecisionCreate, idempotencyKey: string): Promise<DecisionRead> {
  return unwrap(intakeClient.POST('/api/intake/v1/decisions', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } }));
}

/** Saves a decision as a draft; the person's decisions and timeline are fetched again. */
export function useCreateDecision() {
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  return useMutation<DecisionRead, unknown, DecisionCreate>({
    mutationFn: (body) => createDecision(body, keyFor(body)),
    onSuccess: async (decision) => {
      queryClient.setQueryData(queryKeys.intake.decisions.detail(decision.id), decision);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.intake.decisions.list({ personId: decision.person.id }) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.intake.persons.timeline(decision.person.id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.intake.worklist() }),
      ]);
    },
  });
}
