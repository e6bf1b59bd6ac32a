import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { queryKeys } from '@/lib/query-keys';
import { signInAs } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi } from '@/test/render';

import type { DeviceRead, DeviceStatus, LoanSummary } from '../../api/types';
import { alarm, ASSESSMENT_ID, PERSON_ID, RECOMMENDATION_ID } from '../../test/fixtures';

import { InventoryPage } from './inventory-page';

const PATH = '/velferdsteknologi/utstyr';
const LOANS = 'GET /api/welfaretech/v1/loans';
const DEVICES = 'GET /api/welfaretech/v1/devices';
const OVERDUE = 'GET /api/welfaretech/v1/loans/overdue-checks';

const uuid = (prefix: string, n: number) => `${prefix}-0000-0000-0000-${String(n).padStart(12, '0')}`;

const device = (n: number, status: DeviceStatus = 'in_stock'): DeviceRead => ({
  id: uuid('66666666', n),
  version: 1,
  technology_code: alarm.code,
  technology_name: alarm.name,
  kind: 'safety_alarm',
  serial: `3207-ALARM-${String(n).padStart(4, '0')}`,
  model: 'Alarm X',
  status,
  acquired_on: '2025-01-01',
});

const loan = (n: number): LoanSummary => ({
  id: uuid('77777777', n),
  version: 1,
  person_id: PERSON_ID,
  person_name: `Person ${n}`,
  person_name_available: true,
  needs_legal_decision: false,
  legal_decision_until: null,
  legal_basis_lapsed: false,
  legal_decision_lapses_soon: false,
  legal_decision_id: null,
  assessment_id: ASSESSMENT_ID,
  recommendation_id: RECOMMENDATION_ID,
  device: device(100 + n, 'on_loan'),
  unit: 'hjemmetjenesten-ski',
  installed_on: '2026-03-18',
  installed_by_name: 'Jonas Berg',
  alarm_chain_tested: true,
  dispenser_checklist: null,
  is_trial: false,
  evaluation_on: null,
  check_interval_days: 90,
  next_check_on: '2026-06-16',
  is_check_overdue: false,
  status: 'active',
  ended_on: null,
  end_reason: null,
});

/** A page of the API: `items`, and the cursor of the next page (null on the last). */
const page = <T,>(items: T[], next: string | null) => jsonResponse({ items, next_cursor: next });

/** A response the test sends when it chooses, to see the list while the page is under way. */
function deferred() {
  let resolve: (response: Response) => void = () => {};
  const promise = new Promise<Response>((r) => (resolve = r));
  return { promise, resolve };
}

async function axeClean(container: HTMLElement) {
  // Colour contrast needs a real layout engine; the e2e script checks it in a browser.
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);
}

const section = (name: string) => screen.getByRole('region', { name });
const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

