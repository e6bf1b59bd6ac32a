import { screen, within } from '@testing-library/react';
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

beforeEach(async () => {
  await setLanguage('en');
  signInAs(['saksbehandler']);
  stubApi({
    'GET /api/intake/v1/worklist': () => jsonResponse(items),
    'GET /api/catalogue/v1/service-types': () =>
      jsonResponse({ items: [{ code: 'hjemmesykepleie', name: { nb: 'Hjemmesykepleie', nn: 'Heimesjukepleie', en: 'Home nursing' } }], next_cursor: null }),
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('WorklistPage', { timeout: 60_000 }, () => {
  it('counts, marks today after the overdue, translates services and pages the cards', async () => {
    renderWithProviders(<WorklistPage />, { path: '/arbeidsliste', route: '/arbeidsliste' });

    const counts = await screen.findByTestId('worklist-counts');
    expect(counts).toHaveTextContent('1 overdue');
    expect(counts).toHaveTextContent('1 due within a week');
    expect(counts).toHaveTextContent('1 awaiting approval');
    expect(counts).toHaveTextContent('26 tasks in all');

    const list = screen.getByTestId('worklist');
    const cards = within(list).getAllByTestId('worklist-item');
    expect(cards).toHaveLength(20);
    expect(cards[0]).toHaveAttribute('data-overdue', 'true');
    expect(await within(cards[0] as HTMLElement).findByText('Home nursing')).toBeInTheDocument();
    const marker = screen.getByTestId('today-marker');
    expect(marker.closest('li')).toBe(cards[1]?.closest('li'));

    await userEvent.click(screen.getByRole('button', { name: 'Page 2' }));
    expect(within(screen.getByTestId('worklist')).getAllByTestId('worklist-item')).toHaveLength(6);
  });

  it('filters by kind of task, with the count on each choice', async () => {
    const fetchMock = stubApi({ 'GET /api/intake/v1/worklist': () => jsonResponse(items) });
    renderWithProviders(<WorklistPage />, { path: '/arbeidsliste', route: '/arbeidsliste' });
    await screen.findByTestId('worklist');
    expect(new URL((fetchMock.mock.calls[0]?.[0] as Request).url).searchParams.get('scope')).toBe('mine');
    await userEvent.click(screen.getByRole('radio', { name: 'All' }));
    expect(fetchMock.mock.calls.map(([input]) => new URL((input as Request).url).searchParams.get('scope'))).toContain('all');

    await userEvent.click(await screen.findByRole('checkbox', { name: 'Awaiting approval (1)' }));

    const cards = within(screen.getByTestId('worklist')).getAllByTestId('worklist-item');
    expect(cards).toHaveLength(1);
    expect(cards[0]).toHaveTextContent('Awaiting approval');
    expect(screen.queryByTestId('worklist-pagination')).not.toBeInTheDocument();
  });
});
