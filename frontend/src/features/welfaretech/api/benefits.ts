import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { unwrap, welfaretechClient } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

import type { MeasurementCreate, MeasurementRead } from './types';

/** The loan's measurements and its ledger: each measure, the numbers and the formula. */
export function useLoanBenefits(loanId: string) {
  return useQuery({
    queryKey: queryKeys.welfaretech.loans.benefits(loanId),
    queryFn: ({ signal }) =>
      unwrap(welfaretechClient.GET('/api/welfaretech/v1/loans/{loan_id}/benefits', { params: { path: { loan_id: loanId } }, signal })),
  });
}

/** A baseline (week 0) or a follow-up; the ledger and the dashboard are fetched again. */
export function useRecordMeasurement(loanId: string) {
  const queryClient = useQueryClient();
  return useMutation<MeasurementRead, unknown, MeasurementCreate>({
    mutationFn: (body) =>
      unwrap(welfaretechClient.POST('/api/welfaretech/v1/loans/{loan_id}/measurements', { body, params: { path: { loan_id: loanId } } })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.welfaretech.loans.benefits(loanId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.welfaretech.dashboard() }),
      ]),
  });
}

/** Gains per technology and for the municipality: sums only, the same size whatever the number of loans. */
export function useBenefitDashboard(enabled = true) {
  return useQuery({
    queryKey: queryKeys.welfaretech.dashboard(),
    enabled,
    queryFn: ({ signal }) => unwrap(welfaretechClient.GET('/api/welfaretech/v1/benefits/dashboard', { signal })),
  });
}

const LOANS_PAGE_SIZE = 50;

/**
 * The loans behind a dashboard figure (one technology's, or the municipality's when `technology`
 * is null), oldest installation first, a page at a time with each loan's ledger. Fetched only
 * when `enabled` (the figure's loans are opened): the API logs every loan listed.
 */
export function useDashboardLoans(technology: string | null, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.welfaretech.dashboard(), 'loans', technology] as const,
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        welfaretechClient.GET('/api/welfaretech/v1/benefits/dashboard/loans', {
          params: { query: { limit: LOANS_PAGE_SIZE, ...(technology ? { technology } : {}), ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.next_cursor ?? null,
  });
}
