import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { signInAs } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi } from '@/test/render';

import { units } from '../../test/fixtures';
import { PROCEDURE_ID, procedure } from '../../test/system-fixtures';

import { ProcedurePage } from './procedure-page';

const route = { path: '/kvalitet/prosedyrer/:id', route: `/kvalitet/prosedyrer/${PROCEDURE_ID}` };
const path = `/api/quality/v1/procedures/${PROCEDURE_ID}`;

beforeEach(async () => {
  await setLanguage('nb');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ProcedurePage', () => {
  it('lets an employee confirm the version in force after an older one, and keeps every version', async () => {
    signInAs(['helsepersonell']);
    let sent: unknown = null;
    stubApi({
      'GET /api/catalogue/v1/units': () => jsonResponse(units),
      [`GET ${path}`]: () => jsonResponse(sent ? procedure({ confirmed_by_me: true, my_confirmed_version: 2 }) : procedure()),
      [`POST ${path}/receipts`]: async (request) => {
        sent = await request.json();
        return jsonResponse(procedure({ confirmed_by_me: true, my_confirmed_version: 2 }));
      },
    });
    renderWithProviders(<ProcedurePage />, route);

    expect(await screen.findByRole('heading', { level: 1, name: 'Legemiddelhåndtering i hjemmetjenesten' })).toBeInTheDocument();
    expect(screen.getByTestId('procedure-text')).toHaveTextContent('Dobbeltkontroll ved ny multidoserull');
    expect(screen.getByTestId('confirmed-older')).toHaveTextContent('Du bekreftet versjon 1.');
    expect(screen.getByTestId('review-by')).toHaveTextContent('01.11.2027');
    expect(within(screen.getByTestId('versions')).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByRole('heading', { name: 'Revider prosedyren' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Jeg har lest og forstått versjon 2' }));

    expect(await screen.findByTestId('confirmed')).toHaveTextContent('Du bekreftet versjon 2.');
    expect(sent).toEqual({ version: 2 });
  });

  it('shows the leader who has confirmed, and checks a revision before sending it', async () => {
    signInAs(['leder']);
    const fetchMock = stubApi({
      'GET /api/catalogue/v1/units': () => jsonResponse(units),
      [`GET ${path}`]: () => jsonResponse(procedure({ may_edit: true, is_review_overdue: true })),
      [`GET ${path}/readers`]: () =>
        jsonResponse({
          procedure_id: PROCEDURE_ID,
          current_version: 2,
          confirmed: 1,
          expected: 2,
          readers: [
            { sub: 'a', name: 'Bjørn Lie', confirmed_version: 1, confirmed_at: '2026-10-01T08:00:00Z', has_confirmed_current: false },
            { sub: 'b', name: 'Aisha Rahman', confirmed_version: 2, confirmed_at: '2026-11-02T08:00:00Z', has_confirmed_current: true },
          ],
        }),
    });
    renderWithProviders(<ProcedurePage />, route);

    expect(await screen.findByTestId('readers-count')).toHaveTextContent('1 av 2 har bekreftet versjon 2.');
    const rows = within(screen.getByTestId('readers')).getAllByRole('row').slice(1);
    expect(within(rows[0]!).getByText('Ikke bekreftet')).toBeInTheDocument();
    expect(screen.getByTestId('review-overdue')).toHaveTextContent('Revisjon forfalt');

    await userEvent.click(screen.getByRole('button', { name: 'Lagre ny versjon' }));

    expect(await screen.findByText('Hva er endret må fylles ut.', { selector: 'a' })).toBeInTheDocument();
    await waitFor(() => expect(fetchMock.mock.calls.filter(([input]) => String(input instanceof Request ? input.method : '') === 'POST')).toHaveLength(0));
  });
});
