import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import { coordinationClient, intakeClient, qualityClient, unwrap, welfaretechClient } from '@/lib/api-client';
import { getToken } from '@/lib/auth';
import { ApiProblem, NetworkError, asProblemBody } from '@/lib/problem';
import { queryKeys } from '@/lib/query-keys';

import type { AccessLogEntry } from './types';

const PAGE_SIZE = 50;

/**
 * The services that keep their own access log of the person: intake's, and the logs of
 * coordination, welfare technology and quality, read through their own APIs (each service
 * decides who may read its log; a refusal is itself logged there).
 */
export const ACCESS_LOG_SOURCES = ['intake', 'coordination', 'welfaretech', 'quality'] as const;
export type AccessLogSource = (typeof ACCESS_LOG_SOURCES)[number];

type LogPage = { items: AccessLogEntry[]; next_cursor?: string | null };

function fetchPage(source: AccessLogSource, personId: string, cursor: string | null, signal: AbortSignal): Promise<LogPage> {
  const params = { path: { person_id: personId }, query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } };
  switch (source) {
    case 'intake':
      return unwrap(intakeClient.GET('/api/intake/v1/persons/{person_id}/access-log', { params, signal }));
    case 'coordination':
      return unwrap(coordinationClient.GET('/api/coordination/v1/persons/{person_id}/access-log', { params, signal }));
    case 'welfaretech':
      return unwrap(welfaretechClient.GET('/api/welfaretech/v1/persons/{person_id}/access-log', { params, signal }));
    case 'quality':
      return unwrap(qualityClient.GET('/api/quality/v1/persons/{person_id}/access-log', { params, signal }));
  }
}

/** One service's log of the person, newest first, a page at a time. Reading it is itself logged. */
export const personAccessLogQuery = (personId: string, source: AccessLogSource = 'intake') =>
  infiniteQueryOptions({
    queryKey: [...queryKeys.intake.persons.accessLog(personId), source] as const,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => fetchPage(source, personId, pageParam, signal),
    getNextPageParam: (page) => page.next_cursor ?? null,
    staleTime: 0,
    retry: false,
  });

/** Fetched only when `enabled` (the log is opened), so nobody reads it by accident. */
export function usePersonAccessLog(personId: string, enabled: boolean, source: AccessLogSource = 'intake') {
  return useInfiniteQuery({ ...personAccessLogQuery(personId, source), enabled });
}

export type ExportFormat = 'csv' | 'pdf';

/** The formats each service exports its log in: the printable PDF is intake's. */
export const EXPORT_FORMATS: Record<AccessLogSource, readonly ExportFormat[]> = {
  intake: ['pdf', 'csv'],
  coordination: ['csv'],
  welfaretech: ['csv'],
  quality: ['csv'],
};

/** The address of a service's export of the person's log. */
export const accessLogExportPath = (personId: string, format: ExportFormat, source: AccessLogSource = 'intake') =>
  `/api/${source}/v1/persons/${encodeURIComponent(personId)}/access-log/export?format=${format}`;

/** Downloads the whole log as CSV or PDF for the person's innsyn request; the export is logged. */
export async function downloadAccessLog(personId: string, format: ExportFormat, source: AccessLogSource = 'intake'): Promise<void> {
  let response: Response;
  try {
    const url = `${location.origin}${accessLogExportPath(personId, format, source)}`;
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
