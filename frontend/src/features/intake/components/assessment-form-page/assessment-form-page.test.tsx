import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { APPLICATION_ID, application, PERSON_ID, person, signInAs, text } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi, validationProblem } from '@/test/render';

import { AssessmentFormPage } from './assessment-form-page';

const variables = [
  { code: 'toalett', group: 'adl', name: text('Toalett'), scale: [1, 2, 3, 4, 5, 9], spec_version: 'iplos-2024' },
  { code: 'syn', group: 'sensory', name: text('Syn'), scale: [1, 2, 3, 4, 9], spec_version: 'iplos-2024' },
];

function stub(postAssessment: (request: Request) => Response | Promise<Response>) {
  return stubApi({
    [`GET /api/intake/v1/persons/${PERSON_ID}`]: () => jsonResponse(person),
    'GET /api/intake/v1/functional-variables': () => jsonResponse(variables),
    'GET /api/intake/v1/applications': () => jsonResponse({ items: [application], next_cursor: null }),
    [`POST /api/intake/v1/applications/${APPLICATION_ID}/assessments`]: postAssessment,
  });
}

const route = { path: '/personer/:id/soknad/:applicationId/kartlegging', route: `/personer/${PERSON_ID}/soknad/${APPLICATION_ID}/kartlegging` };

async function chooseScores() {
  for (const code of ['toalett', 'syn']) {
    const fieldset = document.getElementById(`assessment-scores-${code}`)!;
    await userEvent.click(fieldset.querySelector<HTMLInputElement>('input[data-score="2"]')!);
  }
  await userEvent.click(within(screen.getByRole('group', { name: 'Rehabiliteringspotensial' })).getByRole('radio', { name: 'Ja' }));
  await userEvent.click(within(screen.getByRole('group', { name: 'Risiko for underernæring' })).getByRole('radio', { name: 'Ingen' }));
  await userEvent.click(within(screen.getByRole('group', { name: 'Risiko for fall' })).getByRole('radio', { name: 'Høy' }));
}

