/** Test helpers: render inside the app's providers with a router at a given address. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { vi } from 'vitest';

import { changeLanguage, initI18n, type Language } from '@/lib/i18n';

export async function setLanguage(language: Language = 'nb') {
  initI18n(language);
  await changeLanguage(language);
}

export function renderWithProviders(element: ReactElement, { path = '/', route = '/' }: { path?: string; route?: string } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const routes: RouteObject[] = [{ path, element }, { path: '*', element: <p>elsewhere</p> }];
  const router = createMemoryRouter(routes, { initialEntries: [route] });
  return {
    queryClient,
    router,
    ...render(
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    ),
  };
}

export function jsonResponse(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

type Handler = (request: Request) => Response | Promise<Response>;

/**
 * Stubs the global fetch at the boundary the API clients use: each route is `METHOD /path`
 * (`GET /api/intake/v1/persons/…`); anything else is a 404 problem. Returns the mock, to read
 * what was sent.
 */
export function stubApi(routes: Record<string, Handler>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(input.toString(), 'http://localhost'), init);
    const handler = routes[`${request.method} ${new URL(request.url).pathname}`];
    return handler ? handler(request) : jsonResponse({ title: 'Not Found', status: 404 }, 404, 'application/problem+json');
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** A 422 problem naming the fields it rejects. */
export function validationProblem(errors: { field: string; message: string }[]): Response {
  return jsonResponse(
    { type: 'https://mestring.no/problems/validation', title: 'The request breaks a rule', status: 422, errors },
    422,
    'application/problem+json',
  );
}
