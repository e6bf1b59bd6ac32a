import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { signInAs } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage } from '@/test/render';

import { PersonFormPage } from './person-form-page';

const route = { path: '/personer/ny', route: '/personer/ny' };

function stubPost(respond: (request: Request) => Response | Promise<Response>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const request = input as Request;
    if (new URL(request.url).pathname === '/api/intake/v1/persons' && request.method === 'POST') return respond(request);
    return jsonResponse({ title: 'Not found', status: 404 }, 404, 'application/problem+json');
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function fillRequired(nationalId: string) {
  await userEvent.type(screen.getByLabelText(/Fødselsnummer eller D-nummer/), nationalId);
  await userEvent.type(screen.getByLabelText('Fornavn'), 'Kari');
  await userEvent.type(screen.getByLabelText('Etternavn'), 'Nordmann');
}

beforeEach(async () => {
  await setLanguage('nb');
  signInAs(['saksbehandler']);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('PersonFormPage', { timeout: 60_000 }, () => {
  it('checks for 11 digits before sending, and points the summary at the field', async () => {
    const fetchMock = stubPost(() => jsonResponse({}, 500));
    renderWithProviders(<PersonFormPage />, route);

    await fillRequired('1234');
    await userEvent.click(screen.getByRole('button', { name: 'Registrer person' }));

    const summary = await screen.findByTestId('error-summary');
    const link = within(summary).getByRole('link', { name: 'Fødselsnummeret må ha 11 siffer.' });
    expect(link).toHaveAttribute('href', '#person-national_id');
    const input = screen.getByLabelText(/Fødselsnummer eller D-nummer/);
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
    expect(fetchMock).not.toHaveBeenCalled();

    await userEvent.click(link);
    expect(input).toHaveFocus();
  });

  it('shows the API’s wrong check digit at the national id input, translated', async () => {
    stubPost(() =>
      jsonResponse(
        {
          type: 'https://mestring.no/problems/validation',
          title: 'The request breaks a rule',
          status: 422,
          errors: [{ field: 'body.national_id', message: 'The check digits are wrong; check the number for typing errors' }],
        },
        422,
        'application/problem+json',
      ),
    );
    renderWithProviders(<PersonFormPage />, route);

    await fillRequired('15854412346');
    await userEvent.click(screen.getByRole('button', { name: 'Registrer person' }));

    const message = 'Fødselsnummeret er ikke gyldig. Sjekk at alle sifrene er riktige.';
    const summary = await screen.findByTestId('error-summary');
    expect(within(summary).getByRole('link', { name: message })).toHaveAttribute('href', '#person-national_id');
    const input = screen.getByLabelText(/Fødselsnummer eller D-nummer/);
    await waitFor(() => expect(input).toHaveAccessibleDescription(expect.stringContaining(message)));
    expect(screen.queryByText(/check digits/)).not.toBeInTheDocument();

    // Correcting the number takes the API's message away at once.
    await userEvent.type(input, '{backspace}5');
    expect(screen.queryByTestId('error-summary')).not.toBeInTheDocument();
  });

  it('sends relatives and representatives as repeatable groups, then opens the new person', async () => {
    let body: Record<string, unknown> | undefined;
    stubPost(async (request) => {
      body = (await request.json()) as Record<string, unknown>;
      return jsonResponse({ id: '44444444-4444-4444-4444-444444444444' }, 201);
    });
    const { router } = renderWithProviders(<PersonFormPage />, route);

    await fillRequired('158544 12345');
    await userEvent.click(screen.getByRole('button', { name: 'Legg til pårørende' }));
    const relative = screen.getByRole('group', { name: 'Pårørende 1' });
    expect(within(relative).getByLabelText('Navn')).toHaveFocus();
    await userEvent.type(within(relative).getByLabelText('Navn'), 'Ola Nordmann');
    await userEvent.type(within(relative).getByLabelText(/^Relasjon/), 'sønn');
    await userEvent.click(within(relative).getByRole('radio', { name: /Praktiske opplysninger/ }));

    await userEvent.click(screen.getByRole('button', { name: 'Legg til verge eller fullmektig' }));
    const representative = screen.getByRole('group', { name: 'Verge eller fullmektig 1' });
    expect(within(representative).getByLabelText(/^Type/)).toHaveFocus();
    await userEvent.selectOptions(within(representative).getByLabelText(/^Type/), 'power_of_attorney');
    await userEvent.type(within(representative).getByLabelText('Navn'), 'Per Hansen');
    await userEvent.type(within(representative).getByLabelText(/Hva gjelder/), 'Økonomi');

    await userEvent.click(screen.getByRole('button', { name: 'Registrer person' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/personer/44444444-4444-4444-4444-444444444444'));
    expect(body).toMatchObject({
      national_id: '15854412345',
      given_name: 'Kari',
      family_name: 'Nordmann',
      gp: null,
      relatives: [{ name: 'Ola Nordmann', relation: 'sønn', information_scope: 'practical', is_next_of_kin: false }],
      representatives: [{ kind: 'power_of_attorney', name: 'Per Hansen', scope: 'Økonomi', valid_from: null, valid_to: null }],
    });
  });
});