beforeEach(async () => {
  await setLanguage('nb');
  signInAs(['saksbehandler']);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AssessmentFormPage', { timeout: 60_000 }, () => {
  it('asks «Hva er viktig for deg?» first, then every functional variable', async () => {
    stub(() => jsonResponse({}, 500));
    renderWithProviders(<AssessmentFormPage />, route);

    const form = await screen.findByRole('form', { name: 'Kartlegging' });
    expect(within(form).getAllByRole('textbox')[0]).toBe(within(form).getByLabelText('Mål 1'));
    expect(await screen.findByRole('group', { name: 'Toalett' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Syn' })).toBeInTheDocument();
  });

  it('lists what is missing, shows each at its field and sends nothing', async () => {
    const post = vi.fn(() => jsonResponse({}, 500));
    stub(post);
    renderWithProviders(<AssessmentFormPage />, route);
    await screen.findByRole('group', { name: 'Toalett' });
    // «Hva er viktig for deg?» starts from what the application said; emptied, it is missing.
    expect(screen.getByLabelText('Mål 1')).toHaveValue('Å bo hjemme.');
    await userEvent.clear(screen.getByLabelText('Mål 1'));

    await userEvent.click(screen.getByRole('button', { name: 'Lagre kartleggingen' }));

    const summary = await screen.findByTestId('error-summary');
    await waitFor(() => expect(summary).toHaveFocus());
    const links = within(summary).getAllByRole('link');
    expect(links[0]).toHaveTextContent('Skriv minst én ting som er viktig for personen.');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(
      expect.arrayContaining(['#assessment-what_matters-0-text', '#assessment-scores-toalett', '#assessment-scores-syn', '#assessment-fall_risk']),
    );
    expect(screen.getByRole('group', { name: 'Toalett' })).toHaveTextContent('Velg et tall for Toalett.');
    expect(post).not.toHaveBeenCalled();
  });

  it('saves the assessment and shows the need level', async () => {
    let sent: unknown;
    stub(async (request) => {
      sent = await request.json();
      return jsonResponse(
        {
          id: 'a1',
          derived: { need_level: 'moderate_to_large', adl_mean: 2, iadl_mean: null, cognitive_mean: null, overall_mean: 2 },
          follow_ups: ['fall_prevention'],
        },
        201,
      );
    });
    renderWithProviders(<AssessmentFormPage />, route);
    await screen.findByRole('group', { name: 'Toalett' });

    await userEvent.clear(screen.getByLabelText('Mål 1'));
    await userEvent.type(screen.getByLabelText('Mål 1'), 'Hjemme.');
    await chooseScores();
    await userEvent.click(screen.getByRole('button', { name: 'Lagre kartleggingen' }));

    expect(await screen.findByTestId('assessment-result')).toBeInTheDocument();
    expect(sent).toMatchObject({
      what_matters: [{ text: 'Hjemme.', priority: 1 }],
      scores: { toalett: 2, syn: 2 },
      rehabilitation_potential: 'yes',
      nutrition_risk: 'none',
      fall_risk: 'high',
      diagnoses: [],
    });
  });

  it('places a 422 on a score at that variable', async () => {
    stub(() => validationProblem([{ field: 'body.scores.syn', message: 'score 5 is outside the scale' }]));
    renderWithProviders(<AssessmentFormPage />, route);
    await screen.findByRole('group', { name: 'Toalett' });

    await userEvent.clear(screen.getByLabelText('Mål 1'));
    await userEvent.type(screen.getByLabelText('Mål 1'), 'Hjemme.');
    await chooseScores();
    await userEvent.click(screen.getByRole('button', { name: 'Lagre kartleggingen' }));

    const summary = await screen.findByTestId('error-summary');
    expect(within(summary).getByRole('link')).toHaveAttribute('href', '#assessment-scores-syn');
    expect(screen.getByRole('group', { name: 'Syn' })).toHaveTextContent('Velg et tall for Syn.');
    expect(screen.queryByText(/outside the scale/)).not.toBeInTheDocument();
  });

  it('saves the answers as a draft on the server as you go, and restores them on reload', async () => {
    const saves: { body: { content: Record<string, unknown> }; ifMatch: string | null; key: string | null }[] = [];
    let stored: unknown = null;
    stubApi({
      [`GET /api/intake/v1/persons/${PERSON_ID}`]: () => jsonResponse(person),
      'GET /api/intake/v1/functional-variables': () => jsonResponse(variables),
      'GET /api/intake/v1/applications': () => jsonResponse({ items: [application], next_cursor: null }),
      [`GET /api/intake/v1/applications/${APPLICATION_ID}/assessment-draft`]: () =>
        stored ? jsonResponse(stored) : jsonResponse({ title: 'Not Found', status: 404 }, 404, 'application/problem+json'),
      [`PUT /api/intake/v1/applications/${APPLICATION_ID}/assessment-draft`]: async (request) => {
        const body = (await request.json()) as { content: Record<string, unknown> };
        saves.push({ body, ifMatch: request.headers.get('If-Match'), key: request.headers.get('Idempotency-Key') });
        stored = { application_id: APPLICATION_ID, content: body.content, saved_by_name: 'Ingrid Solberg', saved_at: '2026-11-30T10:15:00Z', version: saves.length };
        return jsonResponse(stored);
      },
    });
    const first = renderWithProviders(<AssessmentFormPage />, route);
    await screen.findByRole('group', { name: 'Toalett' });
    expect(screen.getByTestId('assessment-progress')).toHaveTextContent('1 av 6 besvart');

    await userEvent.click(document.querySelector<HTMLInputElement>('#assessment-scores-toalett input[data-score="3"]')!);
    await waitFor(() => expect(saves).toHaveLength(1), { timeout: 5000 });
    expect(saves[0]!.ifMatch).toBe('"0"');
    expect(saves[0]!.key).toBeTruthy();
    expect(saves[0]!.body.content).toMatchObject({ scores: { toalett: 3 }, what_matters: [{ text: 'Å bo hjemme.' }] });
    await waitFor(() => expect(screen.getByTestId('draft-status')).toHaveAttribute('data-status', 'saved'));
    expect(screen.getByTestId('assessment-progress')).toHaveTextContent('2 av 6 besvart');
    first.unmount();

    renderWithProviders(<AssessmentFormPage />, route);
    expect(await screen.findByTestId('draft-restored')).toHaveTextContent('Ingrid Solberg');
    await waitFor(() => expect(document.querySelector<HTMLInputElement>('#assessment-scores-toalett input[data-score="3"]')).toBeChecked());
    await userEvent.click(document.querySelector<HTMLInputElement>('#assessment-scores-syn input[data-score="1"]')!);
    await waitFor(() => expect(saves).toHaveLength(2), { timeout: 5000 });
    expect(saves[1]!.ifMatch).toBe('"1"');
  });
});
