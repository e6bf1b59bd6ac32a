import { describe, expect, it } from 'vitest';

import { ApiProblem, NetworkError, problemKey } from './problem';

describe('problemKey', () => {
  it('names a problem by its type when the type is one of ours', () => {
    const error = new ApiProblem(422, { type: 'https://mestring.no/problems/validation', title: 'x', status: 422 });
    expect(problemKey(error)).toBe('validation');
  });

  it('falls back to the status when the type is about:blank or unknown', () => {
    expect(problemKey(new ApiProblem(404, { type: 'about:blank' }))).toBe('notFound');
    expect(problemKey(new ApiProblem(503, { type: 'https://mestring.no/problems/something-new' }))).toBe('serviceUnavailable');
    expect(problemKey(new ApiProblem(500))).toBe('internal');
    expect(problemKey(new ApiProblem(418))).toBe('unknown');
  });

  it('tells a request that never got an answer from one that failed', () => {
    expect(problemKey(new NetworkError(new TypeError('Failed to fetch')))).toBe('network');
    expect(problemKey(new Error('boom'))).toBe('unknown');
  });
});
