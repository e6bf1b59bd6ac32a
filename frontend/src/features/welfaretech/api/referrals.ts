import { queryOptions, useQuery } from '@tanstack/react-query';

import { collectPages, unwrap, welfaretechClient } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

import type { ReferralRead, ReferralStatus } from './types';

/** The inbox, oldest first as the API lists it (sorted again by date, so the rule holds whatever arrives). */
export const referralsQuery = (status: ReferralStatus | undefined) =>
  queryOptions({
    queryKey: queryKeys.welfaretech.referrals.list(status),
    queryFn: async ({ signal }) => {
      const items = await collectPages<ReferralRead>((cursor) =>
        unwrap(welfaretechClient.GET('/api/welfaretech/v1/referrals', { params: { query: { status, cursor, limit: 100 } }, signal })),
      );
      return oldestFirst(items);
    },
  });

export function oldestFirst(items: readonly ReferralRead[]): ReferralRead[] {
  return [...items].sort((a, b) => a.received_on.localeCompare(b.received_on));
}

export function useReferrals(status: ReferralStatus | undefined) {
  return useQuery(referralsQuery(status));
}

/** One referral, with the person as intake shows them now. */
export function useReferral(id: string) {
  return useQuery({
    queryKey: queryKeys.welfaretech.referrals.detail(id),
    queryFn: ({ signal }) =>
      unwrap(welfaretechClient.GET('/api/welfaretech/v1/referrals/{referral_id}', { params: { path: { referral_id: id } }, signal })),
  });
}
