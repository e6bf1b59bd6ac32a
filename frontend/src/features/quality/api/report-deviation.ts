import { useMutation, useQueryClient } from '@tanstack/react-query';

import { qualityClient, unwrap } from '@/lib/api-client';
import { useIdempotencyKey } from '@/lib/idempotency';
import { queryKeys } from '@/lib/query-keys';

import type { DeviationCreate, DeviationCreated } from './types';

export function reportDeviation(body: DeviationCreate, idempotencyKey: string): Promise<DeviationCreated> {
  return unwrap(
    qualityClient.POST('/api/quality/v1/deviations', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } }),
  );
}

/** The quick report; a retry of the same report sends the same Idempotency-Key, so it is never saved twice. */
export function useReportDeviation() {
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  return useMutation<DeviationCreated, unknown, DeviationCreate>({
    mutationFn: (body) => reportDeviation(body, keyFor(body)),
    onSuccess: async (created) => {
      if (!created.is_anonymous) queryClient.setQueryData(queryKeys.quality.deviation(created.id), created);
      await queryClient.invalidateQueries({ queryKey: queryKeys.quality.lists() });
    },
  });
}
