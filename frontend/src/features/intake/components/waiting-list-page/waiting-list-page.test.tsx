import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { personSummary, signInAs } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi } from '@/test/render';

import { WaitingListPage } from './waiting-list-page';

const ENTRY_ID = '99999999-9999-9999-9999-999999999999';
const entry = {
  id: ENTRY_ID,
  decision_id: '88888888-8888-8888-8888-888888888888',
  person: personSummary,
  service_type: 'langtidsopphold',
  listed_on: '2026-10-01',
  days_waiting: 60,
  priority: 2,
  status: 'waiting',
  history: [],
  version: 3,
};
const route = { path: '/venteliste', route: '/venteliste' };

beforeEach(async () => {
  await setLanguage('nb');
  signInAs(['saksbehandler']);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('WaitingListPage', { timeout: 60_000 }, () => {
  it('offers a place with If-Match of the version shown', async () => {
    let ifMatch: string | null = null;
    let body: unknown = null;
    stubApi({
      'GET /api/intake/v1/waiting-list': () => jsonResponse([entry]),
      'GET /api/catalogue/v1/service-types': () => jsonResponse({ items: [], next_cursor: null }),
      [`POST /api/intake/v1/waiting-list/${ENTRY_ID}/steps`]: async (request) => {
        ifMatch = request.headers.get('If-Match');
        body = await request.json();
        return jsonResponse({ ...entry, status: 'offered', version: 4 });
      },
    });
    renderWithProviders(<WaitingListPage />, route);

    const card = await screen.findByTestId('waiting-entry');
    await userEvent.click(within(card).getByRole('button', { name: /^Tilby plass/ }));
    const form = screen.getByRole('form', { name: 'Tilby plass for Kari Nordmann' });
    await userEvent.type(within(form).getByLabelText('Enhet som tilbys'), 'Ski sykehjem');
    await userEvent.click(within(form).getByRole('button', { name: 'Tilby plass' }));

    await waitFor(() => expect(ifMatch).toBe('"3"'));
    expect(body).toMatchObject({ action: 'offer', unit: 'Ski sykehjem' });
    expect(await screen.findByText('Ventelisten er oppdatert.')).toBeInTheDocument();
  });

  it('says someone else changed the entry on a 412, and fetches the list again', async () => {
    const list = vi.fn(() => jsonResponse([{ ...entry, status: 'offered' }]));
    stubApi({
      'GET /api/intake/v1/waiting-list': list,
      'GET /api/catalogue/v1/service-types': () => jsonResponse({ items: [], next_cursor: null }),
      [`POST /api/intake/v1/waiting-list/${ENTRY_ID}/steps`]: () =>
        jsonResponse({ title: 'Precondition Failed', status: 412 }, 412, 'application/problem+json'),
    });
    renderWithProviders(<WaitingListPage />, route);

    const card = await screen.findByTestId('waiting-entry');
    await userEvent.click(within(card).getByRole('button', { name: /^Takket ja/ }));

    expect(await within(card).findByRole('heading', { name: 'Noen andre har endret plassen på ventelisten' })).toBeInTheDocument();
    await waitFor(() => expect(list).toHaveBeenCalledTimes(2));
  });
});
