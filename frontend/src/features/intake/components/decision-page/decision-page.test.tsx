import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { APPLICATION_ID, DECISION_ID, personSummary, signInAs, text } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi, validationProblem } from '@/test/render';

import { DecisionPage } from './decision-page';

// jsdom has no modal dialogs; enough of one for Designsystemet's Dialog.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.show = HTMLDialogElement.prototype.showModal;
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

const draft = {
  id: DECISION_ID,
  person: personSummary,
  application_id: APPLICATION_ID,
  replaces_id: null,
  service_type: 'hjemmesykepleie',
  service_name: text('Hjemmesykepleie'),
  care_level_rank: 3,
  purpose: null,
  outcome: 'granted',
  scope_amount: 4,
  scope_unit: 'hours_per_week',
  starts_on: '2026-12-01',
  ends_on: null,
  review_on: '2027-03-01',
  review_due: null,
  unit: null,
  contact: { name: 'Per Hansen', unit: null, phone: null },
  facts: 'Trenger hjelp med legemidler.',
  considerations: 'Vilkårene er oppfylt.',
  legal_basis: [{ law: 'helse- og omsorgstjenesteloven', short: 'hol', section: '§ 3-2 første ledd nr. 6 bokstav a' }],
  criteria: null,
  user_fee: { kind: 'none', description: null },
  lower_levels: [],
  rights: {
    requires_lower_level_review: false,
    place_available: null,
    bpa: { right: 'does_not_apply', reason_code: 'under_25_hours', reason: 'Under 25 hours a week', law: 'pbrl § 2-1 d' },
    long_term_stay: null,
  },
  language: 'nb',
  status: 'draft',
  made_on: null,
  made_by_name: null,
  delivery: null,
  sent_on: null,
  received_on: null,
  appeal_deadline: null,
  version: 1,
};
const made = { ...draft, status: 'made', made_on: '2026-11-30', made_by_name: 'Ingrid Solberg', version: 2 };

function stub(routes: Record<string, (request: Request) => Response | Promise<Response>> = {}) {
  return stubApi({
    [`GET /api/intake/v1/decisions/${DECISION_ID}/letter`]: () => new Response('<p>Vedtaksbrev</p>', { headers: { 'Content-Type': 'text/html' } }),
    'GET /api/intake/v1/appeals': () => jsonResponse({ items: [], next_cursor: null }),
    ...routes,
  });
}

const route = { path: '/vedtak/:id', route: `/vedtak/${DECISION_ID}` };

