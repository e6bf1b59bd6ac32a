import { queryOptions, useQuery } from '@tanstack/react-query';

import { intakeClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

import type { TimelineEntry } from './types';

/** Oldest first; entries on the same day keep the order the service gave them. */
export function sortTimeline(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (a.entry.on === b.entry.on ? a.index - b.index : a.entry.on < b.entry.on ? -1 : 1))
    .map(({ entry }) => entry);
}

/** The person's case history by date: applications received, interim replies due, assessments. */
export const personTimelineQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.intake.persons.timeline(id),
    queryFn: async ({ signal }) =>
      sortTimeline(
        await unwrap(
          intakeClient.GET('/api/intake/v1/persons/{person_id}/timeline', { params: { path: { person_id: id } }, signal }),
        ),
      ),
  });

export function usePersonTimeline(id: string) {
  return useQuery(personTimelineQuery(id));
}
