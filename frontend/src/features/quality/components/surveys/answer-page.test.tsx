import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { jsonResponse, renderWithProviders, setLanguage, stubApi, validationProblem } from '@/test/render';

import type { PublicSurvey } from '../../api/surveys';

import { AnswerPage, toAnswer } from './answer-page';

const URL_OF = '/api/quality/v1/public/3207/surveys/abcdefgh12345678';
const survey: PublicSurvey = {
  title: { nb: 'Hvordan opplever du hjemmetjenesten?', nn: 'Korleis opplever du heimetenesta?', en: '' },
  intro: { nb: 'Svaret er anonymt.', nn: 'Svaret er anonymt.', en: '' },
  single_use: false,
  questions: [
    {
      id: 'q1',
      kind: 'scale',
      text: { nb: 'Føler du deg trygg?', nn: 'Kjenner du deg trygg?', en: '' },
      low_label: { nb: 'Svært utrygg', nn: '', en: '' },
      high_label: { nb: 'Svært trygg', nn: '', en: '' },
      required: true,
    },
    { id: 'q2', kind: 'yes_no', text: { nb: 'Har de nok tid?', nn: 'Har dei nok tid?', en: '' }, required: false },
    { id: 'q3', kind: 'text', text: { nb: 'Noe du vil fortelle oss?', nn: 'Noko du vil fortelje oss?', en: '' }, required: false },
  ],
};

const render = () => renderWithProviders(<AnswerPage />, { path: '/svar/:municipality/:token', route: '/svar/3207/abcdefgh12345678' });

beforeEach(async () => {
  await setLanguage('nb');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AnswerPage', () => {
  it('answers without signing in: no token is sent, the answer is typed per question, and thanks are shown', async () => {
    const sent: { body: unknown; authorization: string | null }[] = [];
    stubApi({
      [`GET ${URL_OF}`]: () => jsonResponse(survey),
      [`POST ${URL_OF}/answers`]: async (request) => {
        sent.push({ body: await request.json(), authorization: request.headers.get('Authorization') });
        return jsonResponse({ answered_on: '2026-12-01' }, 201);
      },
    });
    render();

    expect(await screen.findByRole('heading', { level: 1, name: 'Hvordan opplever du hjemmetjenesten?' })).toBeInTheDocument();
    const safe = screen.getByRole('group', { name: /Føler du deg trygg\?/ });
    expect(within(safe).getByRole('radio', { name: '1 – Svært utrygg' })).toBeInTheDocument();
    expect(within(safe).getByRole('radio', { name: '5 – Svært trygg' })).toBeInTheDocument();
    await userEvent.click(within(safe).getByRole('radio', { name: /^4/ }));
    await userEvent.click(within(screen.getByRole('group', { name: /Har de nok tid\?/ })).getByRole('radio', { name: 'Nei' }));
    await userEvent.type(screen.getByRole('textbox', { name: /Noe du vil fortelle oss\?/ }), 'Kom for sent på søndag');
    await userEvent.click(screen.getByRole('button', { name: 'Send svaret' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Takk for svaret!' })).toHaveFocus();
    expect(sent).toEqual([
      { body: { responses: { q1: 4, q2: false, q3: 'Kom for sent på søndag' }, language: 'nb' }, authorization: null },
    ]);
  });

  it('asks for a required answer before sending, and shows the texts in nynorsk', async () => {
    await setLanguage('nn');
    const fetchMock = stubApi({ [`GET ${URL_OF}`]: () => jsonResponse(survey) });
    render();

    expect(await screen.findByRole('heading', { level: 1, name: 'Korleis opplever du heimetenesta?' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Send svaret' }));

    const summary = await screen.findByRole('heading', { name: 'Før du sender' });
    expect(summary).toBeInTheDocument();
    expect(screen.getAllByText('Svar på «Kjenner du deg trygg?».').length).toBeGreaterThan(0);
    expect(fetchMock.mock.calls.filter(([input]) => input instanceof Request && input.method === 'POST')).toHaveLength(0);
  });

  it('says so when a single-use code has been used (409), and keeps the answer', async () => {
    stubApi({
      [`GET ${URL_OF}`]: () => jsonResponse({ ...survey, single_use: true }),
      [`POST ${URL_OF}/answers`]: () =>
        jsonResponse({ type: 'https://mestring.no/problems/conflict', title: 'Conflict', status: 409 }, 409, 'application/problem+json'),
    });
    render();
    const safe = await screen.findByRole('group', { name: /Føler du deg trygg\?/ });
    await userEvent.click(within(safe).getByRole('radio', { name: /^2/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Send svaret' }));

    expect(await screen.findByText('Denne koden er allerede brukt, eller undersøkelsen er stengt.')).toBeInTheDocument();
    expect(within(safe).getByRole('radio', { name: /^2/ })).toBeChecked();
  });

  it('places a 422 from the service at its question', async () => {
    stubApi({
      [`GET ${URL_OF}`]: () => jsonResponse(survey),
      [`POST ${URL_OF}/answers`]: () => validationProblem([{ field: 'body.responses.q1', message: 'Answer with a number from 1 to 5' }]),
    });
    render();
    const safe = await screen.findByRole('group', { name: /Føler du deg trygg\?/ });
    await userEvent.click(within(safe).getByRole('radio', { name: /^5/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Send svaret' }));

    expect((await screen.findAllByText('Sjekk svaret på «Føler du deg trygg?».')).length).toBeGreaterThan(0);
  });

  it('tells a closed survey and an unknown address apart from an error', async () => {
    stubApi({
      [`GET ${URL_OF}`]: () => jsonResponse({ type: 'https://mestring.no/problems/conflict', title: 'Conflict', status: 409 }, 409, 'application/problem+json'),
    });
    render();
    expect(await screen.findByTestId('survey-unavailable')).toHaveTextContent('Undersøkelsen er stengt, eller koden er allerede brukt.');
  });

  it('turns the form into the API body, leaving out what was not answered', () => {
    expect(toAnswer(survey.questions, { responses: { q1: '3', q2: 'yes', q3: '  ' } }, 'en')).toEqual({ responses: { q1: 3, q2: true }, language: 'en' });
  });
});
