/**
 * The quality system: ROS analyses, the procedure library, internal audits, supervision findings
 * and their measures, and a deviation's references to them. Queries under ['quality', 'system'];
 * edits send If-Match with the version shown (a stale one is a 412 and the page reads it again).
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type { components } from '@/lib/api/quality';
import { collectPages, qualityClient, unwrap } from '@/lib/api-client';
import { useIdempotencyKey } from '@/lib/idempotency';
import { ApiProblem } from '@/lib/problem';

type Schemas = components['schemas'];
export type RosSummary = Schemas['RosSummary'];
export type RosRead = Schemas['RosRead'];
export type RosCreate = Schemas['RosCreate'];
export type HazardRead = Schemas['HazardRead'];
export type HazardIn = Schemas['HazardIn'];
export type HazardChoice = Schemas['HazardChoice'];
export type MeasureRead = Schemas['MeasureRead'];
export type MeasureIn = Schemas['MeasureIn'];
export type MeasureUpdate = Schemas['MeasureUpdate'];
export type ProcedureSummary = Schemas['ProcedureSummary'];
export type ProcedureRead = Schemas['ProcedureRead'];
export type ProcedureCreate = Schemas['ProcedureCreate'];
export type ProcedureRevision = Schemas['ProcedureRevision'];
export type ProcedureReaders = Schemas['ProcedureReaders'];
export type AuditSummary = Schemas['AuditSummary'];
export type AuditRead = Schemas['AuditRead'];
export type AuditCreate = Schemas['AuditCreate'];
export type AuditRecord = Schemas['AuditRecord'];
export type FindingSummary = Schemas['FindingSummary'];
export type FindingRead = Schemas['FindingRead'];
export type FindingCreate = Schemas['FindingCreate'];
export type DeviationReferencesRead = Schemas['DeviationReferencesRead'];
export type DeviationReferencesIn = Schemas['DeviationReferencesIn'];
export type RosStatus = Schemas['RosStatus'];
export type AuditStatus = Schemas['AuditStatus'];
export type FindingStatus = Schemas['FindingStatus'];
export type FindingKind = Schemas['FindingKind'];
export type SupervisionAuthority = Schemas['SupervisionAuthority'];
export type MeasureSource = Schemas['MeasureSource'];

export const ROS_STATUSES: readonly RosStatus[] = ['draft', 'approved'];
export const AUDIT_STATUSES: readonly AuditStatus[] = ['planned', 'completed'];
export const FINDING_STATUSES: readonly FindingStatus[] = ['open', 'closed'];
export const FINDING_KINDS: readonly FindingKind[] = ['breach', 'remark'];
export const AUTHORITIES: readonly SupervisionAuthority[] = ['statsforvalteren', 'helsetilsynet'];
export const MEASURE_SOURCES: readonly MeasureSource[] = ['ros_hazard', 'audit', 'supervision'];

const API = '/api/quality/v1';
const etag = (version: number) => `"${version}"`;

export const systemKeys = {
  all: ['quality', 'system'] as const,
  rosList: () => ['quality', 'system', 'ros'] as const,
  ros: (id: string) => ['quality', 'system', 'ros', id] as const,
  hazards: (unit: string) => ['quality', 'system', 'hazards', unit] as const,
  procedures: (filter: { reviewOverdue: boolean; q: string }) => ['quality', 'system', 'procedures', 'list', filter] as const,
  procedure: (id: string) => ['quality', 'system', 'procedures', 'detail', id] as const,
  readers: (id: string) => ['quality', 'system', 'procedures', 'detail', id, 'readers'] as const,
  audits: () => ['quality', 'system', 'audits'] as const,
  audit: (id: string) => ['quality', 'system', 'audits', id] as const,
  findings: () => ['quality', 'system', 'findings'] as const,
  finding: (id: string) => ['quality', 'system', 'findings', id] as const,
  measures: () => ['quality', 'system', 'measures'] as const,
  references: (deviationId: string) => ['quality', 'system', 'references', deviationId] as const,
};

/** Read everything of the quality system again (after a change, or a 412). */
function useRefreshSystem() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: systemKeys.all });
}

