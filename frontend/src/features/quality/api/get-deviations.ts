/** The lists of deviations: my own reports, the leader's queue and the quality committee's. */
import { queryOptions, useQuery } from '@tanstack/react-query';

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

/** Open deviations to handle: serious first, then by risk, then by the acknowledgement deadline (the API's order). */
export const deviationQueueQuery = () =>
  queryOptions({
    queryKey: queryKeys.quality.queue(),
    queryFn: async ({ signal }) => (await unwrap(qualityClient.GET('/api/quality/v1/deviations/queue', { signal }))).items,
  });

export function useDeviationQueue() {
  return useQuery(deviationQueueQuery());
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
