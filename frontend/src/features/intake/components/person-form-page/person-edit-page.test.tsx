import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { person, PERSON_ID, signInAs } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi } from '@/test/render';

import { PersonEditPage } from './person-form-page';

const route = { path: '/personer/:id/endre', route: `/personer/${PERSON_ID}/endre` };
const PATH = `/api/intake/v1/persons/${PERSON_ID}`;

beforeEach(async () => {
  await setLanguage('nb');
  signInAs(['saksbehandler']);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('PersonEditPage', { timeout: 60_000 }, () => {
  it('opens with the stored details, keeps the national id and sends the changes with If-Match', async () => {
    let sent: { body: unknown; ifMatch: string | null } | null = null;
    stubApi({
      [`GET ${PATH}`]: () => jsonResponse(person),
      [`PATCH ${PATH}`]: async (request) => {
        sent = { body: await request.json(), ifMatch: request.headers.get('If-Match') };
        return jsonResponse({ ...person, phone: '+4791234567', version: 2 });
      },
    });
    const { router } = renderWithProviders(<PersonEditPage />, route);

    const given = await screen.findByLabelText('Fornavn');
    expect(given).toHaveValue('Kari');
    expect(screen.getByLabelText(/Fødselsnummer eller D-nummer/)).toHaveAttribute('readonly');
    await userEvent.type(screen.getByLabelText('Telefon'), '+4791234567');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre endringene' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/personer/${PERSON_ID}`));
    expect(sent!.ifMatch).toBe('"1"');
    expect(sent!.body).toMatchObject({ given_name: 'Kari', phone: '+4791234567' });
    expect(sent!.body).not.toHaveProperty('national_id');
  });

  it('says someone else changed the person when the API answers 412, and reloads on request', async () => {
    let version = 1;
    stubApi({
      [`GET ${PATH}`]: () => jsonResponse({ ...person, version, given_name: version === 1 ? 'Kari' : 'Karin' }),
      [`PATCH ${PATH}`]: () => {
        version = 2;
        return jsonResponse({ title: 'Precondition Failed', status: 412 }, 412, 'application/problem+json');
      },
    });
    renderWithProviders(<PersonEditPage />, route);

    await screen.findByLabelText('Fornavn');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre endringene' }));

    const alert = await screen.findByTestId('stale-alert');
    expect(alert).toHaveTextContent('Noen andre har endret personopplysningene');
    await userEvent.click(screen.getByRole('button', { name: 'Last inn på nytt' }));
    await waitFor(() => expect(screen.getByLabelText('Fornavn')).toHaveValue('Karin'));
    expect(screen.queryByTestId('stale-alert')).not.toBeInTheDocument();
  });
});
