import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { collectPages, unwrap, welfaretechClient } from '@/lib/api-client';
import { useIdempotencyKey } from '@/lib/idempotency';
import { queryKeys } from '@/lib/query-keys';

import type { CheckCreate, LoanCreate, LoanEnd, LoanRead, LoanSummary } from './types';

/** Loans, oldest installation first; filtered by person or status. */
export function useLoans(filter: { personId?: string; status?: 'active' | 'ended' } = {}, enabled = true) {
  return useQuery({
    queryKey: queryKeys.welfaretech.loans.list(filter),
    enabled,
    queryFn: ({ signal }) =>
      collectPages<LoanSummary>((cursor) =>
        unwrap(
          welfaretechClient.GET('/api/welfaretech/v1/loans', {
            params: { query: { person_id: filter.personId, status: filter.status, cursor, limit: 100 } },
            signal,
          }),
        ),
      ),
  });
}

/** Loans per page of the inventory's list. */
const PAGE_SIZE = 50;

/**
 * The municipality's loans in a status, oldest installation first, a page at a time (the
 * inventory's «Vis flere»): a municipality of 700,000 has thousands, so they are not all fetched
 * at once. The per-person lists stay whole with `useLoans`.
 */
export function useLoanPages(filter: { status?: 'active' | 'ended' } = {}, enabled = true) {
  return useInfiniteQuery({
    queryKey: queryKeys.welfaretech.loans.pages(filter),
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        welfaretechClient.GET('/api/welfaretech/v1/loans', {
          params: { query: { status: filter.status, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.next_cursor ?? null,
  });
}

export function useLoan(id: string) {
  return useQuery({
    queryKey: queryKeys.welfaretech.loans.detail(id),
    queryFn: ({ signal }) => unwrap(welfaretechClient.GET('/api/welfaretech/v1/loans/{loan_id}', { params: { path: { loan_id: id } }, signal })),
  });
}

/** Open loans whose scheduled check is overdue. */
export function useOverdueChecks(enabled = true) {
  return useQuery({
    queryKey: queryKeys.welfaretech.loans.overdueChecks(),
    enabled,
    queryFn: ({ signal }) => unwrap(welfaretechClient.GET('/api/welfaretech/v1/loans/overdue-checks', { signal })),
  });
}

function useRefreshLoans() {
  const queryClient = useQueryClient();
  return async (loan: LoanRead) => {
    queryClient.setQueryData(queryKeys.welfaretech.loans.detail(loan.id), loan);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.welfaretech.loans.all(), predicate: (q) => q.queryKey[2] !== 'detail' }),
      queryClient.invalidateQueries({ queryKey: ['welfaretech', 'devices'] }),
      queryClient.invalidateQueries({ queryKey: queryKeys.welfaretech.dashboard() }),
    ]);
  };
}

/** Installs a device at the person; a device on loan elsewhere is a 409. */
export function useStartLoan() {
  const refresh = useRefreshLoans();
  const keyFor = useIdempotencyKey();
  return useMutation<LoanRead, unknown, LoanCreate>({
    mutationFn: (body) =>
      unwrap(welfaretechClient.POST('/api/welfaretech/v1/loans', { body, params: { header: { 'Idempotency-Key': keyFor(body) } } })),
    onSuccess: refresh,
  });
}

/** A scheduled check; a failed alarm test raises an avvik in the quality service. */
export function useRecordCheck(loanId: string) {
  const refresh = useRefreshLoans();
  return useMutation<LoanRead, unknown, CheckCreate>({
    mutationFn: (body) =>
      unwrap(welfaretechClient.POST('/api/welfaretech/v1/loans/{loan_id}/checks', { body, params: { path: { loan_id: loanId } } })),
    onSuccess: refresh,
  });
}

/** Returns the device (If-Match of the version shown). */
export function useEndLoan(loanId: string) {
  const refresh = useRefreshLoans();
  return useMutation<LoanRead, unknown, { version: number; body: LoanEnd }>({
    mutationFn: ({ version, body }) =>
      unwrap(
        welfaretechClient.POST('/api/welfaretech/v1/loans/{loan_id}/end', {
          body,
          params: { path: { loan_id: loanId }, header: { 'If-Match': `"${version}"` } },
        }),
      ),
    onSuccess: refresh,
  });
}
