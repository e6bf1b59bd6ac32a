import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { PERSON_ID, signInAs } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi } from '@/test/render';

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

import { EmergencyAccessGate } from './emergency-access-dialog';

beforeEach(async () => {
  await setLanguage('nb');
  signInAs(['helsepersonell'], 'Aisha Rahman');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('EmergencyAccessGate', () => {
  it('offers a clinician without need to know emergency access for 4 hours, and checks the category and reason before sending', async () => {
    const sent: unknown[] = [];
    stubApi({
      [`POST /api/intake/v1/persons/${PERSON_ID}/emergency-access`]: async (request) => {
        sent.push(await request.json());
        return jsonResponse({ id: 'e1', version: 1 }, 201);
      },
    });
    renderWithProviders(<EmergencyAccessGate personId={PERSON_ID} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Du har ikke tjenstlig behov' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Åpne nødtilgang' }));
    const dialog = await screen.findByTestId('emergency-dialog');
    expect(dialog).toHaveTextContent('4 timer');

    await userEvent.type(screen.getByLabelText('Begrunnelse', { exact: false }), 'Trenger liste');
    await userEvent.click(screen.getByRole('button', { name: 'Åpne nødtilgang i 4 timer' }));
    expect(await screen.findAllByText('Velg hvorfor du trenger tilgang')).not.toHaveLength(0);
    expect(screen.getAllByText(/minst en setning/).length).toBeGreaterThan(0);
    expect(sent).toHaveLength(0);

    await userEvent.click(screen.getByRole('radio', { name: /Akutt hjelp/ }));
    await userEvent.type(screen.getByLabelText('Begrunnelse', { exact: false }), ' nå, personen har falt i gangen');
    await userEvent.click(screen.getByRole('button', { name: 'Åpne nødtilgang i 4 timer' }));

    await waitFor(() => expect(sent).toEqual([{ category: 'acute_help', reason: 'Trenger liste nå, personen har falt i gangen' }]));
  });

  it('is not offered to other roles', () => {
    signInAs(['saksbehandler']);
    renderWithProviders(<EmergencyAccessGate personId={PERSON_ID} />);
    expect(screen.queryByRole('button', { name: 'Åpne nødtilgang' })).not.toBeInTheDocument();
  });
});
