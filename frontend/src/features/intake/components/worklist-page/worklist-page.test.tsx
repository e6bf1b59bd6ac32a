import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { osloToday } from '@/lib/dates';
import { personSummary, signInAs } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi } from '@/test/render';

import { WorklistPage } from './worklist-page';

const today = osloToday();
const shift = (days: number) => {
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
const task = (index: number, kind: string, days: number, title = '') => ({
  kind,
  due: shift(days),
  overdue: days < 0,
  subject_id: `s-${index}`,
  person: personSummary,
  title,
  mine: true,
});

const items = [
  task(1, 'interim_reply_due', -3, 'Hjemmesykepleie'),
  task(2, 'awaiting_approval', 2),
  ...Array.from({ length: 24 }, (_, index) => task(10 + index, 'review_due', 10 + index)),
];
const counts = [
  { kind: 'interim_reply_due', total: 1, overdue: 1, due_within_a_week: 0 },
  { kind: 'awaiting_approval', total: 1, overdue: 0, due_within_a_week: 1 },
  { kind: 'review_due', total: 24, overdue: 0, due_within_a_week: 0 },
];

/** The API's answer: the scope's counts, and twenty tasks of the kinds asked for from the cursor (an index here). */
function worklistResponse(request: Request) {
  const query = new URL(request.url).searchParams;
  const kinds = query.getAll('kind');
  const chosen = kinds.length > 0 ? items.filter((item) => kinds.includes(item.kind)) : items;
  const from = Number(query.get('cursor') ?? 0);
  const limit = Number(query.get('limit') ?? 50);
  const next = from + limit < chosen.length ? String(from + limit) : null;
  return jsonResponse({ items: chosen.slice(from, from + limit), next_cursor: next, counts, count_cap: 99 });
}

beforeEach(async () => {
  await setLanguage('en');
  signInAs(['saksbehandler']);
  stubApi({
    'GET /api/intake/v1/worklist': worklistResponse,
    'GET /api/catalogue/v1/service-types': () =>
      jsonResponse({ items: [{ code: 'hjemmesykepleie', name: { nb: 'Hjemmesykepleie', nn: 'Heimesjukepleie', en: 'Home nursing' } }], next_cursor: null }),
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const queryOf = (input: unknown) => new URL((input as Request).url).searchParams;

describe('WorklistPage', { timeout: 60_000 }, () => {
  it('counts, marks today after the overdue, translates services and shows more on request', async () => {
    renderWithProviders(<WorklistPage />, { path: '/arbeidsliste', route: '/arbeidsliste' });

    const summary = await screen.findByTestId('worklist-counts');
    expect(summary).toHaveTextContent('1 overdue');
    expect(summary).toHaveTextContent('1 due within a week');
    expect(summary).toHaveTextContent('1 awaiting approval');
    expect(summary).toHaveTextContent('26 tasks in all');

    const list = screen.getByTestId('worklist');
    const cards = within(list).getAllByTestId('worklist-item');
    expect(cards).toHaveLength(20);
    expect(cards[0]).toHaveAttribute('data-overdue', 'true');
    expect(await within(cards[0] as HTMLElement).findByText('Home nursing')).toBeInTheDocument();
    const marker = screen.getByTestId('today-marker');
    expect(marker.closest('li')).toBe(cards[1]?.closest('li'));
    expect(screen.getByTestId('worklist-shown')).toHaveTextContent('Showing 20 of 26 tasks');

    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByText('Showing 26 of 26 tasks')).toBeInTheDocument();
    expect(within(screen.getByTestId('worklist')).getAllByTestId('worklist-item')).toHaveLength(26);
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
    expect(screen.getAllByTestId('today-marker')).toHaveLength(1);
  });

  it('asks the API for the scope and the kinds chosen, kept in the address', async () => {
    const fetchMock = stubApi({ 'GET /api/intake/v1/worklist': worklistResponse });
    renderWithProviders(<WorklistPage />, { path: '/arbeidsliste', route: '/arbeidsliste?vis=all&type=review_due' });
    await screen.findByTestId('worklist');
    expect(queryOf(fetchMock.mock.calls[0]?.[0]).get('scope')).toBe('all');
    expect(queryOf(fetchMock.mock.calls[0]?.[0]).getAll('kind')).toEqual(['review_due']);
    expect(screen.getByRole('radio', { name: 'All' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Decision review (24)' })).toBeChecked();

    await userEvent.click(screen.getByRole('radio', { name: 'Mine' }));
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Awaiting approval (1)' }));

    const last = queryOf(fetchMock.mock.calls.at(-1)?.[0]);
    expect(last.get('scope')).toBe('mine');
    expect(last.getAll('kind').sort()).toEqual(['awaiting_approval', 'review_due']);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Decision review (24)' }));
    await waitFor(() => expect(screen.getAllByTestId('worklist-item')).toHaveLength(1));
    expect(screen.getByTestId('worklist-item')).toHaveTextContent('Awaiting approval');
  });

  it('shows a count the API could only bound as «over N», in every language', async () => {
    const bounded = [
      { kind: 'review_due', total: 105, total_is_lower_bound: true, overdue: 99, overdue_is_lower_bound: true, due_within_a_week: 6, due_within_a_week_is_lower_bound: false },
      { kind: 'awaiting_approval', total: 1, total_is_lower_bound: false, overdue: 0, overdue_is_lower_bound: false, due_within_a_week: 1, due_within_a_week_is_lower_bound: false },
    ];
    stubApi({ 'GET /api/intake/v1/worklist': () => jsonResponse({ items: items.slice(0, 20), next_cursor: '20', counts: bounded, count_cap: 99 }) });
    const expected = {
      en: ['more than 99 overdue', '7 due within a week', 'more than 106 tasks in all', 'Decision review (more than 105)', 'Showing 20 of more than 106 tasks'],
      nb: ['over 99 forfalt', '7 med frist innen en uke', 'over 106 oppgaver i alt', 'Evaluering av vedtak (over 105)', 'Viser 20 av over 106 oppgaver'],
      nn: ['over 99 forfalne', '7 med frist innan ei veke', 'over 106 oppgåver i alt', 'Evaluering av vedtak (over 105)', 'Viser 20 av over 106 oppgåver'],
    };
    for (const [language, [overdue, week, total, chip, shown]] of Object.entries(expected)) {
      await setLanguage(language as 'nb' | 'nn' | 'en');
      const { unmount } = renderWithProviders(<WorklistPage />, { path: '/arbeidsliste', route: '/arbeidsliste?vis=all' });
      const summary = await screen.findByTestId('worklist-counts');
      expect(summary).toHaveTextContent(overdue as string);
      expect(summary).toHaveTextContent(week as string);
      expect(summary).toHaveTextContent(total as string);
      expect(screen.getByRole('checkbox', { name: chip })).toBeInTheDocument();
      expect(screen.getByTestId('worklist-shown')).toHaveTextContent(shown as string);
      unmount();
    }
  });
});
