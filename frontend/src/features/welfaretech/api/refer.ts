/** A direct referral to the welfare-technology team, with the person found through intake the way the caller may look persons up. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { collectPages, intakeClient, unwrap, welfaretechClient } from '@/lib/api-client';
import { newUuid } from '@/lib/idempotency';
import { queryKeys } from '@/lib/query-keys';

import type { ReferralCreate, ReferralRead } from './types';

/** A person to refer, as intake shows them (national id masked). */
export type PersonChoice = { id: string; name: string; birth_date: string; national_id_masked: string };


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

/**
 * Persons the caller's units deliver decided services to (helsepersonell: intake lists only their
 * units' decisions), by name. Intake's free search is for its case roles, not for referrers.
 */
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

/** Persons matching `q` (from two characters). */
export function usePersonChoices(q: string) {
  return useQuery({
    queryKey: [...queryKeys.welfaretech.all(), 'refer', 'persons', q.trim()] as const,
    queryFn: ({ signal }) => servedByMyUnits(q, signal),
    enabled: isSearchable(q),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** Send the referral to the team's inbox. */
export function useCreateReferral() {
  const queryClient = useQueryClient();
  return useMutation<ReferralRead, unknown, ReferralCreate>({
    mutationFn: (body) =>
      unwrap(welfaretechClient.POST('/api/welfaretech/v1/referrals', { params: { header: { 'Idempotency-Key': newUuid() } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.welfaretech.referrals.all() }),
  });
}
