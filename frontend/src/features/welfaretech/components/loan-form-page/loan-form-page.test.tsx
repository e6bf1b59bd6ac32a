import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { signInAs } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi } from '@/test/render';

import { ASSESSMENT_ID, RECOMMENDATION_ID, assessment, device, recommendation } from '../../test/fixtures';

import { LoanFormPage } from './loan-form-page';

const route = {
  path: '/velferdsteknologi/kartlegginger/:id/anbefalinger/:recommendationId/utlan',
  route: `/velferdsteknologi/kartlegginger/${ASSESSMENT_ID}/anbefalinger/${RECOMMENDATION_ID}/utlan`,
};

function stub(postLoan: (request: Request) => Response | Promise<Response>, data = assessment()) {
  return stubApi({
    [`GET /api/welfaretech/v1/assessments/${ASSESSMENT_ID}`]: () => jsonResponse(data),
    'GET /api/welfaretech/v1/devices': () => jsonResponse({ items: [device(1), device(2)], next_cursor: null }),
    'POST /api/welfaretech/v1/loans': postLoan,
  });
}

beforeEach(async () => {
  await setLanguage('nb');
  signInAs(['velferdsteknolog']);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('LoanFormPage', { timeout: 60_000 }, () => {
  it('needs a device and the alarm chain tested', async () => {
    const post = vi.fn(() => jsonResponse({}, 500));
    stub(post);
    renderWithProviders(<LoanFormPage />, route);
    await screen.findByRole('radio', { name: /3207-ALARM-0001/ }, { timeout: 5000 });
    expect(screen.getByText('Responssenteret')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Registrer utlånet' }));
    const summary = await screen.findByTestId('error-summary');
    expect(summary).toHaveTextContent('Velg hvilken enhet som installeres.');
    expect(summary).toHaveTextContent('Svar på om responskjeden ble testet og virket.');
    expect(post).not.toHaveBeenCalled();
  });

  it('shows a device already on loan (409) plainly', async () => {
    let body: unknown;
    stub(async (request) => {
      body = await request.json();
      return jsonResponse(
        { type: 'https://mestring.no/problems/device-on-loan', title: 'The device is on loan to someone else', status: 409, detail: 'The device is on_loan, not in stock' },
        409,
        'application/problem+json',
      );
    });
    renderWithProviders(<LoanFormPage />, route);
    await userEvent.click(await screen.findByRole('radio', { name: /3207-ALARM-0002/ }));
    await userEvent.click(screen.getByRole('radio', { name: 'Testen virket hele veien' }));
    await userEvent.click(screen.getByRole('button', { name: 'Registrer utlånet' }));
    expect(await screen.findByTestId('problem-deviceOnLoan')).toHaveTextContent('Enheten er allerede utlånt');
    expect(screen.queryByText(/not in stock/)).not.toBeInTheDocument();
    expect(body).toMatchObject({ recommendation_id: RECOMMENDATION_ID, device_id: device(2).id, unit: 'hjemmetjenesten-ski', alarm_chain_tested: true, dispenser_checklist: null });
  });

  it('tells a retired device (its own problem type) from one on loan', async () => {
    stub(async () =>
      jsonResponse({ type: 'https://mestring.no/problems/device-not-available', title: 'The device is not in stock', status: 409 }, 409, 'application/problem+json'),
    );
    renderWithProviders(<LoanFormPage />, route);
    await userEvent.click(await screen.findByRole('radio', { name: /3207-ALARM-0002/ }));
    await userEvent.click(screen.getByRole('radio', { name: 'Testen virket hele veien' }));
    await userEvent.click(screen.getByRole('button', { name: 'Registrer utlånet' }));
    expect(await screen.findByTestId('problem-deviceNotAvailable')).toHaveTextContent('Enheten er ikke på lager');
    expect(screen.queryByTestId('problem-deviceOnLoan')).not.toBeInTheDocument();
  });

  it('explains a refusal for lack of a legal basis', async () => {
    stub(
      () =>
        jsonResponse(
          { type: 'https://mestring.no/problems/legal-basis-missing', title: 'Consent or a legal basis is missing', status: 409 },
          409,
          'application/problem+json',
        ),
      assessment({
        consent_capacity: 'no',
        consent_given: null,
        recommendations: [recommendation({ status: 'accepted', provider: 'municipal_loan', decision_reason: 'x', may_activate: false, needs_legal_decision: true })],
      }),
    );
    renderWithProviders(<LoanFormPage />, route);
    expect(await screen.findByTestId('activation-blocked')).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('radio', { name: /3207-ALARM-0001/ }));
    await userEvent.click(screen.getByRole('radio', { name: 'Testen virket hele veien' }));
    await userEvent.click(screen.getByRole('button', { name: 'Registrer utlånet' }));
    expect(await screen.findByTestId('problem-legalBasisMissing')).toHaveTextContent('§ 4-6 a');
  });
});
