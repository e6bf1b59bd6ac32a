import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { APPLICATION_ID, PERSON_ID, person, signInAs, text } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi } from '@/test/render';

import { AssessmentsPage } from './assessments-page';

const route = { path: '/personer/:id/soknad/:applicationId/kartlegginger', route: `/personer/${PERSON_ID}/soknad/${APPLICATION_ID}/kartlegginger` };

const saved = {
  id: 'a1',
  person_id: PERSON_ID,
  application_id: APPLICATION_ID,
  assessed_on: '2026-11-25',
  assessed_by_name: 'Ingrid Solberg',
  place: 'home',
  what_matters: [{ text: 'Bo hjemme', priority: 1 }],
  spec_version: 'iplos-2024',
  scores: { toalett: 3 },
  derived: { need_level: 'moderate_to_large', adl_mean: 3, iadl_mean: null, cognitive_mean: null, overall_mean: 3, rule: 'Kommunens retningslinje 2026', moderate_from: 2.5, extensive_from: 3.5 },
  follow_ups: [],
  facts: { assessed_hours_per_week: 6 },
  note: null,
};

beforeEach(async () => {
  await setLanguage('nb');
  signInAs(['saksbehandler']);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AssessmentsPage', () => {
  it('opens a saved assessment again, with how its need level was derived', async () => {
    stubApi({
      [`GET /api/intake/v1/persons/${PERSON_ID}`]: () => jsonResponse(person),
      'GET /api/intake/v1/functional-variables': () =>
        jsonResponse([{ code: 'toalett', group: 'adl', name: text('Toalett'), scale: [1, 2, 3, 4, 5, 9], spec_version: 'iplos-2024' }]),
      [`GET /api/intake/v1/applications/${APPLICATION_ID}/assessments`]: () => jsonResponse([saved]),
    });
    renderWithProviders(<AssessmentsPage />, route);

    const card = await screen.findByTestId('saved-assessment');
    expect(within(card).getByRole('heading', { level: 2 })).toHaveTextContent('Kartlegging 25. november 2026 (Ingrid Solberg)');
    expect(card).toHaveTextContent('Gjennomsnitt 3; middels fra 2,5, omfattende fra 3,5.');
    expect(card).toHaveTextContent('Kommunens retningslinje 2026');
    expect(card).toHaveTextContent('Bo hjemme');
    expect(await within(card).findByText('Toalett')).toBeInTheDocument();
  });
});
