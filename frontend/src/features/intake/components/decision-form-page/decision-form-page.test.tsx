import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { APPLICATION_ID, application, careLevel, DECISION_ID, PERSON_ID, person, personSummary, serviceType, signInAs, text } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi, validationProblem } from '@/test/render';

import { DecisionFormPage } from './decision-form-page';

const home = careLevel(3, 'Hjemmebaserte tjenester');
const service = serviceType('hjemmesykepleie', home, { name: text('Hjemmesykepleie') });

function stub(postDecision: (request: Request) => Response | Promise<Response>) {
  return stubApi({
    [`GET /api/intake/v1/persons/${PERSON_ID}`]: () => jsonResponse(person),
    'GET /api/intake/v1/applications': () => jsonResponse({ items: [application], next_cursor: null }),
    [`GET /api/intake/v1/applications/${APPLICATION_ID}/suggestions`]: () => jsonResponse([]),
    'GET /api/catalogue/v1/criteria-metrics': () => jsonResponse([]),
    'GET /api/catalogue/v1/service-types/hjemmesykepleie': () => jsonResponse(service),
    'GET /api/catalogue/v1/service-types': () => jsonResponse({ items: [], next_cursor: null }),
    'POST /api/intake/v1/decisions': postDecision,
  });
}

const route = {
  path: '/personer/:id/soknad/:applicationId/vedtak/ny',
  route: `/personer/${PERSON_ID}/soknad/${APPLICATION_ID}/vedtak/ny?tjeneste=hjemmesykepleie`,
};

async function fillGrant() {
  await userEvent.click(screen.getByRole('radio', { name: 'Innvilget' }));
  await userEvent.type(screen.getByLabelText(/^Omfang/), '4');
  await userEvent.type(screen.getByLabelText('Fra dato'), '01.12.2026');
  await userEvent.type(screen.getByLabelText('Evalueres innen'), '01.03.2027');
  await userEvent.type(screen.getByLabelText('Navn'), 'Per Hansen');
  await userEvent.type(screen.getByLabelText('Faktiske forhold', { exact: true }), 'Trenger hjelp med legemidler.');
  await userEvent.type(screen.getByLabelText('Vurdering', { exact: true }), 'Vilkårene er oppfylt.');
}

