import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { osloToday } from '@/lib/dates';
import { signInAs } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi } from '@/test/render';

import type { LegalDecisionRead } from '../../api/types';
import { ASSESSMENT_ID, assessment } from '../../test/fixtures';

import { LegalDecisionPage } from './legal-decision-page';

const DECISION_ID = '77777777-7777-7777-7777-777777777777';
const day = (offset: number) => new Date(Date.parse(`${osloToday()}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const typed = (iso: string) => iso.split('-').reverse().join('.');

const decision = (overrides: Partial<LegalDecisionRead> = {}): LegalDecisionRead => ({
  id: DECISION_ID,
  version: 2,
  kinds: ['location_technology'],
  conditions: { prevents_harm: 'Har gått seg bort.' },
  person_does_not_resist: true,
  decided_on: day(-170),
  valid_from: day(-170),
  valid_until: day(10),
  decided_by_name: 'Jonas Berg',
  law: 'pasient- og brukerrettighetsloven § 4-6 a',
  status: 'lapses_soon',
  renewed_by_id: null,
  renews_id: null,
  ended_on: null,
  end_reason: null,
  ended_by_name: null,
  ...overrides,
});

const withDecision = (d: LegalDecisionRead) => assessment({ consent_capacity: 'no', consent_given: null, legal_decisions: [d] });

function render() {
  return renderWithProviders(<LegalDecisionPage />, {
    path: '/velferdsteknologi/kartlegginger/:id/vedtak/:decisionId',
    route: `/velferdsteknologi/kartlegginger/${ASSESSMENT_ID}/vedtak/${DECISION_ID}`,
  });
}

const GET = { [`GET /api/welfaretech/v1/assessments/${ASSESSMENT_ID}`]: () => jsonResponse(withDecision(decision())), 'GET /api/welfaretech/v1/loans': () => jsonResponse({ items: [], next_cursor: null }) };

beforeEach(async () => {
  await setLanguage('nb');
  signInAs(['velferdsteknolog']);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('LegalDecisionPage', { timeout: 60_000 }, () => {
  it('renews with every condition written anew, a time limit within the rule and If-Match', async () => {
    let request: Request | undefined;
    let body: Record<string, unknown> = {};
    stubApi({
      ...GET,
      [`POST /api/welfaretech/v1/legal-decisions/${DECISION_ID}/renew`]: async (r) => {
        request = r;
        body = (await r.json()) as Record<string, unknown>;
        return jsonResponse(withDecision(decision({ status: 'renewed', renewed_by_id: 'x', version: 3 })), 201);
      },
    });
    render();
    expect(await screen.findByTestId('decision-status')).toHaveTextContent('Går snart ut');
    const until = screen.getByLabelText(/^Gjelder til/);
    await userEvent.type(until, typed(day(400)));
    await userEvent.click(screen.getByRole('button', { name: 'Forny vedtaket' }));
    const summary = await screen.findByTestId('error-summary');
    expect(summary).toHaveTextContent('Vedtaket kan gjelde i høyst 12 måneder');
    expect(summary).toHaveTextContent('Beskriv hvordan vilkåret «Nærmeste pårørende er hørt» er oppfylt.');
    expect(request).toBeUndefined();

    for (const label of ['Nødvendig for å hindre', 'I personens interesse', 'Står i forhold', 'Det minst inngripende', 'Personen ville sannsynligvis', 'Nærmeste pårørende er hørt']) {
      await userEvent.type(screen.getByRole('textbox', { name: new RegExp(`^${label}`) }), 'Vurdert på nytt.');
    }
    await userEvent.click(screen.getByRole('checkbox', { name: /Personen motsetter seg ikke tiltaket/ }));
    await userEvent.clear(until);
    await userEvent.type(until, typed(day(180)));
    await userEvent.click(screen.getByRole('button', { name: 'Forny vedtaket' }));
    expect(await screen.findByTestId('decision-notice')).toHaveTextContent('Vedtaket er fornyet.');
    expect(request?.headers.get('If-Match')).toBe('"2"');
    expect(body).toMatchObject({ valid_from: day(11), valid_until: day(180), person_does_not_resist: true });
    expect(body).not.toHaveProperty('kinds');
  });

  it('ends the decision with a reason and says what becomes of the technology', async () => {
    let body: Record<string, unknown> = {};
    stubApi({
      ...GET,
      [`POST /api/welfaretech/v1/legal-decisions/${DECISION_ID}/end`]: async (r) => {
        body = (await r.json()) as Record<string, unknown>;
        return jsonResponse({ assessment: withDecision(decision({ status: 'ended', ended_on: day(0), version: 3 })), loans_ended: [] });
      },
    });
    render();
    expect(await screen.findByTestId('end-consequence')).toHaveTextContent('kan teknologien ikke tas i bruk før et nytt vedtak er fattet');
    await userEvent.type(screen.getByRole('textbox', { name: /^Begrunnelse/ }), 'Personen motsetter seg nå.');
    await userEvent.click(screen.getByRole('button', { name: 'Avslutt vedtaket' }));
    expect(await screen.findByTestId('decision-notice')).toHaveTextContent('Vedtaket er avsluttet');
    expect(body).toMatchObject({ ended_on: day(0), reason: 'Personen motsetter seg nå.', device_to: 'in_stock' });
  });
});
