/** The lists of deviations: my own reports, the leader's queue and the quality committee's. */
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';

import { collectPages, qualityClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** The caller's own reports, newest first, with their status. */
export const myDeviationsQuery = () =>
  queryOptions({
    queryKey: queryKeys.quality.mine(),
    queryFn: ({ signal }) =>
      collectPages((cursor) => unwrap(qualityClient.GET('/api/quality/v1/deviations/mine', { params: { query: { cursor } }, signal })), 10),
  });

export function useMyDeviations() {
  return useQuery(myDeviationsQuery());
}

export const QUEUE_PAGE_SIZE = 50;

/** Open deviations to handle: serious first, then by risk, then by the acknowledgement deadline (the API's order), a page at a time. */
export const deviationQueueQuery = () =>
  infiniteQueryOptions({
    queryKey: queryKeys.quality.queue(),
    queryFn: ({ pageParam, signal }) =>
      unwrap(qualityClient.GET('/api/quality/v1/deviations/queue', { params: { query: { limit: QUEUE_PAGE_SIZE, cursor: pageParam } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });

export function useDeviationQueue() {
  return useInfiniteQuery(deviationQueueQuery());
}

/** The kvalitetsutvalg's queue: high risk or serious; the closed ones too when asked. */
export const committeeQueueQuery = (includeClosed: boolean) =>
  queryOptions({
    queryKey: queryKeys.quality.committee(includeClosed),
    queryFn: ({ signal }) =>
      collectPages(
        (cursor) =>
          unwrap(
            qualityClient.GET('/api/quality/v1/deviations/committee', { params: { query: { include_closed: includeClosed, cursor } }, signal }),
          ),
        10,
      ),
  });

export function useCommitteeQueue(includeClosed: boolean) {
  return useQuery(committeeQueueQuery(includeClosed));
}