beforeEach(async () => {
  await setLanguage('nb');
  signInAs(['saksbehandler']);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('DecisionPage', () => {
  it('shows the decision, its rights and the letter fetched as HTML through the client', async () => {
    const fetchMock = stub({ [`GET /api/intake/v1/decisions/${DECISION_ID}`]: () => jsonResponse(draft) });
    renderWithProviders(<DecisionPage />, route);

    expect(await screen.findByRole('heading', { level: 1, name: 'Vedtak: Hjemmesykepleie' })).toBeInTheDocument();
    expect(screen.getByTestId('decision-status')).toHaveTextContent('Utkast');
    expect(screen.getByText('Under 25 timer i uken.')).toBeInTheDocument();
    await waitFor(() => {
      const letter = fetchMock.mock.calls.map(([input]) => input as Request).find((request) => request.url.endsWith('/letter'));
      expect(letter?.headers.get('Accept')).toBe('text/html');
      expect(letter?.headers.get('Authorization')).toMatch(/^Bearer /);
    });
  });

  it('makes the decision with If-Match, then asks for the delivery', async () => {
    let ifMatch: string | null = null;
    stub({
      [`GET /api/intake/v1/decisions/${DECISION_ID}`]: () => jsonResponse(draft),
      [`POST /api/intake/v1/decisions/${DECISION_ID}/make`]: (request) => {
        ifMatch = request.headers.get('If-Match');
        return jsonResponse(made);
      },
    });
    renderWithProviders(<DecisionPage />, route);

    await userEvent.click(await screen.findByRole('button', { name: 'Fatt vedtak' }));
    const dialog = await screen.findByRole('dialog', { name: 'Fatte vedtaket?' });
    expect(ifMatch).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Fatt vedtak' }));

    await waitFor(() => expect(screen.getByTestId('decision-status')).toHaveTextContent('Fattet'));
    expect(ifMatch).toBe('"1"');
    expect(screen.getByRole('form', { name: 'Registrer utsending' })).toBeInTheDocument();
  });

  it('asks before making the decision, and «Avbryt» sends nothing', async () => {
    const make = vi.fn(() => jsonResponse(made));
    stub({ [`GET /api/intake/v1/decisions/${DECISION_ID}`]: () => jsonResponse(draft), [`POST /api/intake/v1/decisions/${DECISION_ID}/make`]: make });
    renderWithProviders(<DecisionPage />, route);

    await userEvent.click(await screen.findByRole('button', { name: 'Fatt vedtak' }));
    const dialog = await screen.findByRole('dialog', { name: 'Fatte vedtaket?' });
    expect(dialog).toHaveTextContent('Et fattet vedtak kan ikke endres.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Avbryt' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(make).not.toHaveBeenCalled();
  });

  it('shows a received date before the sent date at that field, and sends nothing', async () => {
    const post = vi.fn(() => jsonResponse(made));
    stub({ [`GET /api/intake/v1/decisions/${DECISION_ID}`]: () => jsonResponse(made), [`POST /api/intake/v1/decisions/${DECISION_ID}/delivery`]: post });
    renderWithProviders(<DecisionPage />, route);

    const form = await screen.findByRole('form', { name: 'Registrer utsending' });
    const received = within(form).getByLabelText('Mottatt dato');
    await userEvent.clear(received);
    await userEvent.type(received, '01.01.2000');
    await userEvent.click(within(form).getByRole('button', { name: 'Registrer utsending' }));

    expect(received).toHaveAccessibleDescription(/Mottatt dato kan ikke være før sendt dato\./);
    expect(received).toBeInvalid();
    expect(post).not.toHaveBeenCalled();
  });

  it('answers a 422 on the delivery with the validation message, not the raw detail', async () => {
    stub({
      [`GET /api/intake/v1/decisions/${DECISION_ID}`]: () => jsonResponse(made),
      [`POST /api/intake/v1/decisions/${DECISION_ID}/delivery`]: () => validationProblem([{ field: 'body.received_on', message: 'received_on before sent_on' }]),
    });
    renderWithProviders(<DecisionPage />, route);

    const form = await screen.findByRole('form', { name: 'Registrer utsending' });
    await userEvent.click(within(form).getByRole('button', { name: 'Registrer utsending' }));

    expect(await within(form).findByText('Noen opplysninger er ikke gyldige.')).toBeInTheDocument();
    expect(screen.queryByText(/before sent_on/)).not.toBeInTheDocument();
  });

  it('hides «Godkjenn» from the caseworker who sent the decision for approval, and offers «Endre utkastet»', async () => {
    const waiting = { ...draft, status: 'ready_for_approval', drafted_by: 'test-user', submitted_by: 'test-user', version: 2 };
    stub({ [`GET /api/intake/v1/decisions/${DECISION_ID}`]: () => jsonResponse(waiting) });
    renderWithProviders(<DecisionPage />, route);

    expect(await screen.findByTestId('approval-by-another')).toHaveTextContent('må godkjennes av en annen saksbehandler');
    expect(screen.queryByRole('button', { name: 'Godkjenn og fatt vedtak' })).not.toBeInTheDocument();
    expect(screen.getByTestId('edit-decision')).toHaveAttribute('href', `/vedtak/${DECISION_ID}/endre`);
  });

  it('shows «Godkjenn» to a second caseworker', async () => {
    const waiting = { ...draft, status: 'ready_for_approval', drafted_by: 'kollega', submitted_by: 'kollega', version: 2 };
    stub({ [`GET /api/intake/v1/decisions/${DECISION_ID}`]: () => jsonResponse(waiting) });
    renderWithProviders(<DecisionPage />, route);

    expect(await screen.findByRole('button', { name: 'Godkjenn og fatt vedtak' })).toBeInTheDocument();
    expect(screen.queryByTestId('approval-by-another')).not.toBeInTheDocument();
  });
});
