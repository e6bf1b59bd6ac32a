/**
 * Typed clients for the services, generated from their OpenAPI specs (`npm run gen:api`).
 * Every request carries the bearer token; a 401 from any API signs the user out,
 * which sends them back to the sign-in page.
 */
import createClient, { type Middleware } from 'openapi-fetch';

import { getToken, signOut } from './auth';
import type { paths as CataloguePaths } from './api/catalogue';
import type { paths as CoordinationPaths } from './api/coordination';
import type { paths as IntakePaths } from './api/intake';
import type { paths as WelfaretechPaths } from './api/welfaretech';
import type { paths as QualityPaths } from './api/quality';
import { ApiProblem, NetworkError, asProblemBody } from './problem';

const authMiddleware: Middleware = {
  onRequest({ request }) {
    const token = getToken();
    if (token && !request.headers.has('Authorization')) {
      request.headers.set('Authorization', `Bearer ${token}`);
    }
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) signOut('expired');
    return response;
  },
};

function serviceClient<Paths extends object>() {
  const client = createClient<Paths>({
    // Same origin as the SPA; absolute, because a Request needs an absolute URL outside browsers (tests).
    baseUrl: typeof location === 'undefined' ? '' : location.origin,
    // Looked up per call, so tests can stub the global fetch.
    fetch: (request) => globalThis.fetch(request),
  });
  client.use(authMiddleware);
  return client;
}

export const catalogueClient = serviceClient<CataloguePaths>();
export const intakeClient = serviceClient<IntakePaths>();
export const welfaretechClient = serviceClient<WelfaretechPaths>();
export const qualityClient = serviceClient<QualityPaths>();
export const coordinationClient = serviceClient<CoordinationPaths>();

type ApiResult<T> = { data?: T; error?: unknown; response: Response };

/** Awaits an openapi-fetch call: its data, or an ApiProblem / NetworkError to throw into TanStack Query. */
export async function unwrap<T>(call: Promise<ApiResult<T>>): Promise<T> {
  let result: ApiResult<T>;
  try {
    result = await call;
  } catch (cause) {
    throw new NetworkError(cause);
  }
  if (!result.response.ok || result.error !== undefined) {
    throw new ApiProblem(result.response.status, asProblemBody(result.error));
  }
  return result.data as T;
}

/** Plain JSON fetch for endpoints outside the generated specs (the dev token issuer). */
export async function fetchJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
    });
  } catch (cause) {
    throw new NetworkError(cause);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiProblem(response.status, asProblemBody(body));
  return body as T;
}

type Page<T> = { items: T[]; next_cursor?: string | null };

/** Follows `next_cursor` until the list ends (bounded, so a broken cursor cannot loop forever). */
export async function collectPages<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>, maxPages = 20): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(cursor);
    items.push(...result.items);
    if (!result.next_cursor) return items;
    cursor = result.next_cursor;
  }
  return items;
}