beforeEach(async () => {
  await setLanguage('nb');
  signInAs(['velferdsteknolog']);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('InventoryPage', { timeout: 60_000 }, () => {
  it('shows the first fifty active loans, and «Vis flere» adds the next page by its cursor, with the focus on its first row', async () => {
    const asked: URL[] = [];
    const next = deferred();
    const fetchMock = stubApi({
      [OVERDUE]: () => jsonResponse([]),
      [DEVICES]: () => page([device(1)], null),
      [LOANS]: (request) => {
        const url = new URL(request.url);
        asked.push(url);
        return url.searchParams.get('cursor') === 'loans-2' ? next.promise : page([loan(1), loan(2)], 'loans-2');
      },
    });
    const { container } = renderWithProviders(<InventoryPage />, { path: PATH, route: PATH });

    const table = await screen.findByTestId('active-loans');
    expect(bodyRows(table).map((row) => within(row).getAllByRole('cell')[1]?.textContent)).toEqual(['Person 1', 'Person 2']);
    expect(within(table).getByText('De 2 første aktive utlånene, eldste installasjon først; flere finnes')).toBeInTheDocument();
    expect(asked).toHaveLength(1); // one page on opening, not every page
    expect(asked[0]?.searchParams.get('status')).toBe('active');
    expect(asked[0]?.searchParams.get('limit')).toBe('50');
    expect(asked[0]?.searchParams.has('cursor')).toBe(false);
    expect(fetchMock.mock.calls.filter(([input]) => new URL(input instanceof Request ? input.url : input.toString(), 'http://localhost').pathname.endsWith('/overdue-checks'))).toHaveLength(1);
    await axeClean(container);

    const loans = section('Aktive utlån');
    const more = within(loans).getByRole('button', { name: 'Vis flere' });
    expect(more).toHaveAccessibleDescription('Aktive utlån');
    await userEvent.click(more);
    await waitFor(() => expect(more).toHaveAttribute('aria-busy', 'true'));
    expect(more).toHaveFocus();
    expect(asked[1]?.searchParams.get('cursor')).toBe('loans-2');
    expect(asked[1]?.searchParams.get('limit')).toBe('50');
    expect(asked[1]?.searchParams.get('status')).toBe('active');

    next.resolve(page([loan(3)], null));
    await waitFor(() => expect(bodyRows(table)).toHaveLength(3));
    expect(bodyRows(table).map((row) => within(row).getAllByRole('cell')[1]?.textContent)).toEqual(['Person 1', 'Person 2', 'Person 3']);
    expect(within(loans).queryByRole('button', { name: 'Vis flere' })).not.toBeInTheDocument();
    await waitFor(() => expect(bodyRows(table)[2]).toHaveFocus());
    expect(within(table).getByText('3 aktive utlån, eldste installasjon først')).toBeInTheDocument();
    expect(asked).toHaveLength(2);
    await axeClean(container);
  });

  it('pages the devices with the status filter in the query, starting again from the first page when the filter changes', async () => {
    const asked: URL[] = [];
    stubApi({
      [OVERDUE]: () => jsonResponse([]),
      [LOANS]: () => page([], null),
      [DEVICES]: (request) => {
        const url = new URL(request.url);
        asked.push(url);
        const status = url.searchParams.get('status');
        if (status === 'in_repair') return page([device(9, 'in_repair')], null);
        return url.searchParams.get('cursor') === 'devices-2' ? page([device(3)], 'devices-3') : page([device(1), device(2)], 'devices-2');
      },
    });
    renderWithProviders(<InventoryPage />, { path: PATH, route: PATH });

    const table = await screen.findByTestId('devices');
    expect(bodyRows(table).map((row) => within(row).getAllByRole('cell')[0]?.textContent)).toEqual(['3207-ALARM-0001', '3207-ALARM-0002']);
    expect(within(table).getByText('De 2 første enhetene; flere finnes')).toBeInTheDocument();
    expect(asked[0]?.searchParams.get('limit')).toBe('50');
    expect(asked[0]?.searchParams.has('status')).toBe(false);
    expect(asked[0]?.searchParams.has('cursor')).toBe(false);

    const devices = section('Enheter');
    const more = within(devices).getByRole('button', { name: 'Vis flere' });
    await userEvent.click(more);
    await waitFor(() => expect(bodyRows(table)).toHaveLength(3));
    expect(asked[1]?.searchParams.get('cursor')).toBe('devices-2');
    expect(bodyRows(table)[2]).toHaveFocus(); // the first row of the new page
    // A next page still: the button stays for it.
    expect(within(devices).getByRole('button', { name: 'Vis flere' })).toBeInTheDocument();

    await userEvent.selectOptions(within(devices).getByRole('combobox', { name: 'Vis status' }), 'in_repair');
    await waitFor(() => expect(bodyRows(screen.getByTestId('devices')).map((row) => within(row).getAllByRole('cell')[0]?.textContent)).toEqual(['3207-ALARM-0009']));
    const filtered = asked.at(-1);
    expect(filtered?.searchParams.get('status')).toBe('in_repair');
    expect(filtered?.searchParams.has('cursor')).toBe(false);
    expect(filtered?.searchParams.get('limit')).toBe('50');
    expect(within(devices).queryByRole('button', { name: 'Vis flere' })).not.toBeInTheDocument();
    expect(screen.getByText('1 enhet')).toBeInTheDocument();
  });

  it('keeps the rows shown and the button when the next page fails, and tries that page again', async () => {
    let failing = true;
    const asked: URL[] = [];
    stubApi({
      [OVERDUE]: () => jsonResponse([]),
      [DEVICES]: () => page([], null),
      [LOANS]: (request) => {
        const url = new URL(request.url);
        asked.push(url);
        if (url.searchParams.get('cursor') !== 'loans-2') return page([loan(1)], 'loans-2');
        return failing ? jsonResponse({ title: 'Unavailable', status: 503 }, 503, 'application/problem+json') : page([loan(2)], null);
      },
    });
    renderWithProviders(<InventoryPage />, { path: PATH, route: PATH });

    const table = await screen.findByTestId('active-loans');
    const loans = section('Aktive utlån');
    const more = within(loans).getByRole('button', { name: 'Vis flere' });
    await userEvent.click(more);
    const retry = await within(loans).findByRole('button', { name: 'Prøv igjen' });
    expect(bodyRows(table)).toHaveLength(1);
    expect(more).toBeInTheDocument();
    expect(more).toHaveFocus();

    failing = false;
    await userEvent.click(retry);
    await waitFor(() => expect(bodyRows(table)).toHaveLength(2));
    expect(asked.map((url) => url.searchParams.get('cursor'))).toEqual([null, 'loans-2', 'loans-2']);
    await waitFor(() => expect(bodyRows(table)[1]).toHaveFocus()); // not lost with the alert and the button
    expect(within(loans).queryByRole('button', { name: 'Vis flere' })).not.toBeInTheDocument();
  });

  it('moves the focus to the table when the last page turns out empty, as the button goes away', async () => {
    stubApi({
      [OVERDUE]: () => jsonResponse([]),
      [LOANS]: () => page([], null),
      [DEVICES]: (request) => (new URL(request.url).searchParams.get('cursor') === 'devices-2' ? page([], null) : page([device(1)], 'devices-2')),
    });
    renderWithProviders(<InventoryPage />, { path: PATH, route: PATH });

    await screen.findByTestId('devices');
    const devices = section('Enheter');
    await userEvent.click(within(devices).getByRole('button', { name: 'Vis flere' }));
    await waitFor(() => expect(within(devices).queryByRole('button', { name: 'Vis flere' })).not.toBeInTheDocument());
    await waitFor(() => expect(within(devices).getByRole('region', { name: '1 enhet' })).toHaveFocus());
  });

  it('fetches the loaded pages again when a loan or a device changes (the mutations’ invalidation)', async () => {
    const asked: string[] = [];
    stubApi({
      [OVERDUE]: () => jsonResponse([]),
      [DEVICES]: (request) => {
        asked.push(`devices ${new URL(request.url).searchParams.get('cursor')}`);
        return page([device(1)], null);
      },
      [LOANS]: (request) => {
        asked.push(`loans ${new URL(request.url).searchParams.get('cursor')}`);
        return page([loan(1)], null);
      },
    });
    const { queryClient } = renderWithProviders(<InventoryPage />, { path: PATH, route: PATH });
    await screen.findByTestId('active-loans');
    await screen.findByTestId('devices');
    expect(asked.sort()).toEqual(['devices null', 'loans null']);

    // What useStartLoan, useEndLoan and useRecordCheck invalidate after they succeed.
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.welfaretech.loans.all(), predicate: (q) => q.queryKey[2] !== 'detail' }),
      queryClient.invalidateQueries({ queryKey: ['welfaretech', 'devices'] }),
    ]);
    expect(asked.sort()).toEqual(['devices null', 'devices null', 'loans null', 'loans null']);
  });

  it('names «Vis flere» in nynorsk and English', async () => {
    stubApi({
      [OVERDUE]: () => jsonResponse([]),
      [DEVICES]: () => page([device(1)], 'devices-2'),
      [LOANS]: () => page([loan(1)], 'loans-2'),
    });
    await setLanguage('nn');
    const { unmount } = renderWithProviders(<InventoryPage />, { path: PATH, route: PATH });
    expect(await screen.findAllByRole('button', { name: 'Vis fleire' })).toHaveLength(2);
    unmount();

    await setLanguage('en');
    renderWithProviders(<InventoryPage />, { path: PATH, route: PATH });
    expect(await screen.findAllByRole('button', { name: 'Show more' })).toHaveLength(2);
  });
});
