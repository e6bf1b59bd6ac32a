/** A direct referral to the welfare-technology team, with the person found through intake the way the caller may look persons up. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { unwrap, welfaretechClient } from '@/lib/api-client';
import { newUuid } from '@/lib/idempotency';
import { isSearchable, personsServedByMyUnits } from '@/lib/person-lookup';
import { queryKeys } from '@/lib/query-keys';

import type { ReferralCreate, ReferralRead } from './types';

export { isSearchable, type PersonChoice } from '@/lib/person-lookup';

/**
 * Persons matching `q` (from two characters) among those the caller's units serve: intake's free
 * search is for its case roles, not for referrers.
 */
export function usePersonChoices(q: string) {
  return useQuery({
    queryKey: [...queryKeys.welfaretech.all(), 'refer', 'persons', q.trim()] as const,
    queryFn: ({ signal }) => personsServedByMyUnits(q, signal),
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
