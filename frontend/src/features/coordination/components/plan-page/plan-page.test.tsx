import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { signInAs } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi } from '@/test/render';

import { PlanPage } from './plan-page';

const PLAN_ID = '99999999-9999-9999-9999-999999999999';
const GOAL_ID = 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa';

const plan = {
  id: PLAN_ID,
  person: { id: '55555555-5555-5555-5555-555555555555', name: 'Åse Ødegård', birth_date: '1948-05-17' },
  status: 'draft',
  version: 2,
  goals: [{ id: GOAL_ID, life_area: 'leisure', text: 'Gå tur med hunden', status: 'open' }],
  measures: [],
  team: [],
  next_evaluation_on: null,
  activated_on: null,
  closed_on: null,
  closed_reason: null,
  coordinator: { sub: 'koord-1', name: 'Martin Haugen', kind: 'coordinator', since: '2026-11-01' },
  consents: [],
  has_consent: false,
  members_who_may_see: [],
  evaluation_overdue: false,
  overdue_measure_ids: [],
  may_edit: true,
  decisions: { available: false, detail: 'The intake service did not answer', items: [] },
  updated_at: '2026-11-30T10:00:00Z',
};
const theirs: typeof plan = { ...plan, version: 3, goals: [{ id: GOAL_ID, life_area: 'leisure', text: 'Gå lange turer med hunden', status: 'open' }] };
const comparison = {
  from_version: 2,
  to_version: 3,
  status: null,
  next_evaluation_on: null,
  items: [
    {
      section: 'goals',
      id: GOAL_ID,
      change: 'changed',
      label: 'Gå lange turer med hunden',
      fields: [{ field: 'text', before: 'Gå tur med hunden', after: 'Gå lange turer med hunden' }],
    },
  ],
};

const route = { path: '/koordinering/planer/:id', route: `/koordinering/planer/${PLAN_ID}` };

function stub(routes: Record<string, (request: Request) => Response | Promise<Response>>) {
  return stubApi({
    [`GET /api/coordination/v1/plans/${PLAN_ID}/meetings`]: () => jsonResponse([]),
    [`GET /api/coordination/v1/plans/${PLAN_ID}/versions`]: () => jsonResponse([]),
    ...routes,
  });
}

beforeEach(async () => {
  await setLanguage('nb');
  signInAs(['koordinator'], 'Martin Haugen');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('PlanPage', () => {
  it('opens with the decisions marked unavailable when intake does not answer', async () => {
    stub({ [`GET /api/coordination/v1/plans/${PLAN_ID}`]: () => jsonResponse(plan) });
    renderWithProviders(<PlanPage />, route);

    expect(await screen.findByRole('heading', { level: 1, name: 'Individuell plan for Åse Ødegård' })).toBeInTheDocument();
    expect(screen.getByTestId('decisions-unavailable')).toBeInTheDocument();
    expect(screen.getByText(/samtykket er registrert/)).toBeInTheDocument();
  });

  it('saves with If-Match, and a stale save shows what the other person changed', async () => {
    let current = plan;
    let ifMatch: string | null = null;
    stub({
      [`GET /api/coordination/v1/plans/${PLAN_ID}`]: () => jsonResponse(current),
      [`PUT /api/coordination/v1/plans/${PLAN_ID}`]: (request) => {
        ifMatch = request.headers.get('If-Match');
        current = theirs;
        return jsonResponse({ type: 'https://mestring.no/problems/precondition-failed', title: 'The document has changed', status: 412 }, 412, 'application/problem+json');
      },
      [`GET /api/coordination/v1/plans/${PLAN_ID}/compare`]: () => jsonResponse(comparison),
    });
    renderWithProviders(<PlanPage />, route);

    const form = await screen.findByRole('form', { name: 'Rediger planen' });
    await userEvent.type(within(form).getByLabelText('Mål 1 med personens egne ord'), ' i skogen');
    await userEvent.click(within(form).getByRole('button', { name: 'Lagre ny versjon' }));

    const conflict = await screen.findByTestId('plan-conflict');
    expect(ifMatch).toBe('"2"');
    await waitFor(() => expect(within(conflict).getByTestId('changes')).toHaveTextContent('Gå lange turer med hunden'));
    expect(conflict).toHaveTextContent('Du redigerte versjon 2, men planen er nå versjon 3');
  });
});
