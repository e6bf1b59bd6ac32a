/**
 * User and relatives' surveys: the definitions, their collection links and single-use codes, the
 * results (small groups suppressed by the service), a free-text answer turned into a deviation,
 * and the public answering page's two calls (no sign-in).
 */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { catalogueClient, collectPages, qualityClient, unwrap } from '@/lib/api-client';
import { useIdempotencyKey } from '@/lib/idempotency';
import type { components } from '@/lib/api/quality';

type Schemas = components['schemas'];
export type SurveySummary = Schemas['SurveySummary'];
export type SurveyRead = Schemas['SurveyRead'];
export type SurveyCreate = Schemas['SurveyCreate'];
export type SurveyContent = Schemas['SurveyContent'];
export type SurveyResults = Schemas['SurveyResults'];
export type QuestionKind = Schemas['QuestionKind'];
export type QuestionResult = Schemas['QuestionResultRead'];
export type PublicSurvey = Schemas['PublicSurvey'];
export type AnswerIn = Schemas['AnswerIn'];
export type FeedbackToDeviation = Schemas['FeedbackToDeviation'];
export type TokensCreated = Schemas['TokensCreated'];

export const QUESTION_KINDS: readonly QuestionKind[] = ['scale', 'yes_no', 'text'];

/** Query keys of the surveys, under quality's. */
export const surveyKeys = {
  all: () => ['quality', 'surveys'] as const,
  list: () => ['quality', 'surveys', 'list'] as const,
  detail: (id: string) => ['quality', 'surveys', 'detail', id] as const,
  results: (id: string, filter: ResultsFilter) =>
    ['quality', 'surveys', 'detail', id, 'results', { first: filter.first, last: filter.last, unit: filter.unit ?? null }] as const,
  public: (municipality: string, token: string) => ['quality', 'public-survey', municipality, token] as const,
};

export type ResultsFilter = { first: string; last: string; unit?: string };

export const surveysQuery = () =>
  queryOptions({
    queryKey: surveyKeys.list(),
    queryFn: ({ signal }) =>
      collectPages((cursor) => unwrap(qualityClient.GET('/api/quality/v1/surveys', { params: { query: { cursor } }, signal })), 10),
  });

export function useSurveys() {
  return useQuery(surveysQuery());
}

export const surveyQuery = (id: string) =>
  queryOptions({
    queryKey: surveyKeys.detail(id),
    queryFn: ({ signal }) => unwrap(qualityClient.GET('/api/quality/v1/surveys/{survey_id}', { params: { path: { survey_id: id } }, signal })),
  });

export function useSurvey(id: string) {
  return useQuery(surveyQuery(id));
}

export function useCreateSurvey() {
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  return useMutation<SurveyRead, unknown, SurveyCreate>({
    mutationFn: (body) =>
      unwrap(qualityClient.POST('/api/quality/v1/surveys', { body, params: { header: { 'Idempotency-Key': keyFor(body) } } })),
    onSuccess: async (survey) => {
      queryClient.setQueryData(surveyKeys.detail(survey.id), survey);
      await queryClient.invalidateQueries({ queryKey: surveyKeys.list() });
    },
  });
}

export function useSetSurveyOpen() {
  const queryClient = useQueryClient();
  return useMutation<SurveyRead, unknown, { id: string; version: number; isOpen: boolean }>({
    mutationFn: ({ id, version, isOpen }) =>
      unwrap(
        qualityClient.PUT('/api/quality/v1/surveys/{survey_id}/state', {
          body: { is_open: isOpen },
          params: { path: { survey_id: id }, header: { 'If-Match': `"${version}"` } },
        }),
      ),
    onSuccess: async (survey) => {
      queryClient.setQueryData(surveyKeys.detail(survey.id), survey);
      await queryClient.invalidateQueries({ queryKey: surveyKeys.list() });
    },
  });
}

