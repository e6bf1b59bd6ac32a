import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { qualityClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

import type { DeviationCategory } from './types';

export type StatisticsFilter = { first: string; last: string; unit?: string; category?: DeviationCategory };

const query = (filter: StatisticsFilter) => ({
  first: filter.first,
  last: filter.last,
  ...(filter.unit ? { unit: filter.unit } : {}),
  ...(filter.category ? { category: filter.category } : {}),
});

/** Counts by category, unit, risk level and status, the heat map and the monthly trend of a period. */
export const statisticsQuery = (filter: StatisticsFilter) =>
  queryOptions({
    queryKey: queryKeys.quality.statistics(filter),
    queryFn: ({ signal }) => unwrap(qualityClient.GET('/api/quality/v1/statistics', { params: { query: query(filter) }, signal })),
  });

export function useStatistics(filter: StatisticsFilter) {
  return useQuery({ ...statisticsQuery(filter), placeholderData: keepPreviousData });
}

/** The period's deviations as CSV (codes and dates, no free text), through the client so the token goes with it. */
export async function exportStatisticsCsv(filter: StatisticsFilter): Promise<Blob> {
  const csv = await unwrap(
    qualityClient.GET('/api/quality/v1/statistics/export.csv', {
      params: { query: query(filter) },
      headers: { Accept: 'text/csv' },
      parseAs: 'blob',
    }),
  );
  return csv;
}
