import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';

import { intakeClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

const PAGE_SIZE = 25;

/** A search is worth sending from two characters; an empty one would list everybody (and log it). */
export function isSearchable(q: string): boolean {
  return q.trim().length >= 2;
}

export function searchPersons(q: string, cursor?: string, signal?: AbortSignal) {
  return unwrap(
    intakeClient.GET('/api/intake/v1/persons', { params: { query: { q: q.trim(), limit: PAGE_SIZE, cursor } }, signal }),
  );
}

/** Persons by name (partial) or national id, a page at a time; national ids come masked. */
export const searchPersonsQuery = (q: string) =>
  infiniteQueryOptions({
    queryKey: queryKeys.intake.persons.search(q.trim()),
    queryFn: ({ pageParam, signal }) => searchPersons(q, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    enabled: isSearchable(q),
    staleTime: 0,
    placeholderData: keepPreviousData,
  });

export function useSearchPersons(q: string) {
  return useInfiniteQuery(searchPersonsQuery(q));
}
