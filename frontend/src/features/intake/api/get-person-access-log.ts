import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import { intakeClient, unwrap } from '@/lib/api-client';
import { getToken } from '@/lib/auth';
import { ApiProblem, NetworkError, asProblemBody } from '@/lib/problem';
import { queryKeys } from '@/lib/query-keys';

const PAGE_SIZE = 50;

/** The person's access log, newest first, a page at a time. Reading it is itself logged. */
export const personAccessLogQuery = (personId: string) =>
  infiniteQueryOptions({
    queryKey: queryKeys.intake.persons.accessLog(personId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        intakeClient.GET('/api/intake/v1/persons/{person_id}/access-log', {
          params: { path: { person_id: personId }, query: { limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.next_cursor ?? null,
    staleTime: 0,
    retry: false,
  });

/** Fetched only when `enabled` (the log is opened), so nobody reads it by accident. */
export function usePersonAccessLog(personId: string, enabled: boolean) {
  return useInfiniteQuery({ ...personAccessLogQuery(personId), enabled });
}

export type ExportFormat = 'csv' | 'pdf';

/** Downloads the whole log as CSV or PDF for the person's innsyn request; the export is logged. */
export async function downloadAccessLog(personId: string, format: ExportFormat): Promise<void> {
  let response: Response;
  try {
    const url = `${location.origin}/api/intake/v1/persons/${encodeURIComponent(personId)}/access-log/export?format=${format}`;
    const token = getToken();
    response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch (cause) {
    throw new NetworkError(cause);
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => ({}));
    throw new ApiProblem(response.status, asProblemBody(body));
  }
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `tilgangslogg.${format}`;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}
