import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { signInAs } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi } from '@/test/render';

import { summary, units } from '../../test/fixtures';

import { QueuePage } from './queue-page';

beforeEach(async () => {
  await setLanguage('nb');
  signInAs(['leder']);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('QueuePage', () => {
  it('lists serious first, then by risk and deadline, marks the overdue ones and shows dates as dd.mm.åååå', async () => {
    stubApi({
      'GET /api/catalogue/v1/units': () => jsonResponse(units),
      'GET /api/quality/v1/deviations/queue': () =>
        jsonResponse({
          items: [
            summary({ id: 'a', category: 'fall', risk_score: 4, risk_level: 'low', acknowledge_by: '2026-11-01', is_acknowledgement_late: true }),
            summary({ id: 'b', category: 'documentation', risk_score: 12, risk_level: 'high', acknowledge_by: '2026-11-10' }),
            summary({ id: 'c', category: 'medication', risk_score: 3, risk_level: 'low', is_serious: true, acknowledge_by: '2026-11-12' }),
            summary({ id: 'd', category: 'privacy', risk_score: 12, risk_level: 'high', acknowledge_by: '2026-11-05' }),
          ],
        }),
    });
    renderWithProviders(<QueuePage />, { path: '/avvik/behandling', route: '/avvik/behandling' });

    const table = await screen.findByTestId('queue');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('link')[0]?.textContent)).toEqual([
      'Legemidler',
      'Personvern og taushetsplikt',
      'Dokumentasjon',
      'Fall',
    ]);
    expect(within(rows[0]!).getByText('Alvorlig hendelse')).toBeInTheDocument();
    expect(within(rows[3]!).getByTestId('overdue')).toHaveTextContent('Forfalt');
    expect(within(rows[3]!).getByText('01.11.2026')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Høy risiko · 12')).toBeInTheDocument();
    expect(await within(rows[1]!).findByText('Hjemmetjenesten Ski')).toBeInTheDocument();
    expect(screen.getByTestId('queue-count')).toHaveTextContent('4 åpne avvik, 1 forfalt.');
  });

  it('shows the queue a page at a time and fetches the next page on request', async () => {
    const cursors: (string | null)[] = [];
    stubApi({
      'GET /api/catalogue/v1/units': () => jsonResponse(units),
      'GET /api/quality/v1/deviations/queue': (request) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        cursors.push(cursor);
        return cursor === null
          ? jsonResponse({ items: [summary({ id: 'a', category: 'fall', risk_score: 12, risk_level: 'high' })], next_cursor: 'page-2' })
          : jsonResponse({ items: [summary({ id: 'b', category: 'documentation', risk_score: 4, risk_level: 'low' })], next_cursor: null });
      },
    });
    renderWithProviders(<QueuePage />, { path: '/avvik/behandling', route: '/avvik/behandling' });

    expect(await screen.findByTestId('queue-count')).toHaveTextContent('Viser 1 åpent avvik, 0 forfalt. Flere venter.');
    await userEvent.click(screen.getByRole('button', { name: 'Vis flere avvik' }));

    expect(await screen.findByText('Dokumentasjon')).toBeInTheDocument();
    expect(screen.getByTestId('queue-count')).toHaveTextContent('2 åpne avvik, 0 forfalt.');
    expect(screen.queryByRole('button', { name: 'Vis flere avvik' })).not.toBeInTheDocument();
    expect(cursors).toEqual([null, 'page-2']);
  });

  it('is not offered to a role that does not handle deviations', async () => {
    signInAs(['helsepersonell']);
    stubApi({});
    renderWithProviders(<QueuePage />, { path: '/avvik/behandling', route: '/avvik/behandling' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Ingen tilgang' })).toBeInTheDocument();
  });
});