function useOnStale() {
  const refresh = useRefreshSystem();
  return (error: unknown) => {
    if (error instanceof ApiProblem && error.status === 412) void refresh();
  };
}

// ROS ---------------------------------------------------------------------------------------

export function useRosList() {
  return useQuery({
    queryKey: systemKeys.rosList(),
    queryFn: ({ signal }) => collectPages((cursor) => unwrap(qualityClient.GET(`${API}/ros-analyses`, { params: { query: { cursor } }, signal })), 10),
  });
}

export const rosQuery = (id: string) =>
  queryOptions({
    queryKey: systemKeys.ros(id),
    queryFn: ({ signal }) => unwrap(qualityClient.GET(`${API}/ros-analyses/{analysis_id}`, { params: { path: { analysis_id: id } }, signal })),
  });

export function useRos(id: string) {
  return useQuery(rosQuery(id));
}

export function useCreateRos() {
  const keyFor = useIdempotencyKey();
  const refresh = useRefreshSystem();
  return useMutation<RosRead, unknown, RosCreate>({
    mutationFn: (body) => unwrap(qualityClient.POST(`${API}/ros-analyses`, { body, params: { header: { 'Idempotency-Key': keyFor(body) } } })),
    onSuccess: () => void refresh(),
  });
}

export function useAddHazard() {
  const queryClient = useQueryClient();
  const onError = useOnStale();
  return useMutation<RosRead, unknown, { id: string; version: number; body: HazardIn }>({
    mutationFn: ({ id, version, body }) =>
      unwrap(
        qualityClient.POST(`${API}/ros-analyses/{analysis_id}/hazards`, {
          body,
          params: { path: { analysis_id: id }, header: { 'If-Match': etag(version) } },
        }),
      ),
    onSuccess: (analysis) => {
      queryClient.setQueryData(systemKeys.ros(analysis.id), analysis);
      void queryClient.invalidateQueries({ queryKey: systemKeys.rosList() });
    },
    onError,
  });
}

export function useApproveRos() {
  const queryClient = useQueryClient();
  const onError = useOnStale();
  return useMutation<RosRead, unknown, { id: string; version: number }>({
    mutationFn: ({ id, version }) =>
      unwrap(
        qualityClient.POST(`${API}/ros-analyses/{analysis_id}/approve`, {
          params: { path: { analysis_id: id }, header: { 'If-Match': etag(version) } },
        }),
      ),
    onSuccess: (analysis) => {
      queryClient.setQueryData(systemKeys.ros(analysis.id), analysis);
      void queryClient.invalidateQueries({ queryKey: systemKeys.rosList() });
    },
    onError,
  });
}

export function useAddHazardMeasure() {
  const keyFor = useIdempotencyKey();
  const refresh = useRefreshSystem();
  return useMutation<MeasureRead, unknown, { analysisId: string; hazardId: string; body: MeasureIn }>({
    mutationFn: ({ analysisId, hazardId, body }) =>
      unwrap(
        qualityClient.POST(`${API}/ros-analyses/{analysis_id}/hazards/{hazard_id}/measures`, {
          body,
          params: { path: { analysis_id: analysisId, hazard_id: hazardId }, header: { 'Idempotency-Key': keyFor({ hazardId, body }) } },
        }),
      ),
    onSuccess: () => void refresh(),
  });
}

/** The hazards of a unit's analyses, for a deviation to say which one it confirms. */
export function useUnitHazards(unit: string, enabled: boolean) {
  return useQuery({
    queryKey: systemKeys.hazards(unit),
    queryFn: ({ signal }) => unwrap(qualityClient.GET(`${API}/ros-hazards`, { params: { query: { unit } }, signal })),
    enabled,
  });
}

// Measures ----------------------------------------------------------------------------------

export function useUpdateMeasure() {
  const refresh = useRefreshSystem();
  const onError = useOnStale();
  return useMutation<MeasureRead, unknown, { id: string; version: number; body: MeasureUpdate }>({
    mutationFn: ({ id, version, body }) =>
      unwrap(
        qualityClient.PATCH(`${API}/measures/{measure_id}`, {
          body,
          params: { path: { measure_id: id }, header: { 'If-Match': etag(version) } },
        }),
      ),
    onSuccess: () => void refresh(),
    onError,
  });
}

