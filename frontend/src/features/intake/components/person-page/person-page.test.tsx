import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { signInAs, text } from '@/test/fixtures';
import { PersonSlotsContext } from '@/lib/person-slots';
import { jsonResponse, renderWithProviders, setLanguage } from '@/test/render';

import { PersonPage } from './person-page';

const PERSON_ID = '55555555-5555-5555-5555-555555555555';
const APPLICATION_ID = '66666666-6666-6666-6666-666666666666';

const person = {
  id: PERSON_ID,
  national_id: '15854412345',
  national_id_masked: '158544*****',
  given_name: 'Kari',
  family_name: 'Nordmann',
  birth_date: '1944-05-15',
  address: { street: 'Storgata 1', postcode: '1400', city: 'Ski' },
  phone: '99999999',
  preferred_language: 'nb',
  needs_interpreter: true,
  interpreter_language: 'nordsamisk',
  gp: { name: 'Dr. Berg', practice: 'Ski legesenter', phone: null },
  relatives: [
    {
      id: '77777777-7777-7777-7777-777777777777',
      name: 'Ola Nordmann',
      relation: 'sønn',
      phone: null,
      email: null,
      is_next_of_kin: true,
      information_scope: 'practical',
      can_help_with: 'Handling',
    },
  ],
  representatives: [],
  version: 1,
};

const application = {
  id: APPLICATION_ID,
  person: { id: PERSON_ID, given_name: 'Kari', family_name: 'Nordmann', birth_date: '1944-05-15', national_id_masked: '158544*****', city: 'Ski' },
  channel: 'phone',
  received_on: '2026-11-23',
  applicant_kind: 'self',
  applicant_name: null,
  services: [{ service_type: 'hjemmesykepleie', service_name: text('Hjemmesykepleie'), care_level_rank: 3, requires_decision: true, note: null }],
  what_matters: 'Å bo hjemme.',
  urgency: 'normal',
  consent_to_obtain_information: true,
  status: 'received',
  interim_reply_due: '2026-12-23',
  interim_reply_sent_on: null,
  assessment_unit: null,
  registered_by: 'saksbehandler-nordrefollo',
  created_at: '2026-11-23T10:00:00Z',
  version: 1,
};