beforeEach(async () => {
  await setLanguage('nb');
  signInAs(['saksbehandler']);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('DecisionFormPage', { timeout: 60_000 }, () => {
  it('shows the service, its rules and the decision form', async () => {
    stub(() => jsonResponse({}, 500));
    renderWithProviders(<DecisionFormPage />, route);

    expect(await screen.findByRole('heading', { level: 1, name: 'Nytt vedtak: Hjemmesykepleie' })).toBeInTheDocument();
    expect(await screen.findByTestId('service-rules')).toHaveTextContent('§ 3-2 første ledd nr. 6 bokstav a');
    const form = screen.getByRole('form', { name: /Nytt vedtak/ });
    expect(within(form).getByRole('group', { name: 'Utfall' })).toBeInTheDocument();
    expect(within(form).getByRole('radio', { name: 'Bokmål' })).toBeChecked();
  });

  it('lists what a grant lacks in the summary, shows each at its field, and sends nothing', async () => {
    const post = vi.fn(() => jsonResponse({}, 500));
    stub(post);
    renderWithProviders(<DecisionFormPage />, route);
    await screen.findByTestId('service-rules');

    await userEvent.click(screen.getByRole('radio', { name: 'Innvilget' }));
    await userEvent.click(screen.getByRole('button', { name: 'Lagre som utkast' }));

    const summary = await screen.findByTestId('error-summary');
    await waitFor(() => expect(summary).toHaveFocus());
    const links = within(summary).getAllByRole('link');
    expect(links.length).toBeGreaterThanOrEqual(5);
    expect(links[0]).toHaveAttribute('href', '#decision-scope_amount');
    expect(screen.getByLabelText('Faktiske forhold', { exact: true })).toHaveAccessibleDescription(/må fylles ut/);
    expect(post).not.toHaveBeenCalled();

    // A message goes as soon as its field is right.
    await userEvent.type(screen.getByLabelText('Faktiske forhold', { exact: true }), 'Noe');
    await waitFor(() => expect(screen.getByLabelText('Faktiske forhold', { exact: true })).not.toHaveAccessibleDescription(/må fylles ut/));
  });

  it('saves the draft and opens the decision', async () => {
    let sent: unknown;
    stub(async (request) => {
      sent = await request.json();
      return jsonResponse({ id: DECISION_ID, person: personSummary }, 201);
    });
    const { router } = renderWithProviders(<DecisionFormPage />, route);
    await screen.findByTestId('service-rules');

    await fillGrant();
    await userEvent.click(screen.getByRole('button', { name: 'Lagre som utkast' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/vedtak/${DECISION_ID}`));
    expect(sent).toMatchObject({
      application_id: APPLICATION_ID,
      service_type: 'hjemmesykepleie',
      outcome: 'granted',
      scope_amount: 4,
      starts_on: '2026-12-01',
      review_on: '2027-03-01',
      contact: { name: 'Per Hansen', unit: null, phone: null },
      facts: 'Trenger hjelp med legemidler.',
      language: 'nb',
    });
  });

  it('hides scope, dates and unit for a refusal, and sends none of them', async () => {
    let body: Record<string, unknown> = {};
    stub(async (request) => {
      body = (await request.json()) as Record<string, unknown>;
      return jsonResponse({ id: DECISION_ID, person: personSummary }, 201);
    });
    renderWithProviders(<DecisionFormPage />, route);
    await screen.findByTestId('service-rules');

    await userEvent.click(screen.getByRole('radio', { name: 'Innvilget' }));
    await userEvent.type(screen.getByLabelText('Fra dato'), '01.12.2026');
    await userEvent.click(screen.getByRole('radio', { name: 'Avslått' }));

    expect(screen.queryByLabelText('Fra dato')).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/^Omfang/)).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Utførende enhet')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Evalueres innen')).not.toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Faktiske forhold', { exact: true }), 'f');
    await userEvent.type(screen.getByLabelText('Vurdering', { exact: true }), 'c');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre som utkast' }));
    await waitFor(() => expect(body.outcome).toBe('refused'));
    expect(body).toMatchObject({ starts_on: null, review_on: null, unit: null, scope_amount: null });
  });

  it('places a 422 on the review date at that field, in the form’s words', async () => {
    stub(() => validationProblem([{ field: 'body.review_on', message: 'review_on must be after starts_on' }]));
    renderWithProviders(<DecisionFormPage />, route);
    await screen.findByTestId('service-rules');

    await fillGrant();
    await userEvent.click(screen.getByRole('button', { name: 'Lagre som utkast' }));

    const summary = await screen.findByTestId('error-summary');
    const [link] = within(summary).getAllByRole('link');
    expect(link).toHaveAttribute('href', '#decision-review_on');
    expect(screen.getByLabelText('Evalueres innen')).toHaveAccessibleDescription(expect.stringContaining(link?.textContent ?? '-'));
    expect(screen.queryByText(/must be after/)).not.toBeInTheDocument();
  });

  it('offers «Utførende enhet» as a choice of the units the catalogue lists for the service, and sends its code', async () => {
    let sent: Record<string, unknown> = {};
    const withUnits = {
      ...service,
      units: [
        { code: 'hjemmetjenesten-ski', name: 'Hjemmetjenesten Ski', kind: 'home_service', capacity: null, capacity_unit: null },
        { code: 'hjemmetjenesten-kolbotn', name: 'Hjemmetjenesten Kolbotn', kind: 'home_service', capacity: null, capacity_unit: null },
      ],
    };
    stubApi({
      [`GET /api/intake/v1/persons/${PERSON_ID}`]: () => jsonResponse(person),
      'GET /api/intake/v1/applications': () => jsonResponse({ items: [application], next_cursor: null }),
      [`GET /api/intake/v1/applications/${APPLICATION_ID}/suggestions`]: () => jsonResponse([]),
      'GET /api/catalogue/v1/criteria-metrics': () => jsonResponse([]),
      'GET /api/catalogue/v1/service-types/hjemmesykepleie': () => jsonResponse(withUnits),
      'GET /api/catalogue/v1/service-types': () => jsonResponse({ items: [], next_cursor: null }),
      'POST /api/intake/v1/decisions': async (request) => {
        sent = (await request.json()) as Record<string, unknown>;
        return jsonResponse({ id: DECISION_ID, person: personSummary }, 201);
      },
    });
    renderWithProviders(<DecisionFormPage />, route);
    await screen.findByTestId('service-rules');

    await fillGrant();
    const unit = screen.getByRole('combobox', { name: 'Utførende enhet' });
    expect(within(unit).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Velg enheten som gir tjenesten',
      'Hjemmetjenesten Ski',
      'Hjemmetjenesten Kolbotn',
    ]);
    await userEvent.selectOptions(unit, 'Hjemmetjenesten Kolbotn');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre som utkast' }));

    await waitFor(() => expect(sent.unit).toBe('hjemmetjenesten-kolbotn'));
  });
});
