import { queryOptions, useQuery } from '@tanstack/react-query';

import { intakeClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** The functional variables (IPLOS) the assessment scores, with their group and scale; they rarely change. */
export const functionalVariablesQuery = () =>
  queryOptions({
    queryKey: queryKeys.intake.functionalVariables(),
    queryFn: ({ signal }) => unwrap(intakeClient.GET('/api/intake/v1/functional-variables', { signal })),
    staleTime: 60 * 60 * 1000,
  });

export function useFunctionalVariables() {
  return useQuery(functionalVariablesQuery());
}
