import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { signInAs } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi } from '@/test/render';

import { ASSESSMENT_ID, RECOMMENDATION_ID, recommendation } from '../../test/fixtures';

import { RecommendationCard } from './recommendation-card';

const DECIDE = `POST /api/welfaretech/v1/recommendations/${RECOMMENDATION_ID}/decide`;

function render(rec = recommendation()) {
  return renderWithProviders(<RecommendationCard recommendation={rec} assessmentId={ASSESSMENT_ID} canDecide />);
}

beforeEach(async () => {
  await setLanguage('nb');
  signInAs(['velferdsteknolog']);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('RecommendationCard', { timeout: 60_000 }, () => {
  it('shows why it is proposed and what it may replace', async () => {
    stubApi({});
    render();
    const card = await screen.findByTestId('recommendation');
    expect(within(card).getByRole('heading', { name: 'Trygghetsalarm' })).toBeInTheDocument();
    expect(card).toHaveTextContent('personen kan selv varsle responssenteret');
    expect(card).toHaveTextContent('Kan erstatte');
    expect(card).toHaveTextContent('planlagte tilsynsbesøk');
  });

  it('shows the reasons in the language of the page (codes, not bokmål from the service)', async () => {
    await setLanguage('en');
    stubApi({});
    render();
    const card = await screen.findByTestId('recommendation');
    expect(card).toHaveTextContent('the person can alert the response centre with a button');
    expect(card).toHaveTextContent('planned supervision visits');
    expect(card).not.toHaveTextContent('tilsynsbesøk');
    await setLanguage('nb');
  });

  it('asks for a reason and who provides it before accepting', async () => {
    const post = vi.fn(() => jsonResponse({}, 500));
    stubApi({ [DECIDE]: post });
    render();
    await userEvent.click(await screen.findByRole('radio', { name: 'Aksepter' }));
    await userEvent.click(screen.getByRole('button', { name: 'Lagre valget' }));
    const summary = await screen.findByTestId('error-summary');
    expect(summary).toHaveTextContent('Skriv en begrunnelse for valget.');
    expect(summary).toHaveTextContent('Velg hvem som skaffer teknologien.');
    expect(post).not.toHaveBeenCalled();
  });

  it('accepts with If-Match, the provider and a trial', async () => {
    let request: Request | undefined;
    let body: unknown;
    stubApi({
      [DECIDE]: async (r) => {
        request = r;
        body = await r.json();
        return jsonResponse(recommendation({ status: 'accepted', version: 4 }));
      },
    });
    render();
    await userEvent.click(await screen.findByRole('radio', { name: 'Aksepter' }));
    await userEvent.type(screen.getByLabelText(/^Begrunnelse/), 'Trygghet om natten');
    await userEvent.click(screen.getByRole('radio', { name: /Kommunalt utlån/ }));
    await userEvent.click(screen.getByRole('checkbox', { name: /Start med utprøving/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Lagre valget' }));
    await vi.waitFor(() => expect(request).toBeDefined());
    expect(request?.headers.get('If-Match')).toBe('"3"');
    expect(body).toMatchObject({ accept: true, reason: 'Trygghet om natten', provider: 'municipal_loan', trial_weeks: 8 });
  });

  it('says plainly when someone else changed it (412)', async () => {
    stubApi({
      [DECIDE]: () =>
        jsonResponse({ type: 'https://mestring.no/problems/precondition-failed', title: 'The document has changed', status: 412 }, 412, 'application/problem+json'),
    });
    render();
    await userEvent.click(await screen.findByRole('radio', { name: 'Avvis' }));
    await userEvent.type(screen.getByLabelText(/^Begrunnelse/), 'Ikke aktuelt nå');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre valget' }));
    expect(await screen.findByTestId('problem-stale')).toHaveTextContent('Noen andre har endret dette');
  });

  it('shows an accepted one that lacks a legal basis as blocked', async () => {
    stubApi({});
    render(recommendation({ status: 'accepted', provider: 'municipal_loan', decision_reason: 'Trygghet', may_activate: false, blocked_because: 'x' }));
    expect(await screen.findByTestId('activation-blocked')).toHaveTextContent('Teknologien kan ikke tas i bruk ennå');
  });
});
