import { useMutation, useQueryClient } from '@tanstack/react-query';

import { intakeClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

import type { PersonRead, PersonUpdate } from './types';

/** «Lagre endringene»: corrects a person's details; `If-Match` with the version the form was filled from (412 when someone else saved first). */
export function useUpdatePerson(id: string) {
  const queryClient = useQueryClient();
  return useMutation<PersonRead, unknown, { version: number; body: PersonUpdate }>({
    mutationFn: ({ version, body }) =>
      unwrap(
        intakeClient.PATCH('/api/intake/v1/persons/{person_id}', {
          body,
          params: { path: { person_id: id }, header: { 'If-Match': `"${version}"` } },
        }),
      ),
    onSuccess: (person) => {
      queryClient.setQueryData(queryKeys.intake.persons.detail(person.id), person);
      void queryClient.invalidateQueries({ queryKey: [...queryKeys.intake.persons.all(), 'search'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.intake.persons.timeline(person.id) });
    },
  });
}
