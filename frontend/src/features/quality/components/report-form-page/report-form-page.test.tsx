import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { signInAs } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi, validationProblem } from '@/test/render';

import { deviation, guidance, units } from '../../test/fixtures';

import { ReportFormPage } from './report-form-page';

function stub(post: (request: Request) => Response | Promise<Response>) {
  return stubApi({
    'GET /api/quality/v1/reference/risk-guidance': () => jsonResponse(guidance),
    'GET /api/catalogue/v1/units': () => jsonResponse(units),
    'POST /api/quality/v1/deviations': post,
  });
}

const route = { path: '/avvik/ny', route: '/avvik/ny' };

async function fillQuickReport(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole('option', { name: 'Hjemmetjenesten Ski' });
  await user.selectOptions(screen.getByLabelText('Enhet'), 'hjemmetjenesten-ski');
  await user.click(screen.getByRole('radio', { name: 'Legemidler' }));
  await user.type(screen.getByLabelText('Hva skjedde?'), 'Dobbel dose gitt.');
  await user.click(await screen.findByRole('radio', { name: /^3 – Konsekvensnivå 3/ }));
  await user.click(screen.getByRole('radio', { name: /^4 – Sannsynlighetsnivå 4/ }));
}

beforeEach(async () => {
  await setLanguage('nb');
  signInAs(['helsepersonell']);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ReportFormPage', () => {
  it('guides the grading with the definitions and the category’s example, and shows the score on the matrix at once', async () => {
    stub(() => jsonResponse({}, 500));
    const user = userEvent.setup();
    renderWithProviders(<ReportFormPage />, route);

    await user.click(await screen.findByRole('radio', { name: 'Legemidler' }));
    const three = await screen.findByRole('radio', { name: /^3 – Konsekvensnivå 3/ });
    expect(three).toHaveAccessibleDescription(/Konsekvensdefinisjon 3\..*Eksempel: Dobbel dose blodtrykksmedisin\./);
    expect(screen.getByTestId('risk-result')).toHaveTextContent('Velg konsekvens og sannsynlighet');

    await user.click(three);
    await user.click(screen.getByRole('radio', { name: /^4 – Sannsynlighetsnivå 4/ }));

    expect(screen.getByTestId('risk-result')).toHaveTextContent('Konsekvens 3 × sannsynlighet 4 = 12');
    expect(screen.getByTestId('risk-result')).toHaveTextContent('Høy risiko · 12');
    const matrix = screen.getByTestId('report-matrix');
    const current = matrix.querySelector('[aria-current="true"]');
    expect(current).toHaveTextContent('Konsekvens 3, sannsynlighet 4: risiko 12, Høy');
  });

  it('keeps the samhandlingsavvik apart and asks for the other party', async () => {
    const post = vi.fn(() => jsonResponse(deviation(), 201));
    stub(post);
    const user = userEvent.setup();
    renderWithProviders(<ReportFormPage />, route);

    const apart = await screen.findByTestId('collaboration-choice');
    await user.click(within(apart).getByRole('radio', { name: /Samhandlingsavvik/ }));
    await user.click(screen.getByRole('button', { name: 'Send avviket' }));

    const party = screen.getByLabelText('Hvem gjelder det?');
    expect(party).toHaveAccessibleDescription(/Skriv hvem samhandlingsavviket gjelder/);
    expect(post).not.toHaveBeenCalled();
  });

  it('shows what is missing at each field and in the summary, and sends nothing', async () => {
    const post = vi.fn(() => jsonResponse(deviation(), 201));
    stub(post);
    const user = userEvent.setup();
    renderWithProviders(<ReportFormPage />, route);

    await user.click(await screen.findByRole('button', { name: 'Send avviket' }));

    const summary = await screen.findByTestId('error-summary');
    expect(within(summary).getByRole('link', { name: 'Hva skjedde? må fylles ut.' })).toBeInTheDocument();
    expect(within(summary).getByRole('link', { name: 'Velg hva slags avvik det er.' })).toBeInTheDocument();
    const what = screen.getByLabelText('Hva skjedde?');
    expect(what).toBeInvalid();
    expect(what).toHaveAccessibleDescription(/Hva skjedde\? må fylles ut\./);
    expect(post).not.toHaveBeenCalled();
  });

  it('places a 422 from the API at its field, in the form’s own words', { timeout: 60_000 }, async () => {
    stub(() => validationProblem([{ field: 'body.unit', message: 'String should match pattern' }]));
    const user = userEvent.setup();
    renderWithProviders(<ReportFormPage />, route);

    await fillQuickReport(user);
    await user.click(screen.getByRole('button', { name: 'Send avviket' }));

    const unit = await screen.findByLabelText('Enhet');
    await waitFor(() => expect(unit).toHaveAttribute('aria-invalid', 'true'));
    expect(within(screen.getByTestId('error-summary')).getByRole('link', { name: 'Velg enheten der det skjedde.' })).toBeInTheDocument();
    expect(screen.queryByText('String should match pattern')).not.toBeInTheDocument();
  });

  it('sends an anonymous report without a person and shows the receipt code once', { timeout: 60_000 }, async () => {
    let sent: Record<string, unknown> = {};
    let key: string | null = null;
    stub(async (request) => {
      sent = await request.json();
      key = request.headers.get('Idempotency-Key');
      return jsonResponse({ ...deviation({ is_anonymous: true, reporter: null }), receipt_code: 'ABCD-EFGH-JKLM' }, 201);
    });
    const user = userEvent.setup();
    renderWithProviders(<ReportFormPage />, route);

    await fillQuickReport(user);
    await user.click(screen.getByRole('checkbox', { name: /Meld anonymt/ }));
    expect(screen.getByTestId('anonymous-note')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send avviket' }));

    expect(await screen.findByTestId('receipt-code')).toHaveTextContent('ABCD-EFGH-JKLM');
    expect(sent).toMatchObject({ is_anonymous: true, person_id: null, category: 'medication', consequence: 3, probability: 4, unit: 'hjemmetjenesten-ski' });
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
  });
});
