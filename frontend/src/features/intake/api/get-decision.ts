import { queryOptions, useQuery } from '@tanstack/react-query';

import { intakeClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** One decision (vedtak) with its status, rights, criteria cited and deadlines. */
export const decisionQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.intake.decisions.detail(id),
    queryFn: ({ signal }) =>
      unwrap(intakeClient.GET('/api/intake/v1/decisions/{decision_id}', { params: { path: { decision_id: id } }, signal })),
  });

export function useDecision(id: string) {
  return useQuery(decisionQuery(id));
}