// Procedures --------------------------------------------------------------------------------

export function useProcedures(filter: { reviewOverdue: boolean; q: string }) {
  return useQuery({
    queryKey: systemKeys.procedures(filter),
    queryFn: ({ signal }) =>
      collectPages(
        (cursor) =>
          unwrap(
            qualityClient.GET(`${API}/procedures`, {
              params: { query: { review_overdue: filter.reviewOverdue, cursor, ...(filter.q.trim() ? { q: filter.q.trim() } : {}) } },
              signal,
            }),
          ),
        10,
      ),
  });
}

export function useProcedure(id: string) {
  return useQuery({
    queryKey: systemKeys.procedure(id),
    queryFn: ({ signal }) => unwrap(qualityClient.GET(`${API}/procedures/{procedure_id}`, { params: { path: { procedure_id: id } }, signal })),
  });
}

export function useProcedureReaders(id: string, enabled: boolean) {
  return useQuery({
    queryKey: systemKeys.readers(id),
    queryFn: ({ signal }) => unwrap(qualityClient.GET(`${API}/procedures/{procedure_id}/readers`, { params: { path: { procedure_id: id } }, signal })),
    enabled,
  });
}

export function useCreateProcedure() {
  const keyFor = useIdempotencyKey();
  const refresh = useRefreshSystem();
  return useMutation<ProcedureRead, unknown, ProcedureCreate>({
    mutationFn: (body) => unwrap(qualityClient.POST(`${API}/procedures`, { body, params: { header: { 'Idempotency-Key': keyFor(body) } } })),
    onSuccess: () => void refresh(),
  });
}

export function useReviseProcedure() {
  const queryClient = useQueryClient();
  const refresh = useRefreshSystem();
  const onError = useOnStale();
  return useMutation<ProcedureRead, unknown, { id: string; version: number; body: ProcedureRevision }>({
    mutationFn: ({ id, version, body }) =>
      unwrap(
        qualityClient.POST(`${API}/procedures/{procedure_id}/revisions`, {
          body,
          params: { path: { procedure_id: id }, header: { 'If-Match': etag(version) } },
        }),
      ),
    onSuccess: (procedure) => {
      queryClient.setQueryData(systemKeys.procedure(procedure.id), procedure);
      void refresh();
    },
    onError,
  });
}

/** «Lest og forstått»: the caller confirms the version in force. */
export function useConfirmProcedure() {
  const queryClient = useQueryClient();
  const refresh = useRefreshSystem();
  return useMutation<ProcedureRead, unknown, { id: string; version: number }>({
    mutationFn: ({ id, version }) =>
      unwrap(qualityClient.POST(`${API}/procedures/{procedure_id}/receipts`, { body: { version }, params: { path: { procedure_id: id } } })),
    onSuccess: (procedure) => {
      queryClient.setQueryData(systemKeys.procedure(procedure.id), procedure);
      void refresh();
    },
    onError: () => void refresh(),
  });
}

// Internal audits and supervision -----------------------------------------------------------

export function useAudits() {
  return useQuery({
    queryKey: systemKeys.audits(),
    queryFn: ({ signal }) => collectPages((cursor) => unwrap(qualityClient.GET(`${API}/audits`, { params: { query: { cursor } }, signal })), 10),
  });
}

export function useAudit(id: string) {
  return useQuery({
    queryKey: systemKeys.audit(id),
    queryFn: ({ signal }) => unwrap(qualityClient.GET(`${API}/audits/{audit_id}`, { params: { path: { audit_id: id } }, signal })),
  });
}

export function usePlanAudit() {
  const keyFor = useIdempotencyKey();
  const refresh = useRefreshSystem();
  return useMutation<AuditRead, unknown, AuditCreate>({
    mutationFn: (body) => unwrap(qualityClient.POST(`${API}/audits`, { body, params: { header: { 'Idempotency-Key': keyFor(body) } } })),
    onSuccess: () => void refresh(),
  });
}

