/** Steps on an open application: withdraw it, record the foreløpig svar (fvl § 11 a); each needs `If-Match` with the version shown. */
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { intakeClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

import type { ApplicationRead, InterimReply } from './types';

const etag = (version: number) => `"${version}"`;

function useRefreshApplication() {
  const queryClient = useQueryClient();
  return async (application: ApplicationRead) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.intake.applications.all() }),
      queryClient.invalidateQueries({ queryKey: queryKeys.intake.persons.timeline(application.person.id) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.intake.worklist() }),
    ]);
  };
}

/** After a 412 the list is fetched again, so the card shows what is stored now. */
export function useReloadApplications() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: queryKeys.intake.applications.all() });
}

/** «Trekk søknaden»: the person no longer wants the services; the reason is required. */
export function useWithdrawApplication() {
  const refresh = useRefreshApplication();
  return useMutation<ApplicationRead, unknown, { id: string; version: number; reason: string }>({
    mutationFn: ({ id, version, reason }) =>
      unwrap(
        intakeClient.POST('/api/intake/v1/applications/{application_id}/status', {
          body: { status: 'withdrawn', reason },
          params: { path: { application_id: id }, header: { 'If-Match': etag(version) } },
        }),
      ),
    onSuccess: refresh,
  });
}

/** «Registrer foreløpig svar»: why the case takes time and when a decision can be expected. */
export function useRecordInterimReply() {
  const refresh = useRefreshApplication();
  return useMutation<ApplicationRead, unknown, { id: string; version: number; body: InterimReply }>({
    mutationFn: ({ id, version, body }) =>
      unwrap(
        intakeClient.POST('/api/intake/v1/applications/{application_id}/interim-reply', {
          body,
          params: { path: { application_id: id }, header: { 'If-Match': etag(version) } },
        }),
      ),
    onSuccess: refresh,
  });
}

/** The foreløpig svar letter as a PDF, in the person's language. */
export async function getInterimReplyPdf(id: string): Promise<Blob> {
  return unwrap(
    intakeClient.GET('/api/intake/v1/applications/{application_id}/interim-reply/letter', {
      params: { path: { application_id: id } },
      headers: { Accept: 'application/pdf' },
      parseAs: 'blob',
    }),
  );
}
