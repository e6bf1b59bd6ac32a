import { queryOptions, useQuery } from '@tanstack/react-query';

import { intakeClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** One person in full: national id, contact, GP, relatives and representatives (read is logged). */
export const personQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.intake.persons.detail(id),
    queryFn: ({ signal }) =>
      unwrap(intakeClient.GET('/api/intake/v1/persons/{person_id}', { params: { path: { person_id: id } }, signal })),
  });

export function usePerson(id: string) {
  return useQuery(personQuery(id));
}