function stubApi() {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL((input as Request).url);
    switch (url.pathname) {
      case `/api/intake/v1/persons/${PERSON_ID}`:
        return jsonResponse(person);
      case `/api/intake/v1/persons/${PERSON_ID}/timeline`:
        // Out of order on purpose: the page shows them by date.
        return jsonResponse([
          { on: '2026-12-23', kind: 'application.interim_reply_due', id: APPLICATION_ID, summary: 'Hjemmesykepleie', status: 'due' },
          { on: '2026-11-23', kind: 'application.received', id: APPLICATION_ID, summary: 'Hjemmesykepleie', status: 'received' },
        ]);
      case '/api/intake/v1/applications':
        return jsonResponse({ items: [application], next_cursor: null });
      case `/api/intake/v1/persons/${PERSON_ID}/access-log`:
        return jsonResponse({
          items: [
            {
              occurred_at: '2026-11-23T09:15:00Z',
              actor: 'leder-nordrefollo',
              actor_name: 'Randi Leder',
              actor_roles: ['leder'],
              action: 'read',
              resource: 'person',
              resource_id: PERSON_ID,
              reason: null,
            },
          ],
          next_cursor: null,
        });
      default:
        return jsonResponse({ title: 'Not found', status: 404 }, 404, 'application/problem+json');
    }
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const route = { path: '/personer/:id', route: `/personer/${PERSON_ID}` };
const paths = (fetchMock: ReturnType<typeof stubApi>) => fetchMock.mock.calls.map(([input]) => new URL((input as Request).url).pathname);

beforeEach(async () => {
  await setLanguage('nb');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('PersonPage', () => {
  it('shows the person in full, relatives with what they may be told, and the timeline by date', async () => {
    signInAs(['saksbehandler']);
    stubApi();
    renderWithProviders(<PersonPage />, route);

    expect(await screen.findByRole('heading', { level: 1, name: 'Kari Nordmann' })).toBeInTheDocument();
    expect(screen.getByTestId('national-id')).toHaveTextContent('158544 12345');
    expect(screen.getByText('Trenger tolk: nordsamisk')).toBeInTheDocument();
    expect(screen.getByText('Praktiske opplysninger')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ny søknad' })).toHaveAttribute('href', `/personer/${PERSON_ID}/soknad/ny`);

    const timeline = await screen.findByTestId('timeline');
    const entries = within(timeline).getAllByRole('listitem');
    expect(entries.map((entry) => entry.getAttribute('data-kind'))).toEqual(['application.received', 'application.interim_reply_due']);
    expect(entries[1]).toHaveTextContent('23. desember 2026');
    expect(entries[1]).toHaveTextContent('Frist for foreløpig svar');

    const card = await screen.findByTestId('application-card');
    expect(card).toHaveTextContent('Hjemmesykepleie');
    expect(card).toHaveTextContent('Å bo hjemme.');
  });

  it('fetches the access log only when a caseworker opens it', async () => {
    signInAs(['saksbehandler']);
    const fetchMock = stubApi();
    renderWithProviders(<PersonPage />, route);
    await screen.findByRole('heading', { level: 1, name: 'Kari Nordmann' });
    expect(screen.getByRole('heading', { level: 2, name: 'Tilgangslogg' })).toBeInTheDocument();
    expect(paths(fetchMock)).not.toContain(`/api/intake/v1/persons/${PERSON_ID}/access-log`);

    await userEvent.click(screen.getByText('Vis tilgangsloggen'));

    const log = await screen.findByTestId('access-log');
    expect(within(log).getAllByRole('row')[1]).toHaveTextContent(/Randi Leder.*Leder.*Oppslag: personopplysninger/);
  });

  it('has no «Ny søknad» for a coordinator, and offers coordination’s access log, not intake’s', async () => {
    signInAs(['koordinator']);
    const fetchMock = stubApi();
    renderWithProviders(<PersonPage />, route);
    await screen.findByRole('heading', { level: 1, name: 'Kari Nordmann' });

    expect(screen.queryByRole('link', { name: 'Ny søknad' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByText('Vis tilgangsloggen'));
    expect(await screen.findByTestId('access-log-coordination-none')).toBeInTheDocument(); // the stub knows no coordination
    expect(paths(fetchMock)).toContain(`/api/coordination/v1/persons/${PERSON_ID}/access-log`);
    expect(paths(fetchMock)).not.toContain(`/api/intake/v1/persons/${PERSON_ID}/access-log`);
  });

  it('shows the actions other features add (reporting a coordination need), also to a coordinator', async () => {
    signInAs(['koordinator']);
    stubApi();
    renderWithProviders(
      <PersonSlotsContext.Provider value={{ actions: (id) => <a href={`/koordinering/meld-behov?person=${id}`}>Meld behov for koordinering</a> }}>
        <PersonPage />
      </PersonSlotsContext.Provider>,
      route,
    );
    await screen.findByRole('heading', { level: 1, name: 'Kari Nordmann' });
    expect(screen.getByRole('link', { name: 'Meld behov for koordinering' })).toHaveAttribute('href', `/koordinering/meld-behov?person=${PERSON_ID}`);
    expect(screen.queryByRole('link', { name: 'Ny søknad' })).not.toBeInTheDocument();
  });

  it('shows a clinician refused the person what the app adds for it (the way to emergency access)', async () => {
    signInAs(['helsepersonell']);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse({ title: 'Forbidden', status: 403 }, 403, 'application/problem+json')),
    );
    renderWithProviders(
      <PersonSlotsContext.Provider value={{ refused: (id) => <p>nødtilgang til {id}</p> }}>
        <PersonPage />
      </PersonSlotsContext.Provider>,
      route,
    );
    expect(await screen.findByText(`nødtilgang til ${PERSON_ID}`)).toBeInTheDocument();
  });
});
