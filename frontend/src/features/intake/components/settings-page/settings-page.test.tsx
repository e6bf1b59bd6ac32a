import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { signInAs } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi } from '@/test/render';

import { SettingsPage } from './settings-page';

const PATH = '/api/intake/v1/settings';
const stored = {
  four_eyes: false,
  need_level_rule: { moderate_from: 2.5, extensive_from: 3.5, source: 'Mestrings standardregel', version: 0 },
  need_to_know: { days_after_end: 30, source: 'Mestrings standard etter pasientjournalloven § 16', municipality_own: false },
  version: 0,
};

beforeEach(async () => {
  await setLanguage('nb');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('SettingsPage', { timeout: 60_000 }, () => {
  it('is for the admin only', async () => {
    signInAs(['saksbehandler']);
    stubApi({ [`GET ${PATH}`]: () => jsonResponse(stored) });
    renderWithProviders(<SettingsPage />);
    expect(await screen.findByText('Innstillingene for saksbehandling endres av kommunens administrator.')).toBeInTheDocument();
  });

  it('saves four eyes with If-Match "0" before the first save, sending the rule only when it changed', async () => {
    signInAs(['admin']);
    const sent: { body: unknown; ifMatch: string | null }[] = [];
    stubApi({
      [`GET ${PATH}`]: () => jsonResponse(stored),
      [`PUT ${PATH}`]: async (request) => {
        sent.push({ body: await request.json(), ifMatch: request.headers.get('If-Match') });
        return jsonResponse({ ...stored, four_eyes: true, version: 1 });
      },
    });
    renderWithProviders(<SettingsPage />);

    await userEvent.click(await screen.findByLabelText(/Alle vedtak skal godkjennes av en annen saksbehandler/));
    await userEvent.click(screen.getByRole('button', { name: 'Lagre innstillingene' }));

    expect(await screen.findByTestId('settings-saved')).toHaveTextContent('Innstillingene er lagret.');
    expect(sent).toEqual([{ body: { four_eyes: true }, ifMatch: '"0"' }]);
  });

  it('sets the days an ended service keeps need to know, refusing more than 180 at the field', async () => {
    signInAs(['admin']);
    const puts: unknown[] = [];
    stubApi({
      [`GET ${PATH}`]: () => jsonResponse(stored),
      [`PUT ${PATH}`]: async (request) => {
        puts.push(await request.json());
        return jsonResponse({ ...stored, need_to_know: { days_after_end: 60, source: 'Kommunens eget valg', municipality_own: true }, version: 1 });
      },
    });
    renderWithProviders(<SettingsPage />);

    expect(await screen.findByTestId('current-need-to-know')).toHaveTextContent('Nå gjelder Mestrings standard: 30 dager etter at tjenesten er avsluttet.');
    const days = screen.getByLabelText('Antall dager enheten beholder tilgangen');
    await userEvent.clear(days);
    await userEvent.type(days, '181');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre innstillingene' }));
    expect(await screen.findAllByText('Antall dager enheten beholder tilgangen må være et helt antall dager fra 0 til 180.')).not.toHaveLength(0);
    expect(puts).toHaveLength(0);

    await userEvent.clear(days);
    await userEvent.type(days, '60');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre innstillingene' }));
    expect(await screen.findByTestId('settings-saved')).toBeInTheDocument();
    expect(puts).toEqual([{ four_eyes: false, need_to_know_days_after_end: 60 }]);
    expect(await screen.findByTestId('current-need-to-know')).toHaveTextContent('Nå gjelder kommunens valg: 60 dager');
  });

  it('checks the thresholds at their fields, and says someone else changed the settings on a 412', async () => {
    signInAs(['admin']);
    let version = 3;
    const puts: unknown[] = [];
    stubApi({
      [`GET ${PATH}`]: () => jsonResponse({ ...stored, version }),
      [`PUT ${PATH}`]: async (request) => {
        puts.push(await request.json());
        version = 4;
        return jsonResponse({ title: 'Precondition Failed', status: 412 }, 412, 'application/problem+json');
      },
    });
    renderWithProviders(<SettingsPage />);

    const extensive = await screen.findByLabelText('Omfattende bistandsbehov fra gjennomsnitt');
    await userEvent.clear(extensive);
    await userEvent.type(extensive, '2');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre innstillingene' }));
    expect(
      await screen.findAllByText('Grensen for omfattende behov må være høyere enn grensen for middels behov.'),
    ).not.toHaveLength(0);
    expect(puts).toHaveLength(0);

    await userEvent.clear(extensive);
    await userEvent.type(extensive, '3,8');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre innstillingene' }));
    expect(await screen.findByTestId('stale-alert')).toHaveTextContent('Noen andre har endret innstillingene');
    expect(puts).toEqual([
      { four_eyes: false, need_level_rule: { moderate_from: 2.5, extensive_from: 3.8, source: 'Mestrings standardregel' } },
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Last inn på nytt' }));
    await waitFor(() => expect(screen.queryByTestId('stale-alert')).not.toBeInTheDocument());
  });
});
