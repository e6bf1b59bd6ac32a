import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { signInAs } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi } from '@/test/render';

import type { SurveyContent, SurveyRead } from '../../api/surveys';
import { units } from '../../test/fixtures';

import { SurveyEditPage } from './survey-form-page';

const ID = '66666666-6666-6666-6666-666666666666';
const path = `/api/quality/v1/surveys/${ID}`;
const text = (nb: string, nn = '') => ({ nb, nn, en: '' });

const survey: SurveyRead = {
  id: ID,
  version: 4,
  title: text('Hjemmetjenesten', 'Heimetenesta'),
  service_type: null,
  unit: 'hjemmetjenesten-ski',
  respondent: 'both',
  is_open: true,
  current_version: 1,
  may_manage: true,
  current: {
    number: 1,
    title: text('Hjemmetjenesten', 'Heimetenesta'),
    intro: text('Svaret er anonymt.', 'Svaret er anonymt.'),
    questions: [
      { id: 'trygg', kind: 'scale', text: text('Føler du deg trygg?', 'Kjenner du deg trygg?'), low_label: text('Svært utrygg', 'Svært utrygg'), high_label: text('Svært trygg'), required: true },
      { id: 'q2', kind: 'text', text: text('Noe annet?', 'Noko anna?'), low_label: null, high_label: null, required: false },
    ],
    has_answers: true,
  },
  versions: [1],
  links: [],
};

beforeEach(async () => {
  await setLanguage('nb');
  signInAs(['kvalitetsleder']);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('SurveyEditPage', () => {
  it('revises the questions with If-Match, keeping the ids of the questions kept, and says answers stay with their version', async () => {
    let sent: SurveyContent | null = null;
    let ifMatch: string | null = null;
    stubApi({
      'GET /api/catalogue/v1/units': () => jsonResponse(units),
      'GET /api/catalogue/v1/service-types': () => jsonResponse({ items: [], next_cursor: null }),
      [`GET ${path}`]: () => jsonResponse(survey),
      [`PUT ${path}/content`]: async (request) => {
        ifMatch = request.headers.get('If-Match');
        sent = (await request.json()) as SurveyContent;
        return jsonResponse({ ...survey, version: 5, current_version: 2 });
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<SurveyEditPage />, { path: '/avvik/undersokelser/:id/endre', route: `/avvik/undersokelser/${ID}/endre` });

    expect(await screen.findByText(/Endringen blir versjon 2/)).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Hvem spørres' })).not.toBeInTheDocument();
    const first = screen.getByLabelText('Spørsmål 1 (bokmål)');
    await user.clear(first);
    await user.type(first, 'Føler du deg trygg når vi kommer?');
    await user.click(screen.getByRole('button', { name: 'Legg til spørsmål' }));
    await user.type(screen.getByLabelText('Spørsmål 3 (bokmål)'), 'Kommer vi til avtalt tid?');
    await user.click(screen.getByRole('button', { name: 'Lagre endringene' }));

    await vi.waitFor(() => expect(sent).not.toBeNull());
    expect(ifMatch).toBe('"4"');
    expect(sent!.questions.map((q) => q.id)).toEqual(['trygg', 'q2', 'q1']);
    expect(sent!.questions[0]).toMatchObject({ text: { nb: 'Føler du deg trygg når vi kommer?', nn: 'Kjenner du deg trygg?' }, low_label: { nb: 'Svært utrygg', nn: 'Svært utrygg' } });
  });
});
