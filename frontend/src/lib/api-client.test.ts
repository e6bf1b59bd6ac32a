import { afterEach, describe, expect, it, vi } from 'vitest';

import { catalogueClient, collectPages, unwrap } from './api-client';
import { getSession, lastSignOutReason, signIn } from './auth';
import { ApiProblem, NetworkError } from './problem';

const claims = btoa(JSON.stringify({ sub: 'a', municipality: '3207', roles: [], exp: 9_999_999_999 }));
const token = `h.${claims}.s`;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('unwrap', () => {
  it('signs the user out when an API answers 401, so the app returns to sign-in', async () => {
    signIn(token);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ title: 'Authentication required', status: 401 }), { status: 401 })),
    );

    const call = unwrap(catalogueClient.GET('/api/catalogue/v1/municipality'));

    await expect(call).rejects.toBeInstanceOf(ApiProblem);
    expect(getSession()).toBeNull();
    expect(lastSignOutReason()).toBe('expired');
  });

  it('turns a failed connection into a NetworkError', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );

    await expect(unwrap(catalogueClient.GET('/api/catalogue/v1/municipality'))).rejects.toBeInstanceOf(NetworkError);
  });
});

describe('collectPages', () => {
  it('follows next_cursor until the last page', async () => {
    const pages: Record<string, { items: number[]; next_cursor: string | null }> = {
      start: { items: [1, 2], next_cursor: 'b' },
      b: { items: [3], next_cursor: null },
    };
    const seen: (string | undefined)[] = [];

    const items = await collectPages(async (cursor) => {
      seen.push(cursor);
      return pages[cursor ?? 'start']!;
    });

    expect(items).toEqual([1, 2, 3]);
    expect(seen).toEqual([undefined, 'b']);
  });
});
