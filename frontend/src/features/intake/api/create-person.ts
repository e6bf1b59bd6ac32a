import { useMutation, useQueryClient } from '@tanstack/react-query';

import { intakeClient, unwrap } from '@/lib/api-client';
import { useIdempotencyKey } from '@/lib/idempotency';
import { queryKeys } from '@/lib/query-keys';

import type { PersonCreate, PersonRead } from './types';

export function createPerson(body: PersonCreate, idempotencyKey: string): Promise<PersonRead> {
  return unwrap(
    intakeClient.POST('/api/intake/v1/persons', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } }),
  );
}

/** Registers a person; a retry of the same form sends the same Idempotency-Key. */
export function useCreatePerson() {
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  return useMutation<PersonRead, unknown, PersonCreate>({
    mutationFn: (body) => createPerson(body, keyFor(body)),
    onSuccess: (person) => {
      queryClient.setQueryData(queryKeys.intake.persons.detail(person.id), person);
      void queryClient.invalidateQueries({ queryKey: [...queryKeys.intake.persons.all(), 'search'] });
    },
  });
}
