import { useMutation, useQueryClient } from '@tanstack/react-query';

import { intakeClient, unwrap } from '@/lib/api-client';
import { useIdempotencyKey } from '@/lib/idempotency';
import { queryKeys } from '@/lib/query-keys';

import type { ApplicationCreate, ApplicationRead } from './types';

export function createApplication(body: ApplicationCreate, idempotencyKey: string): Promise<ApplicationRead> {
  return unwrap(
    intakeClient.POST('/api/intake/v1/applications', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } }),
  );
}

/** Registers a søknad; the person's applications and timeline are fetched again afterwards. */
export function useCreateApplication() {
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  return useMutation<ApplicationRead, unknown, ApplicationCreate>({
    mutationFn: (body) => createApplication(body, keyFor(body)),
    onSuccess: async (application) => {
      queryClient.setQueryData(queryKeys.intake.applications.detail(application.id), application);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.intake.applications.list({ personId: application.person.id }) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.intake.persons.timeline(application.person.id) }),
      ]);
    },
  });
}
