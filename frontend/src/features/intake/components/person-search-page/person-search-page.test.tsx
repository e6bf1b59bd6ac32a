import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { signInAs } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage } from '@/test/render';

import { PersonSearchPage } from './person-search-page';

const kari = {
  id: '11111111-1111-1111-1111-111111111111',
  given_name: 'Kari',
  family_name: 'Nordmann',
  birth_date: '1944-05-15',
  national_id_masked: '158544*****',
  city: 'Ski',
};

function stubSearch(items: unknown[] = [kari]) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname === '/api/intake/v1/persons') {
      const q = url.searchParams.get('q') ?? '';
      return jsonResponse({ items: q.toLowerCase().startsWith('nord') ? items : [], next_cursor: null });
    }
    return jsonResponse({ title: 'Not found', status: 404 }, 404, 'application/problem+json');
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const searchedFor = (fetchMock: ReturnType<typeof stubSearch>) =>
  fetchMock.mock.calls.map(([input]) => new URL((input as Request).url).searchParams.get('q'));

beforeEach(async () => {
  await setLanguage('nb');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('PersonSearchPage', () => {
  it('waits until typing pauses, then shows name, birth date, masked national id and city', async () => {
    signInAs(['saksbehandler']);
    const fetchMock = stubSearch();
    renderWithProviders(<PersonSearchPage />, { path: '/personer', route: '/personer' });

    expect(screen.getByRole('heading', { level: 1, name: 'Personer' })).toBeInTheDocument();
    expect(screen.getByText('Skriv inn navn eller fødselsnummer for å søke.')).toBeInTheDocument();

    await userEvent.type(screen.getByRole('searchbox', { name: /Navn eller fødselsnummer/ }), 'nord');

    const table = await screen.findByRole('table', { name: 'Personer som passer til «nord»' });
    const [row] = within(table).getAllByRole('row').slice(1);
    expect(within(row!).getByRole('link', { name: 'Kari Nordmann' })).toHaveAttribute('href', `/personer/${kari.id}`);
    expect(row!.textContent).toContain('15.05.1944');
    expect(row!.textContent).toContain('158544*****');
    expect(row!.textContent).toContain('Ski');
    expect(screen.getByText('Viser 1 person')).toBeInTheDocument();
    // One request for the whole word, none for each letter typed.
    expect(searchedFor(fetchMock)).toEqual(['nord']);
  });

  it('says so when nobody matches, and offers the caseworker to register the person', async () => {
    signInAs(['saksbehandler']);
    stubSearch();
    renderWithProviders(<PersonSearchPage />, { path: '/personer', route: '/personer' });

    await userEvent.type(screen.getByRole('searchbox'), 'Hansen');

    expect(await screen.findByText('Ingen personer passer til «Hansen».')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Registrer en ny person' })).toHaveAttribute('href', '/personer/ny');
    expect(screen.getByRole('link', { name: 'Registrer ny person' })).toBeInTheDocument();
  });

  it('offers no registration to a coordinator, who may only search', async () => {
    signInAs(['koordinator']);
    stubSearch();
    renderWithProviders(<PersonSearchPage />, { path: '/personer', route: '/personer?q=nord' });

    expect(await screen.findByRole('link', { name: 'Kari Nordmann' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Registrer/ })).not.toBeInTheDocument();
  });
});
