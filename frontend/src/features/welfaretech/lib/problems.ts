/**
 * Welfaretech's problems in its own words, told apart by the problem's `type` (each 409 the
 * service answers has its own, listed in its OpenAPI): a missing legal basis (consent or pbrl
 * § 4-6 a), a device already on loan or out of stock, a loan already ended, … and a document
 * changed by someone else (412). Anything else is the shared problem message.
 */
import { ApiProblem, PROBLEM_BASE } from '@/lib/problem';

const BY_TYPE = {
  'legal-basis-missing': 'legalBasisMissing',
  'device-on-loan': 'deviceOnLoan',
  'device-not-available': 'deviceNotAvailable',
  'loan-ended': 'loanEnded',
  'recommendation-not-accepted': 'notAccepted',
  'provided-otherwise': 'providedOtherwise',
  'recommendation-decided': 'alreadyDecided',
  'referral-closed': 'referralClosed',
  'not-without-capacity': 'notLegalCandidate',
  'measurement-exists': 'hasBaseline',
  'baseline-missing': 'noBaseline',
  'technology-exists': 'technologyExists',
  'serial-exists': 'serialExists',
} as const;

export type WtProblemKey = (typeof BY_TYPE)[keyof typeof BY_TYPE] | 'stale';

export function isLegalBasisMissing(error: unknown): boolean {
  return error instanceof ApiProblem && error.problem.type === `${PROBLEM_BASE}legal-basis-missing`;
}

/** The feature's message for `error`, or null for the shared message. */
export function wtProblemKey(error: unknown): WtProblemKey | null {
  if (!(error instanceof ApiProblem)) return null;
  if (error.status === 412) return 'stale';
  const type = error.problem.type ?? '';
  if (!type.startsWith(PROBLEM_BASE)) return null;
  const slug = type.slice(PROBLEM_BASE.length);
  return Object.hasOwn(BY_TYPE, slug) ? BY_TYPE[slug as keyof typeof BY_TYPE] : null;
}