export function useRecordAudit() {
  const queryClient = useQueryClient();
  const refresh = useRefreshSystem();
  const onError = useOnStale();
  return useMutation<AuditRead, unknown, { id: string; version: number; body: AuditRecord }>({
    mutationFn: ({ id, version, body }) =>
      unwrap(
        qualityClient.POST(`${API}/audits/{audit_id}/record`, {
          body,
          params: { path: { audit_id: id }, header: { 'If-Match': etag(version) } },
        }),
      ),
    onSuccess: (audit) => {
      queryClient.setQueryData(systemKeys.audit(audit.id), audit);
      void refresh();
    },
    onError,
  });
}

export function useFindings() {
  return useQuery({
    queryKey: systemKeys.findings(),
    queryFn: ({ signal }) => collectPages((cursor) => unwrap(qualityClient.GET(`${API}/supervision-findings`, { params: { query: { cursor } }, signal })), 10),
  });
}

export function useFinding(id: string) {
  return useQuery({
    queryKey: systemKeys.finding(id),
    queryFn: ({ signal }) =>
      unwrap(qualityClient.GET(`${API}/supervision-findings/{finding_id}`, { params: { path: { finding_id: id } }, signal })),
  });
}

export function useRecordFinding() {
  const keyFor = useIdempotencyKey();
  const refresh = useRefreshSystem();
  return useMutation<FindingRead, unknown, FindingCreate>({
    mutationFn: (body) =>
      unwrap(qualityClient.POST(`${API}/supervision-findings`, { body, params: { header: { 'Idempotency-Key': keyFor(body) } } })),
    onSuccess: () => void refresh(),
  });
}

export function useAddFindingMeasure() {
  const keyFor = useIdempotencyKey();
  const refresh = useRefreshSystem();
  return useMutation<MeasureRead, unknown, { findingId: string; body: MeasureIn }>({
    mutationFn: ({ findingId, body }) =>
      unwrap(
        qualityClient.POST(`${API}/supervision-findings/{finding_id}/measures`, {
          body,
          params: { path: { finding_id: findingId }, header: { 'Idempotency-Key': keyFor({ findingId, body }) } },
        }),
      ),
    onSuccess: () => void refresh(),
  });
}

export function useCloseFinding() {
  const queryClient = useQueryClient();
  const refresh = useRefreshSystem();
  const onError = useOnStale();
  return useMutation<FindingRead, unknown, { id: string; version: number; closingNote: string }>({
    mutationFn: ({ id, version, closingNote }) =>
      unwrap(
        qualityClient.POST(`${API}/supervision-findings/{finding_id}/close`, {
          body: { closing_note: closingNote },
          params: { path: { finding_id: id }, header: { 'If-Match': etag(version) } },
        }),
      ),
    onSuccess: (finding) => {
      queryClient.setQueryData(systemKeys.finding(finding.id), finding);
      void refresh();
    },
    onError,
  });
}

// A deviation's references ------------------------------------------------------------------

export function useDeviationReferences(deviationId: string) {
  return useQuery({
    queryKey: systemKeys.references(deviationId),
    queryFn: ({ signal }) =>
      unwrap(qualityClient.GET(`${API}/deviations/{deviation_id}/references`, { params: { path: { deviation_id: deviationId } }, signal })),
  });
}

export function useSetDeviationReferences() {
  const queryClient = useQueryClient();
  return useMutation<DeviationReferencesRead, unknown, { deviationId: string; body: DeviationReferencesIn }>({
    mutationFn: ({ deviationId, body }) =>
      unwrap(qualityClient.PUT(`${API}/deviations/{deviation_id}/references`, { body, params: { path: { deviation_id: deviationId } } })),
    onSuccess: (references) => {
      queryClient.setQueryData(systemKeys.references(references.deviation_id), references);
      void queryClient.invalidateQueries({ queryKey: ['quality', 'deviations', 'detail', references.deviation_id] });
      void queryClient.invalidateQueries({ queryKey: systemKeys.all });
    },
  });
}