/** New texts or questions, with If-Match: a new version once anyone has answered (their answers keep theirs). */
export function useReviseSurvey() {
  const queryClient = useQueryClient();
  return useMutation<SurveyRead, unknown, { id: string; version: number; body: SurveyContent }>({
    mutationFn: ({ id, version, body }) =>
      unwrap(
        qualityClient.PUT('/api/quality/v1/surveys/{survey_id}/content', {
          body,
          params: { path: { survey_id: id }, header: { 'If-Match': `"${version}"` } },
        }),
      ),
    onSuccess: async (survey) => {
      queryClient.setQueryData(surveyKeys.detail(survey.id), survey);
      await queryClient.invalidateQueries({ queryKey: surveyKeys.list() });
    },
    onError: async () => {
      await queryClient.invalidateQueries({ queryKey: surveyKeys.all() });
    },
  });
}

/** The unit's collection link (the same one when it exists). */
export function useCreateSurveyLink(surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (unit: string) =>
      unwrap(qualityClient.POST('/api/quality/v1/surveys/{survey_id}/links', { body: { unit }, params: { path: { survey_id: surveyId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveyKeys.detail(surveyId) }),
  });
}

/** Single-use codes for a survey sent by post: shown once. */
export function useIssueSurveyTokens(surveyId: string) {
  return useMutation<TokensCreated, unknown, { unit: string; count: number }>({
    mutationFn: (body) =>
      unwrap(qualityClient.POST('/api/quality/v1/surveys/{survey_id}/tokens', { body, params: { path: { survey_id: surveyId } } })),
  });
}

const resultsQuery = (filter: ResultsFilter) => ({ first: filter.first, last: filter.last, ...(filter.unit ? { unit: filter.unit } : {}) });

export function useSurveyResults(id: string, filter: ResultsFilter) {
  return useQuery({
    queryKey: surveyKeys.results(id, filter),
    queryFn: ({ signal }) =>
      unwrap(qualityClient.GET('/api/quality/v1/surveys/{survey_id}/results', { params: { path: { survey_id: id }, query: resultsQuery(filter) }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** The numbers behind the results as CSV, through the client so the token goes with it. */
export function exportSurveyResultsCsv(id: string, filter: ResultsFilter): Promise<Blob> {
  return unwrap(
    qualityClient.GET('/api/quality/v1/surveys/{survey_id}/results.csv', {
      params: { path: { survey_id: id }, query: resultsQuery(filter) },
      headers: { Accept: 'text/csv' },
      parseAs: 'blob',
    }),
  );
}

/** A free-text answer that tells of a failure becomes a deviation of the answer's unit. */
export function useRouteFeedback(surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ answerId, body }: { answerId: string; body: FeedbackToDeviation }) =>
      unwrap(qualityClient.POST('/api/quality/v1/survey-answers/{answer_id}/deviation', { body, params: { path: { answer_id: answerId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveyKeys.detail(surveyId) }),
  });
}

/** The answering page's survey, without sign-in. */
export function usePublicSurvey(municipality: string, token: string) {
  return useQuery({
    queryKey: surveyKeys.public(municipality, token),
    queryFn: ({ signal }) =>
      unwrap(
        qualityClient.GET('/api/quality/v1/public/{municipality}/surveys/{token}', { params: { path: { municipality, token } }, signal }),
      ),
    retry: false,
    staleTime: Infinity,
  });
}

export function useAnswerSurvey(municipality: string, token: string) {
  return useMutation({
    mutationFn: (body: AnswerIn) =>
      unwrap(
        qualityClient.POST('/api/quality/v1/public/{municipality}/surveys/{token}/answers', { body, params: { path: { municipality, token } } }),
      ),
  });
}

/** The catalogue's service types (code and name), for a survey of one service. */
export function useSurveyServiceTypes() {
  return useQuery({
    queryKey: ['quality', 'surveys', 'service-types'] as const,
    queryFn: ({ signal }) =>
      collectPages((cursor) => unwrap(catalogueClient.GET('/api/catalogue/v1/service-types', { params: { query: { limit: 500, cursor } }, signal }))),
    staleTime: 10 * 60 * 1000,
  });
}
