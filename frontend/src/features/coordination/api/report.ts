/** Reporting a need for an individual plan and/or a koordinator: any employee (helsepersonell have a duty to report). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { coordinationClient, collectPages, intakeClient, unwrap } from '@/lib/api-client';
import { newUuid } from '@/lib/idempotency';
import { queryKeys } from '@/lib/query-keys';

import type { RequestCreate, RequestRead } from './types';

/** A person to report for, as intake shows them (national id masked). */
export type PersonChoice = { id: string; name: string; birth_date: string; national_id_masked: string };

/**
 * How the caller finds the person in intake: `search` by name or national id (case roles), `served`
 * among the persons the caller's units deliver decided services to (helsepersonell: intake lists only
 * their units' decisions), or `none` (the form is opened from the person's page with the person chosen).
 */
export type PersonLookup = 'search' | 'served' | 'none';

const SEARCH_LIMIT = 10;
const SERVED_PAGES = 4;

export function isSearchable(q: string): boolean {
  return q.trim().length >= 2;
}

const fold = (value: string) =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('nb');

async function searchIntake(q: string, signal: AbortSignal): Promise<PersonChoice[]> {
  const page = await unwrap(intakeClient.GET('/api/intake/v1/persons', { params: { query: { q: q.trim(), limit: SEARCH_LIMIT } }, signal }));
  return page.items.map((p) => ({ id: p.id, name: `${p.given_name} ${p.family_name}`, birth_date: p.birth_date, national_id_masked: p.national_id_masked }));
}

async function servedByMyUnits(q: string, signal: AbortSignal): Promise<PersonChoice[]> {
  const decisions = await collectPages(
    (cursor) => unwrap(intakeClient.GET('/api/intake/v1/decisions', { params: { query: { limit: 500, cursor } }, signal })),
    SERVED_PAGES,
  );
  const wanted = fold(q.trim());
  const persons = new Map<string, PersonChoice>();
  for (const { person } of decisions) {
    const name = `${person.given_name} ${person.family_name}`;
    if (!persons.has(person.id) && fold(name).includes(wanted)) {
      persons.set(person.id, { id: person.id, name, birth_date: person.birth_date, national_id_masked: person.national_id_masked });
    }
  }
  return [...persons.values()].sort((a, b) => a.name.localeCompare(b.name, 'nb')).slice(0, SEARCH_LIMIT);
}

/** Persons matching `q` (from two characters), the way the caller's role may look them up in intake. */
export function usePersonChoices(q: string, lookup: PersonLookup) {
  return useQuery({
    queryKey: [...queryKeys.coordination.all(), 'report', 'persons', lookup, q.trim()] as const,
    queryFn: ({ signal }) => (lookup === 'search' ? searchIntake(q, signal) : servedByMyUnits(q, signal)),
    enabled: lookup !== 'none' && isSearchable(q),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** The person the form was opened for (`?person=`), read from intake; null when intake does not show them to the caller. */
export function useChosenPerson(id: string | null) {
  return useQuery({
    queryKey: [...queryKeys.coordination.all(), 'report', 'person', id] as const,
    queryFn: async ({ signal }): Promise<PersonChoice | null> => {
      try {
        const p = await unwrap(intakeClient.GET('/api/intake/v1/persons/{person_id}', { params: { path: { person_id: id ?? '' } }, signal }));
        return { id: p.id, name: `${p.given_name} ${p.family_name}`, birth_date: p.birth_date, national_id_masked: p.national_id_masked };
      } catch {
        return null;
      }
    },
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
