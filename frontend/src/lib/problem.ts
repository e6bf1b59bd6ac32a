/**
 * RFC 9457 problems from the services, and how the SPA names them.
 * The UI shows a translated message chosen by `type` (or `status`), never the raw `detail` alone.
 */

export type ProblemFieldError = { field: string; message: string };

export type ProblemBody = {
  type?: string;
  title?: string;
  status?: number;
  detail?: string | null;
  errors?: ProblemFieldError[] | null;
};

export const PROBLEM_BASE = 'https://mestring.no/problems/';

/** Every problem key has a message in locales/<lang>/common.json under `problem`. */
export const PROBLEM_KEYS = [
  'network',
  'badRequest',
  'unauthorized',
  'forbidden',
  'notFound',
  'conflict',
  'preconditionFailed',
  'preconditionRequired',
  'validation',
  'tooManyRequests',
  'serviceUnavailable',
  'internal',
  'unknown',
] as const;
export type ProblemKey = (typeof PROBLEM_KEYS)[number];

const BY_SLUG: Record<string, ProblemKey> = {
  'bad-request': 'badRequest',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  'not-found': 'notFound',
  conflict: 'conflict',
  'precondition-failed': 'preconditionFailed',
  'precondition-required': 'preconditionRequired',
  validation: 'validation',
  'too-many-requests': 'tooManyRequests',
  'service-unavailable': 'serviceUnavailable',
  internal: 'internal',
};

const BY_STATUS: Record<number, ProblemKey> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'notFound',
  409: 'conflict',
  412: 'preconditionFailed',
  422: 'validation',
  428: 'preconditionRequired',
  429: 'tooManyRequests',
  502: 'serviceUnavailable',
  503: 'serviceUnavailable',
  504: 'serviceUnavailable',
};

/** An HTTP error from one of the APIs, carrying the problem it answered with. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly problem: ProblemBody;

  constructor(status: number, problem: ProblemBody = {}) {
    super(problem.title ?? `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = status;
    this.problem = problem;
  }
}

/** The request never got an answer (offline, DNS, connection refused). */
export class NetworkError extends Error {
  constructor(cause?: unknown) {
    super('Network error', { cause });
    this.name = 'NetworkError';
  }
}

export function problemKey(error: unknown): ProblemKey {
  if (error instanceof NetworkError) return 'network';
  if (!(error instanceof ApiProblem)) return 'unknown';
  const type = error.problem.type;
  if (type?.startsWith(PROBLEM_BASE)) {
    const key = BY_SLUG[type.slice(PROBLEM_BASE.length)];
    if (key) return key;
  }
  const byStatus = BY_STATUS[error.status];
  if (byStatus) return byStatus;
  return error.status >= 500 ? 'internal' : 'unknown';
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 404;
}

export function asProblemBody(value: unknown): ProblemBody {
  return typeof value === 'object' && value !== null ? value : {};
}
