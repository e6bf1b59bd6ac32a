import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { application, APPLICATION_ID, signInAs } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi } from '@/test/render';

import { ApplicationList } from '../application-list/application-list';

const BASE = `/api/intake/v1/applications/${APPLICATION_ID}`;

beforeEach(async () => {
  await setLanguage('nb');
  signInAs(['saksbehandler']);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ApplicationSteps', { timeout: 60_000 }, () => {
  it('records a foreløpig svar with If-Match, and checks the dates before sending', async () => {
    let sent: { body: unknown; ifMatch: string | null } | null = null;
    stubApi({
      [`POST ${BASE}/interim-reply`]: async (request) => {
        sent = { body: await request.json(), ifMatch: request.headers.get('If-Match') };
        return jsonResponse({ ...application, interim_reply_sent_on: '2026-11-30', version: 2 });
      },
    });
    renderWithProviders(<ApplicationList applications={[{ ...application, version: 3 } as never]} actions />);

    await userEvent.click(screen.getByTestId('interim-open'));
    const form = screen.getByTestId('interim-form');
    const sentOn = within(form).getByLabelText(/Sendt dato/);
    await userEvent.clear(sentOn);
    await userEvent.type(sentOn, '30.11.2026');
    await userEvent.type(within(form).getByLabelText(/Vedtak forventes innen/), '15.11.2026');
    await userEvent.type(within(form).getByLabelText('Hvorfor saken tar tid'), 'Vi venter på opplysninger fra fastlegen.');
    await userEvent.click(within(form).getByRole('button', { name: 'Registrer foreløpig svar' }));

    expect(await within(form).findAllByText('Forventet vedtaksdato må være etter datoen det foreløpige svaret ble sendt.')).not.toHaveLength(0);
    expect(sent).toBeNull();

    const expected = within(form).getByLabelText(/Vedtak forventes innen/);
    await userEvent.clear(expected);
    await userEvent.type(expected, '15.01.2027');
    await userEvent.click(within(form).getByRole('button', { name: 'Registrer foreløpig svar' }));

    expect(await screen.findByTestId('interim-recorded')).toBeInTheDocument();
    expect(sent!.ifMatch).toBe('"3"');
    expect(sent!.body).toEqual({ sent_on: '2026-11-30', expected_decision_by: '2027-01-15', reason: 'Vi venter på opplysninger fra fastlegen.' });
  });

  it('withdraws with a reason, and says someone else changed the application on a 412', async () => {
    const calls: unknown[] = [];
    stubApi({
      [`POST ${BASE}/status`]: async (request) => {
        calls.push(await request.json());
        return jsonResponse({ title: 'Precondition Failed', status: 412 }, 412, 'application/problem+json');
      },
    });
    renderWithProviders(<ApplicationList applications={[application as never]} actions />);

    await userEvent.click(screen.getByTestId('withdraw-open'));
    const form = screen.getByTestId('withdraw-form');
    await userEvent.click(within(form).getByRole('button', { name: 'Bekreft at søknaden trekkes' }));
    expect(await within(form).findByText('Hvorfor søknaden trekkes må fylles ut.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);

    await userEvent.type(within(form).getByLabelText('Hvorfor søknaden trekkes'), 'Personen ønsker ikke tjenesten likevel.');
    await userEvent.click(within(form).getByRole('button', { name: 'Bekreft at søknaden trekkes' }));

    expect(await within(form).findByTestId('stale-alert')).toHaveTextContent('Noen andre har endret søknaden');
    await waitFor(() => expect(calls).toEqual([{ status: 'withdrawn', reason: 'Personen ønsker ikke tjenesten likevel.' }]));
  });
});
