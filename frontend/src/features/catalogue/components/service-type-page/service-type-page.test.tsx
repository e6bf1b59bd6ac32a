import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { careLevel, criteriaVersion, serviceType } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage } from '@/test/render';

import { ServiceTypePage } from './service-type-page';

const home = careLevel(3, 'Hjemmebaserte tjenester');

function stubApi(routes: Record<string, () => Response>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const route = routes[url.pathname];
    if (route) return route();
    return jsonResponse({ type: 'https://mestring.no/problems/not-found', title: 'Not found', status: 404 }, 404, 'application/problem+json');
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

beforeEach(async () => {
  await setLanguage('nb');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ServiceTypePage', () => {
  it('shows the service, its units, the criteria in force in words and every version', async () => {
    const current = criteriaVersion(2, {
      effective_from: '2024-01-01',
      in_force: true,
      conditions: [{ metric: 'adl_mean', op: '>=', value: 3 }],
    });
    const previous = criteriaVersion(1, { effective_from: '2021-01-01', effective_to: '2023-12-31' });
    stubApi({
      '/api/catalogue/v1/service-types/hjemmesykepleie': () =>
        jsonResponse(
          serviceType('hjemmesykepleie', home, {
            current_criteria: current,
            units: [{ code: 'ski', name: 'Hjemmetjenesten Ski', kind: 'home_care_zone', capacity: '120', capacity_unit: 'persons' }],
          }),
        ),
      '/api/catalogue/v1/service-types/hjemmesykepleie/criteria': () => jsonResponse({ items: [previous, current], next_cursor: null }),
      '/api/catalogue/v1/criteria-metrics': () =>
        jsonResponse([{ code: 'adl_mean', kind: 'number', label: { nb: 'ADL-gjennomsnitt', nn: '', en: 'ADL mean' }, low: 1, high: 5, choices: [] }]),
      '/api/catalogue/v1/care-levels': () => jsonResponse({ items: [home], next_cursor: null }),
    });

    renderWithProviders(<ServiceTypePage />, { path: '/tjenester/:code', route: '/tjenester/hjemmesykepleie' });

    expect(await screen.findByRole('heading', { level: 1, name: 'hjemmesykepleie' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Tildelingskriterier' })).toBeInTheDocument();
    expect(screen.getByText('Tjenesten tildeles med enkeltvedtak.')).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: 'Hjemmetjenesten Ski' })).toBeInTheDocument();
    expect(screen.getByText('120 personer')).toBeInTheDocument();
    expect(await screen.findByText('ADL-gjennomsnitt ≥ 3')).toBeInTheDocument();

    const history = await screen.findByRole('table', { name: /Alle versjoner/ });
    const rows = within(history).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      '2fra 1. januar 2024Gjelder nå',
      '11. januar 2021 – 31. desember 2023Utløpt',
    ]);
  });

  it('says «Fant ikke tjenesten» for a code the catalogue does not have', async () => {
    stubApi({});

    renderWithProviders(<ServiceTypePage />, { path: '/tjenester/:code', route: '/tjenester/finnes-ikke' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Fant ikke tjenesten' })).toBeInTheDocument();
    expect(screen.getByText(/«finnes-ikke»/)).toBeInTheDocument();
  });

  it('sends the bearer token with every request', async () => {
    sessionStorage.setItem('mestring.token', 'x.eyJzdWIiOiJhIiwibXVuaWNpcGFsaXR5IjoiMzIwNyIsImV4cCI6OTk5OTk5OTk5OX0.y');
    const fetchMock = stubApi({});

    renderWithProviders(<ServiceTypePage />, { path: '/tjenester/:code', route: '/tjenester/x' });
    await screen.findByRole('heading', { level: 1 });

    const request = fetchMock.mock.calls[0]![0] as Request;
    expect(request.headers.get('Authorization')).toMatch(/^Bearer x\./);
  });
});
