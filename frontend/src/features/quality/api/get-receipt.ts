import { useMutation } from '@tanstack/react-query';

import { qualityClient, unwrap } from '@/lib/api-client';

import type { ReceiptRead } from './types';

/** The status and outcome of an anonymous report, looked up by its receipt code (asked for, not cached). */
export function useReceiptLookup() {
  return useMutation<ReceiptRead, unknown, string>({
    mutationFn: (code) => unwrap(qualityClient.GET('/api/quality/v1/deviations/receipts/{code}', { params: { path: { code } } })),
  });
}
