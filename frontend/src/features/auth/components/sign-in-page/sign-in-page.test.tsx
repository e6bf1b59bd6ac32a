import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { getSession } from '@/lib/auth';
import { jsonResponse, renderWithProviders, setLanguage } from '@/test/render';

import { SignInPage } from './sign-in-page';

const users = [
  { username: 'saksbehandler-nordrefollo', name: 'Ingrid Solberg', municipality: '3207', municipality_name: 'Nordre Follo', roles: ['saksbehandler'], units: [] },
  { username: 'admin-nordrefollo', name: 'Silje Bakke', municipality: '3207', municipality_name: 'Nordre Follo', roles: ['admin'], units: [] },
  { username: 'leder-selbu', name: 'Randi Selboe', municipality: '5032', municipality_name: 'Selbu', roles: ['leder'], units: [] },
];

const claims = btoa(JSON.stringify({ sub: 'saksbehandler-nordrefollo', name: 'Ingrid Solberg', municipality: '3207', roles: ['saksbehandler'], exp: 9_999_999_999 }));

beforeEach(async () => {
  await setLanguage('nb');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('SignInPage', () => {
  it('groups the demo users by municipality, each with the role translated', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(users)));

    renderWithProviders(<SignInPage />, { path: '/logg-inn', route: '/logg-inn' });

    const nordreFollo = await screen.findByRole('region', { name: 'Nordre Follo kommune' });
    expect(within(nordreFollo).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Ingrid SolbergSaksbehandler',
      'Silje BakkeAdministrator',
    ]);
    expect(within(screen.getByRole('region', { name: 'Selbu kommune' })).getByRole('button', { name: /Leder/ })).toBeInTheDocument();
  });

  it("links each municipality's public technology catalogue, open without signing in", async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(users)));

    renderWithProviders(<SignInPage />, { path: '/logg-inn', route: '/logg-inn' });

    const selbu = await screen.findByRole('region', { name: 'Selbu kommune' });
    expect(within(selbu).getByRole('link', { name: 'Se teknologikatalogen for Selbu – uten å logge inn' })).toHaveAttribute('href', '/teknologikatalog/5032');
    expect(within(screen.getByRole('region', { name: 'Nordre Follo kommune' })).getByRole('link', { name: /teknologikatalogen for Nordre Follo/ })).toHaveAttribute(
      'href',
      '/teknologikatalog/3207',
    );
  });

  it('signs in with the chosen user and goes to the front page', async () => {
    const fetchMock = vi.fn(async (input: RequestInfo | URL, _init?: RequestInit) => {
      const url = input instanceof Request ? input.url : input.toString();
      return url.endsWith('/api/dev/token')
        ? jsonResponse({ access_token: `h.${claims}.s`, token_type: 'bearer', expires_in: 3600 })
        : jsonResponse(users);
    });
    vi.stubGlobal('fetch', fetchMock);
    const { router } = renderWithProviders(<SignInPage />, { path: '/logg-inn', route: '/logg-inn' });

    await userEvent.click(await screen.findByRole('button', { name: /Ingrid Solberg/ }));

    expect(getSession()?.user.name).toBe('Ingrid Solberg');
    expect(router.state.location.pathname).toBe('/');
    const [, init] = fetchMock.mock.calls.find(([input]) => (input instanceof Request ? input.url : input.toString()).endsWith('/api/dev/token'))!;
    expect(JSON.parse(init?.body as string)).toEqual({ username: 'saksbehandler-nordrefollo' });
  });

  it('explains that demo sign-in is missing outside development', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse({ title: 'Not Found', status: 404 }, 404)));

    renderWithProviders(<SignInPage />, { path: '/logg-inn', route: '/logg-inn' });

    expect(await screen.findByText(/finnes bare i utviklings- og testmiljøer/)).toBeInTheDocument();
  });
});
