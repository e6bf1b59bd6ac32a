/** The steps of a decision after the draft: submit for approval, make it, register delivery, change its status; each needs `If-Match` with the version shown. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { intakeClient, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

import type { DecisionDelivery, DecisionRead, DecisionStatusChange, DecisionUpdate } from './types';

const etag = (version: number) => `"${version}"`;

function useRefreshDecision() {
  const queryClient = useQueryClient();
  return async (decision: DecisionRead) => {
    queryClient.setQueryData(queryKeys.intake.decisions.detail(decision.id), decision);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.intake.decisions.list({ personId: decision.person.id }) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.intake.persons.detail(decision.person.id) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.intake.applications.all() }),
      queryClient.invalidateQueries({ queryKey: queryKeys.intake.worklist() }),
    ]);
  };
}

/** «Fatt vedtak». */
export function useMakeDecision() {
  const refresh = useRefreshDecision();
  return useMutation<DecisionRead, unknown, { id: string; version: number }>({
    mutationFn: ({ id, version }) =>
      unwrap(
        intakeClient.POST('/api/intake/v1/decisions/{decision_id}/make', {
          params: { path: { decision_id: id }, header: { 'If-Match': etag(version) } },
        }),
      ),
    onSuccess: refresh,
  });
}

/** «Send til godkjenning»: where the municipality requires four eyes, another caseworker makes it. */
export function useSubmitDecision() {
  const refresh = useRefreshDecision();
  return useMutation<DecisionRead, unknown, { id: string; version: number }>({
    mutationFn: ({ id, version }) =>
      unwrap(
        intakeClient.POST('/api/intake/v1/decisions/{decision_id}/submit', {
          params: { path: { decision_id: id }, header: { 'If-Match': etag(version) } },
        }),
      ),
    onSuccess: refresh,
  });
}

/** The steps after delivery: «Sett i verk» (in_force), «Registrer evaluering» (evaluated), «Avslutt vedtak» (ended, with a note). */
export function useChangeDecisionStatus() {
  const refresh = useRefreshDecision();
  return useMutation<DecisionRead, unknown, { id: string; version: number; body: DecisionStatusChange }>({
    mutationFn: ({ id, version, body }) =>
      unwrap(
        intakeClient.POST('/api/intake/v1/decisions/{decision_id}/status', {
          body,
          params: { path: { decision_id: id }, header: { 'If-Match': etag(version) } },
        }),
      ),
    onSuccess: refresh,
  });
}

/** «Registrer utsending»: how and when it was sent and received; the answer has the appeal deadline. */
export function useRegisterDelivery() {
  const refresh = useRefreshDecision();
  return useMutation<DecisionRead, unknown, { id: string; version: number; body: DecisionDelivery }>({
    mutationFn: ({ id, version, body }) =>
      unwrap(
        intakeClient.POST('/api/intake/v1/decisions/{decision_id}/delivery', {
          body,
          params: { path: { decision_id: id }, header: { 'If-Match': etag(version) } },
        }),
      ),
    onSuccess: refresh,
  });
}

const LETTER_PATH = '/api/intake/v1/decisions/{decision_id}/letter';

/** The decision letter as HTML, for the preview. */
export async function getDecisionLetterHtml(id: string, signal?: AbortSignal): Promise<string> {
  const html = await unwrap(
    intakeClient.GET(LETTER_PATH, {
      params: { path: { decision_id: id } },
      headers: { Accept: 'text/html' },
      parseAs: 'text',
      signal,
    }),
  );
  return html;
}

/** The letter's HTML for the decision's current version (a new version gives a new letter). */
export const decisionLetterQuery = (id: string, version: number) =>
  queryOptions({
    queryKey: queryKeys.intake.decisions.letter(id, version),
    queryFn: ({ signal }) => getDecisionLetterHtml(id, signal),
  });

export function useDecisionLetter(id: string, version: number) {
  return useQuery(decisionLetterQuery(id, version));
}

/** The decision letter as a PDF. */
export async function getDecisionLetterPdf(id: string): Promise<Blob> {
  const pdf = await unwrap(
    intakeClient.GET(LETTER_PATH, {
      params: { path: { decision_id: id } },
      headers: { Accept: 'application/pdf' },
      parseAs: 'blob',
    }),
  );
  return pdf;
}

/** «Lagre endringene» on a draft (or one waiting for approval); a made decision is never changed (409). */
export function useUpdateDecision() {
  const refresh = useRefreshDecision();
  return useMutation<DecisionRead, unknown, { id: string; version: number; body: DecisionUpdate }>({
    mutationFn: ({ id, version, body }) =>
      unwrap(
        intakeClient.PATCH('/api/intake/v1/decisions/{decision_id}', {
          body,
          params: { path: { decision_id: id }, header: { 'If-Match': etag(version) } },
        }),
      ),
    onSuccess: refresh,
  });
}
