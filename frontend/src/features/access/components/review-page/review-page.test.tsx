import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { PERSON_ID, signInAs } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi } from '@/test/render';

import { ReviewPage } from './review-page';

const access = {
  id: 'a1',
  person_id: PERSON_ID,
  person_name: 'Kari Nordmann',
  actor: 'sykepleier-1',
  actor_name: 'Aisha Rahman',
  actor_units: ['hjemmetjenesten-ski'],
  category: 'acute_help',
  reason: 'Funnet falt i gangen, trengte medisinlisten',
  granted_at: '2026-11-30T08:00:00Z',
  expires_at: '2026-11-30T12:00:00Z',
  review_status: 'pending',
  reviewed_by_name: null,
  reviewed_at: null,
  review_note: null,
  version: 3,
};

beforeEach(async () => {
  await setLanguage('nb');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ReviewPage', () => {
  it('lists the pending emergency accesses, asks for an explanation with If-Match, and lists unusual reading', async () => {
    signInAs(['leder']);
    const reviews: { ifMatch: string | null; body: unknown }[] = [];
    stubApi({
      'GET /api/intake/v1/emergency-accesses': () => jsonResponse({ items: [access], next_cursor: null }),
      'GET /api/intake/v1/emergency-accesses/unusual-readers': () =>
        jsonResponse([{ actor: 'x', actor_name: 'Ola Oppslag', day: '2026-11-30', persons: 42, threshold: 30 }]),
      'POST /api/intake/v1/emergency-accesses/a1/review': async (request) => {
        reviews.push({ ifMatch: request.headers.get('If-Match'), body: await request.json() });
        return jsonResponse({ ...access, review_status: 'explanation_requested', version: 4 });
      },
    });
    renderWithProviders(<ReviewPage />);

    const card = await screen.findByTestId('emergency-access');
    expect(card).toHaveTextContent('Aisha Rahman');
    expect(card).toHaveTextContent('Akutt hjelp');
    expect(within(card).getByRole('link', { name: 'Kari Nordmann' })).toHaveAttribute('href', `/personer/${PERSON_ID}`);
    expect(await screen.findByTestId('unusual-readers')).toHaveTextContent('Ola Oppslag42');

    await userEvent.click(within(card).getByRole('button', { name: 'Be om forklaring' }));
    await userEvent.click(within(card).getByRole('button', { name: 'Send' }));
    expect(await within(card).findByText('Skriv hva den ansatte skal forklare')).toBeInTheDocument();
    await userEvent.type(within(card).getByLabelText('Hva skal den ansatte forklare?'), 'Hvem ba deg se journalen?');
    await userEvent.click(within(card).getByRole('button', { name: 'Send' }));

    await waitFor(() =>
      expect(reviews).toEqual([{ ifMatch: '"3"', body: { decision: 'explanation_requested', note: 'Hvem ba deg se journalen?' } }]),
    );
  });

  it('is not offered to a caseworker', () => {
    signInAs(['saksbehandler']);
    stubApi({});
    renderWithProviders(<ReviewPage />);
    expect(screen.queryByRole('heading', { name: 'Nødtilganger og uvanlig bruk' })).not.toBeInTheDocument();
  });
});
