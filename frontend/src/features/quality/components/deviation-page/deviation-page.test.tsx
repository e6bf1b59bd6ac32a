import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { signInAs } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi } from '@/test/render';

import { DEVIATION_ID, deviation, units } from '../../test/fixtures';

import { DeviationPage } from './deviation-page';

const route = { path: '/avvik/:id', route: `/avvik/${DEVIATION_ID}` };
const path = `/api/quality/v1/deviations/${DEVIATION_ID}`;

function stub(routes: Record<string, (request: Request) => Response | Promise<Response>>) {
  return stubApi({ 'GET /api/catalogue/v1/units': () => jsonResponse(units), ...routes });
}

beforeEach(async () => {
  await setLanguage('nb');
  signInAs(['leder']);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('DeviationPage', () => {
  it('shows the report, its risk on the matrix and the deadline as dd.mm.åååå', async () => {
    stub({ [`GET ${path}`]: () => jsonResponse(deviation()) });
    renderWithProviders(<DeviationPage />, route);

    expect(await screen.findByRole('heading', { level: 1, name: 'Avvik: Legemidler' })).toBeInTheDocument();
    expect(screen.getByTestId('deviation-status')).toHaveTextContent('Meldt');
    expect(screen.getByTestId('acknowledge-by')).toHaveTextContent('09.11.2026');
    expect(screen.getByText('Konsekvens 3 × sannsynlighet 2 = 6')).toBeInTheDocument();
    expect(screen.getByText('Aisha Rahman', { selector: 'dd' })).toBeInTheDocument();
  });

  it('links back to the survey answer it was raised from and names a decision with its check', async () => {
    const surveyId = '66666666-6666-6666-6666-666666666666';
    stub({
      [`GET ${path}`]: () =>
        jsonResponse(
          deviation({ links: [{ kind: 'decision', target_id: '11111111-2222-3333-4444-555555555555', status: 'unverified', checked_at: null }] }),
        ),
      [`GET ${path}/references`]: () =>
        jsonResponse({
          deviation_id: DEVIATION_ID,
          survey_answer: {
            survey_id: surveyId,
            survey_title: { nb: 'Brukerundersøkelse hjemmetjenesten', nn: 'Brukarundersøking heimetenesta', en: '' },
            answer_id: '77777777-0000-0000-0000-000000000001',
            question_id: 'annet',
            answered_on: '2026-11-20',
            unit: 'hjemmetjenesten-ski',
          },
          hazard: null,
          procedure_id: null,
          procedure_title: null,
          procedure_version: null,
        }),
    });
    renderWithProviders(<DeviationPage />, route);

    const answer = await screen.findByTestId('survey-answer-link');
    expect(within(answer).getByRole('link', { name: 'Brukerundersøkelse hjemmetjenesten' })).toHaveAttribute('href', `/avvik/undersokelser/${surveyId}`);
    expect(answer).toHaveTextContent('svar 20.11.2026');
    const links = screen.getByTestId('deviation-links');
    expect(within(links).getByText('Vedtak')).toBeInTheDocument();
    expect(within(links).getByText('Ikke bekreftet ennå')).toBeInTheDocument();
  });

  it('acknowledges with If-Match and then offers the causes', async () => {
    let ifMatch: string | null = null;
    stub({
      [`GET ${path}`]: () => jsonResponse(deviation()),
      [`POST ${path}/acknowledge`]: (request) => {
        ifMatch = request.headers.get('If-Match');
        return jsonResponse(deviation({ status: 'acknowledged', version: 2, acknowledged_on: '2026-11-03', handler_name: 'Kari Nordby' }));
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<DeviationPage />, route);

    await user.click(await screen.findByRole('button', { name: 'Motta avviket' }));

    await waitFor(() => expect(screen.getByTestId('deviation-status')).toHaveTextContent('Mottatt'));
    expect(ifMatch).toBe('"1"');
    expect(screen.getByRole('form', { name: 'Årsaker' })).toBeInTheDocument();
    expect(screen.getByRole('form', { name: 'Nytt tiltak' })).toBeInTheDocument();
  });

  it('says clearly when somebody else changed it (412), and reads it again', async () => {
    let reads = 0;
    stub({
      [`GET ${path}`]: () => {
        reads += 1;
        return jsonResponse(deviation());
      },
      [`POST ${path}/acknowledge`]: () =>
        jsonResponse({ type: 'https://mestring.no/problems/precondition-failed', title: 'Stale', status: 412, detail: 'version 1 vs 2' }, 412, 'application/problem+json'),
    });
    const user = userEvent.setup();
    renderWithProviders(<DeviationPage />, route);

    await user.click(await screen.findByRole('button', { name: 'Motta avviket' }));

    expect(await screen.findByTestId('stale')).toHaveTextContent('Noen andre har endret avviket siden du åpnet det.');
    await waitFor(() => expect(reads).toBeGreaterThan(1));
    expect(screen.queryByText('version 1 vs 2')).not.toBeInTheDocument();
  });

  it('asks for a direct cause before it records the investigation', async () => {
    const put = vi.fn(() => jsonResponse(deviation()));
    stub({ [`GET ${path}`]: () => jsonResponse(deviation({ status: 'acknowledged', version: 2 })), [`PUT ${path}/investigation`]: put });
    const user = userEvent.setup();
    renderWithProviders(<DeviationPage />, route);

    const form = await screen.findByRole('form', { name: 'Årsaker' });
    await user.type(within(form).getByLabelText('Hva som ble funnet'), 'Dosett fylt feil.');
    await user.selectOptions(within(form).getByLabelText('Årsakskategori'), 'routines');
    await user.click(within(form).getByRole('radio', { name: 'Bakenforliggende' }));
    await user.type(within(form).getByLabelText('Beskrivelse'), 'Ingen dobbeltkontroll.');
    await user.click(within(form).getByRole('button', { name: 'Lagre årsaker' }));

    expect(await screen.findByText('Oppgi minst én direkte årsak.', { selector: 'a' })).toBeInTheDocument();
    expect(put).not.toHaveBeenCalled();
  }, 20_000);

  it('closes with the learning and the outcome for the reporter, who then sees the outcome', async () => {
    let sent: Record<string, unknown> = {};
    const investigated = deviation({
      status: 'investigated',
      version: 4,
      investigation: 'Dosett fylt feil.',
      causes: [{ category: 'routines', is_underlying: false, description: 'Ingen dobbeltkontroll.' }],
    });
    stub({
      [`GET ${path}`]: () => jsonResponse(investigated),
      [`POST ${path}/close`]: async (request) => {
        sent = await request.json();
        return jsonResponse({ ...investigated, status: 'closed', version: 5, closed_on: '2026-11-20', learning_summary: 'Dobbeltkontroll innført.', outcome_for_reporter: 'Takk, rutinen er endret.' });
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<DeviationPage />, route);

    const form = await screen.findByRole('form', { name: 'Lukk avviket' });
    await user.type(within(form).getByLabelText('Læring'), 'Dobbeltkontroll innført.');
    await user.type(within(form).getByLabelText('Utfall til melderen'), 'Takk, rutinen er endret.');
    await user.click(within(form).getByRole('button', { name: 'Lukk avviket' }));

    expect(await screen.findByTestId('outcome')).toHaveTextContent('Takk, rutinen er endret.');
    expect(sent).toEqual({ learning_summary: 'Dobbeltkontroll innført.', outcome_for_reporter: 'Takk, rutinen er endret.' });
    expect(screen.getByRole('form', { name: 'Gjenåpne avviket' })).toBeInTheDocument();
  }, 20_000);
});
