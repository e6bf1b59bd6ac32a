/**
 * Welfaretech's problems in its own words: a missing legal basis (consent or pbrl § 4-6 a), a
 * recommendation changed by someone else (412), a device already on loan (409). Anything else is
 * the shared problem message.
 */
import { ApiProblem, PROBLEM_BASE } from '@/lib/problem';

export type WtProblemKey = 'legalBasisMissing' | 'stale' | 'deviceUnavailable' | 'alreadyDecided' | 'notLegalCandidate' | 'hasBaseline' | 'noBaseline';
export type ProblemContext = 'loan' | 'decide' | 'legalDecision' | 'measurement' | 'end';

export function isLegalBasisMissing(error: unknown): boolean {
  return error instanceof ApiProblem && error.problem.type === `${PROBLEM_BASE}legal-basis-missing`;
}

/** The feature's message for `error` where it happened, or null for the shared message. */
export function wtProblemKey(error: unknown, context: ProblemContext): WtProblemKey | null {
  if (!(error instanceof ApiProblem)) return null;
  if (isLegalBasisMissing(error)) return 'legalBasisMissing';
  if (error.status === 412) return 'stale';
  if (error.status !== 409) return null;
  if (context === 'loan') return 'deviceUnavailable';
  if (context === 'decide') return 'alreadyDecided';
  if (context === 'legalDecision') return 'notLegalCandidate';
  return null;
}
