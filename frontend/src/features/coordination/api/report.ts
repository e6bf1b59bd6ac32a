/** Reporting a need for an individual plan and/or a koordinator: any employee (helsepersonell have a duty to report). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { coordinationClient, unwrap } from '@/lib/api-client';
import { newUuid } from '@/lib/idempotency';
import { intakePersonOrNull, isSearchable, personsServedByMyUnits, searchIntakePersons } from '@/lib/person-lookup';
import { queryKeys } from '@/lib/query-keys';

import type { RequestCreate, RequestRead } from './types';

export { isSearchable, type PersonChoice } from '@/lib/person-lookup';

/**
 * How the caller finds the person in intake: `search` by name or national id (case roles), `served`
 * among the persons the caller's units deliver decided services to (helsepersonell: intake lists only
 * their units' decisions), or `none` (the form is opened from the person's page with the person chosen).
 */
export type PersonLookup = 'search' | 'served' | 'none';

/** Persons matching `q` (from two characters), the way the caller's role may look them up in intake. */
export function usePersonChoices(q: string, lookup: PersonLookup) {
  return useQuery({
    queryKey: [...queryKeys.coordination.all(), 'report', 'persons', lookup, q.trim()] as const,
    queryFn: ({ signal }) => (lookup === 'search' ? searchIntakePersons(q, signal) : personsServedByMyUnits(q, signal)),
    enabled: lookup !== 'none' && isSearchable(q),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** The person the form was opened for (`?person=`), read from intake; null when intake does not show them to the caller. */
export function useChosenPerson(id: string | null) {
  return useQuery({
    queryKey: [...queryKeys.coordination.all(), 'report', 'person', id] as const,
    queryFn: ({ signal }) => intakePersonOrNull(id ?? '', signal),
    enabled: !!id,
    retry: false,
  });
}

/** Send the report to the koordinerende enhet's inbox. */
export function useReportNeed() {
  const queryClient = useQueryClient();
  return useMutation<RequestRead, unknown, RequestCreate>({
    mutationFn: (body) =>
      unwrap(coordinationClient.POST('/api/coordination/v1/requests', { params: { header: { 'Idempotency-Key': newUuid() } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.coordination.inbox() }),
  });
}
