import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { osloToday, toDateText } from '@/lib/dates';
import { careLevel, serviceSummary, signInAs, text } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage } from '@/test/render';

import { ApplicationFormPage } from './application-form-page';

const PERSON_ID = '22222222-2222-2222-2222-222222222222';
const person = {
  id: PERSON_ID,
  national_id: '15854412345',
  national_id_masked: '158544*****',
  given_name: 'Kari',
  family_name: 'Nordmann',
  birth_date: '1944-05-15',
  address: { street: 'Storgata 1', postcode: '1400', city: 'Ski' },
  phone: null,
  preferred_language: 'nb',
  needs_interpreter: false,
  interpreter_language: null,
  gp: null,
  relatives: [],
  representatives: [],
  version: 1,
};

const support = careLevel(1, 'Forebyggende tjenester');
const home = careLevel(3, 'Hjemmebaserte tjenester');
const serviceTypes = [
  serviceSummary('hjemmesykepleie', home, { name: text('Hjemmesykepleie') }),
  serviceSummary('trygghetsalarm', support, { name: text('Trygghetsalarm') }),
  serviceSummary('praktisk-bistand', home, { name: text('Praktisk bistand') }),
  serviceSummary('ikke-publisert', home, { name: text('Ikke publisert'), published: false }),
];

type Handler = (request: Request) => Response | Promise<Response>;

function stubApi(postApplication: Handler) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const request = input as Request;
    const url = new URL(request.url);
    if (url.pathname === `/api/intake/v1/persons/${PERSON_ID}`) return jsonResponse(person);
    if (url.pathname === '/api/catalogue/v1/service-types') return jsonResponse({ items: serviceTypes, next_cursor: null });
    if (url.pathname === '/api/intake/v1/applications' && request.method === 'POST') return postApplication(request);
    return jsonResponse({ title: 'Not found', status: 404 }, 404, 'application/problem+json');
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const route = { path: '/personer/:id/soknad/ny', route: `/personer/${PERSON_ID}/soknad/ny` };

beforeEach(async () => {
  await setLanguage('nb');
  signInAs(['saksbehandler']);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ApplicationFormPage', () => {
  it('asks «Hva er viktig for deg?» first and offers the published services grouped by step, lowest first', async () => {
    stubApi(() => jsonResponse({}, 500));
    renderWithProviders(<ApplicationFormPage />, route);

    expect(await screen.findByRole('heading', { level: 1, name: 'Ny søknad' })).toBeInTheDocument();
    expect(screen.getByText('Søknad for Kari Nordmann')).toBeInTheDocument();

    const form = screen.getByRole('form', { name: 'Ny søknad' });
    const firstField = within(form).getAllByRole('textbox')[0];
    expect(firstField).toBe(within(form).getByLabelText('Hva er viktig for deg?'));

    const groups = await within(form).findAllByRole('group', { name: /^Trinn \d/ });
    expect(groups.map((group) => within(group).getAllByRole('checkbox').map((checkbox) => checkbox.getAttribute('value')))).toEqual([
      ['trygghetsalarm'],
      ['hjemmesykepleie', 'praktisk-bistand'],
    ]);
    expect(screen.getByRole('group', { name: 'Trinn 3: Hjemmebaserte tjenester' })).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Ikke publisert' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Mottatt dato')).toHaveValue(toDateText(osloToday()));
  });

  it('lists what is missing in an error summary that takes focus, and sends nothing', async () => {
    const post = vi.fn(() => jsonResponse({}, 500));
    stubApi(post);
    renderWithProviders(<ApplicationFormPage />, route);
    await screen.findByRole('checkbox', { name: 'Hjemmesykepleie' });

    await userEvent.click(screen.getByRole('button', { name: 'Registrer søknad' }));

    const summary = await screen.findByTestId('error-summary');
    await waitFor(() => expect(summary).toHaveFocus());
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Hvordan kom søknaden inn? må fylles ut.',
      'Velg minst én tjeneste det søkes om.',
    ]);
    expect(post).not.toHaveBeenCalled();
  });

  it('registers the application with an Idempotency-Key and goes back to the person', async () => {
    let sent: { body: unknown; key: string | null } | undefined;
    stubApi(async (request) => {
      sent = { body: await request.json(), key: request.headers.get('Idempotency-Key') };
      return jsonResponse({ id: '33333333-3333-3333-3333-333333333333', person: { id: PERSON_ID } }, 201);
    });
    const { router } = renderWithProviders(<ApplicationFormPage />, route);

    await userEvent.type(await screen.findByLabelText('Hva er viktig for deg?'), 'Å bo hjemme og gå tur med hunden.');
    await userEvent.selectOptions(screen.getByLabelText('Hvordan kom søknaden inn?'), 'phone');
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Hjemmesykepleie' }));
    await userEvent.click(screen.getByRole('radio', { name: /Haster/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Registrer søknad' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/personer/${PERSON_ID}`));
    expect(sent?.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sent?.body).toEqual({
      person_id: PERSON_ID,
      what_matters: 'Å bo hjemme og gå tur med hunden.',
      channel: 'phone',
      received_on: osloToday(),
      applicant_kind: 'self',
      applicant_name: null,
      services: [{ service_type: 'hjemmesykepleie', note: null }],
      urgency: 'urgent',
      consent_to_obtain_information: false,
    });
  });

  it('shows a service the API rejects at the services, in words', async () => {
    stubApi(() =>
      jsonResponse(
        {
          type: 'https://mestring.no/problems/validation',
          title: 'The request breaks a rule',
          status: 422,
          errors: [{ field: 'body.services.0.service_type', message: "The municipality has no service type 'x'" }],
        },
        422,
        'application/problem+json',
      ),
    );
    renderWithProviders(<ApplicationFormPage />, route);

    await userEvent.selectOptions(await screen.findByLabelText('Hvordan kom søknaden inn?'), 'letter');
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Trygghetsalarm' }));
    await userEvent.click(screen.getByRole('button', { name: 'Registrer søknad' }));

    const summary = await screen.findByTestId('error-summary');
    const message = 'En av tjenestene finnes ikke lenger i tjenestekatalogen. Last inn siden på nytt og velg igjen.';
    expect(within(summary).getByRole('link', { name: message })).toHaveAttribute('href', '#application-services');
    const picker = screen.getByTestId('service-picker');
    expect(within(picker).getByText(message)).toBeInTheDocument();
    expect(screen.queryByText(/no service type/)).not.toBeInTheDocument();
  });
});
