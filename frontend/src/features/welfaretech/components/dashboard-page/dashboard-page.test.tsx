import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { signInAs } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi } from '@/test/render';

import type { BenefitDashboard, MeasuredLoan, TotalRead } from '../../api/types';

import { DashboardPage } from './dashboard-page';

const total = (measure: string, gain: string, overrides: Partial<TotalRead> = {}): TotalRead => ({
  measure,
  unit: 'h/week',
  loans_measured: 2,
  baseline: '14.00',
  follow_up: '6.00',
  gain,
  gain_per_year: measure === 'felt_safety' ? null : '416.00',
  ...overrides,
});
const TOTALS = [total('planned_visits', '14.00'), total('night_visits', '14.00'), total('staff_hours', '8.00'), total('falls', '4.00'), total('admissions', '2.00'), total('felt_safety', '2.00'), total('net_cost', '4680.00')];
const BOARD: BenefitDashboard = {
  municipality: '3207',
  loans_measured: 2,
  totals: TOTALS,
  by_technology: [{ technology_code: 'trygghetsalarm', technology_name: { nb: 'Trygghetsalarm', nn: 'Tryggleiksalarm', en: 'Safety alarm' }, loans_measured: 2, totals: TOTALS }],
  active_loans: 3,
  trials_due_for_evaluation: 1,
  checks_overdue: 0,
  staff_hour_cost_default_nok: 600,
};
const loan = (n: number): MeasuredLoan => ({
  loan_id: `00000000-0000-0000-0000-00000000000${n}`,
  technology_code: 'trygghetsalarm',
  unit: 'hjemmetjenesten-ski',
  installed_on: '2026-03-18',
  follow_up_week: 8,
  ledger: [{ measure: 'staff_hours', kind: 'time_saved', unit: 'h/week', baseline: '7.00', follow_up: `${n}.00`, gain: `${7 - n}.00`, gain_per_year: '208.00', formula: '' }],
});

async function axeClean(container: HTMLElement) {
  // Colour contrast needs a real layout engine; the e2e script checks it in a browser.
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);
}

beforeEach(async () => {
  await setLanguage('nb');
  signInAs(['leder']);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('DashboardPage', { timeout: 60_000 }, () => {
  it('shows the sums and opens the loans behind a figure a page at a time, only when asked', async () => {
    const asked: URL[] = [];
    const fetchMock = stubApi({
      'GET /api/welfaretech/v1/benefits/dashboard': () => jsonResponse(BOARD),
      'GET /api/welfaretech/v1/benefits/dashboard/loans': (request) => {
        const url = new URL(request.url);
        asked.push(url);
        return url.searchParams.get('cursor') === 'page-2' ? jsonResponse({ items: [loan(3)], next_cursor: null }) : jsonResponse({ items: [loan(1), loan(2)], next_cursor: 'page-2' });
      },
    });
    const { container } = renderWithProviders(<DashboardPage />, { path: '/velferdsteknologi/gevinster', route: '/velferdsteknologi/gevinster' });

    expect(await screen.findByTestId('total-staff_hours')).toHaveTextContent('8');
    const totals = screen.getByTestId('dashboard-totals');
    const hours = within(totals).getByRole('row', { name: /^Ansattimer/ });
    expect(within(hours).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['14', '6', '8', '416', '2Vis lån']);
    expect(fetchMock).toHaveBeenCalledTimes(1); // no loan is listed (nor logged) until asked
    await axeClean(container);

    await userEvent.click(within(hours).getByRole('button', { name: 'Vis lån bak Ansattimer for kommunen' }));
    const loans = await screen.findByTestId('dashboard-loans');
    expect(within(loans).getByRole('heading', { level: 2 })).toHaveFocus();
    expect(await within(loans).findAllByRole('row')).toHaveLength(3);
    expect(asked[0]?.searchParams.has('technology')).toBe(false);
    const first = within(loans).getByTestId(`dashboard-loan-${loan(1).loan_id}`);
    expect(within(first).getByRole('link', { name: 'Installert 18.03.2026' })).toHaveAttribute('href', `/velferdsteknologi/utlan/${loan(1).loan_id}`);
    expect(within(first).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['hjemmetjenesten-ski', '8', '7', '1', '6']);
    await axeClean(container);

    await userEvent.click(within(loans).getByRole('button', { name: 'Vis flere lån' }));
    await waitFor(() => expect(within(loans).getAllByRole('row')).toHaveLength(4));
    expect(asked[1]?.searchParams.get('cursor')).toBe('page-2');
    expect(within(loans).queryByRole('button', { name: 'Vis flere lån' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByText(/Trygghetsalarm · 2 utlån målt/));
    await userEvent.click(screen.getByRole('button', { name: 'Vis lån bak Ansattimer, Trygghetsalarm' }));
    await waitFor(() => expect(asked.at(-1)?.searchParams.get('technology')).toBe('trygghetsalarm'));
    expect(await screen.findByRole('heading', { level: 2, name: 'Utlånene bak: Ansattimer, Trygghetsalarm' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Lukk' }));
    expect(screen.queryByTestId('dashboard-loans')).not.toBeInTheDocument();
  });

  it('names the drill-down in nynorsk and English', async () => {
    stubApi({
      'GET /api/welfaretech/v1/benefits/dashboard': () => jsonResponse(BOARD),
      'GET /api/welfaretech/v1/benefits/dashboard/loans': () => jsonResponse({ items: [loan(1)], next_cursor: 'more' }),
    });
    await setLanguage('nn');
    const { unmount } = renderWithProviders(<DashboardPage />);
    await userEvent.click((await screen.findAllByRole('button', { name: /^Vis lån som ligg bak .* for kommunen$/ }))[0]!);
    expect(await screen.findByRole('button', { name: 'Vis fleire lån' })).toBeInTheDocument();
    unmount();

    await setLanguage('en');
    renderWithProviders(<DashboardPage />);
    await userEvent.click((await screen.findAllByRole('button', { name: /^Show loans behind .* for the municipality$/ }))[0]!);
    expect(await screen.findByRole('button', { name: 'Show more loans' })).toBeInTheDocument();
  });
});
