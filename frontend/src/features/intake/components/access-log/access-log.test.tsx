import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { PERSON_ID, signInAs } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi } from '@/test/render';

import { AccessLog } from './access-log';

const entry = (actor_name: string, roles: string[], action: string, resource: string) => ({
  occurred_at: '2026-11-23T09:15:00Z',
  actor: actor_name.toLowerCase(),
  actor_name,
  actor_roles: roles,
  action,
  resource,
  resource_id: null,
  reason: null,
});

const page = (...items: ReturnType<typeof entry>[]) => () => jsonResponse({ items, next_cursor: null });
const problem = (status: number) => () => jsonResponse({ title: 'Nei', status }, status, 'application/problem+json');
const logPath = (service: string) => `GET /api/${service}/v1/persons/${PERSON_ID}/access-log`;

async function axeClean(container: HTMLElement) {
  // Colour contrast needs a real layout engine; the e2e scripts check it in a browser.
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);
}

const asked = (fetchMock: ReturnType<typeof stubApi>) =>
  fetchMock.mock.calls.map(([input]) => new URL((input as Request).url).pathname.split('/')[2]);

beforeEach(async () => {
  await setLanguage('nb');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AccessLog', () => {
  it('shows a leader every service’s log of the person in its own tab, each read only when its tab is chosen', async () => {
    signInAs(['leder']);
    const fetchMock = stubApi({
      [logPath('intake')]: page(entry('Randi Leder', ['leder'], 'read', 'person')),
      [logPath('coordination')]: page(entry('Liv Koordinator', ['koordinator'], 'refused', 'plan')),
      [logPath('welfaretech')]: page(entry('Jonas Berg', ['velferdsteknolog'], 'create', 'loan')),
      [logPath('quality')]: problem(404),
    });
    const { container } = renderWithProviders(<AccessLog personId={PERSON_ID} />);

    await userEvent.click(screen.getByText('Vis tilgangsloggen'));
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['Tildeling', 'Koordinering', 'Velferdsteknologi', 'Kvalitet']);
    expect(within(await screen.findByTestId('access-log')).getAllByRole('row')[1]).toHaveTextContent(/Randi Leder.*Oppslag: personopplysninger/);
    expect(asked(fetchMock)).toEqual(['intake']);
    expect(screen.getByRole('button', { name: 'Last ned som PDF' })).toBeInTheDocument();
    await axeClean(container);

    await userEvent.click(screen.getByRole('tab', { name: 'Koordinering' }));
    const coordination = await screen.findByTestId('access-log-coordination');
    expect(within(coordination).getByText('Tilgangslogg for Koordinering, nyeste først')).toBeInTheDocument();
    expect(within(coordination).getAllByRole('row')[1]).toHaveTextContent(/Liv Koordinator.*Koordinator.*Nektet tilgang: individuell plan/);
    expect(screen.getByRole('button', { name: 'Last ned som CSV' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Last ned som PDF' })).not.toBeInTheDocument(); // the PDF is intake's
    await axeClean(container);

    await userEvent.click(screen.getByRole('tab', { name: 'Velferdsteknologi' }));
    expect(within(await screen.findByTestId('access-log-welfaretech')).getAllByRole('row')[1]).toHaveTextContent(/Jonas Berg.*Velferdsteknolog.*utlån/);

    await userEvent.click(screen.getByRole('tab', { name: 'Kvalitet' }));
    expect(await screen.findByTestId('access-log-quality-none')).toHaveTextContent('Ingen avvik gjelder personen');
    expect(asked(fetchMock)).toEqual(['intake', 'coordination', 'welfaretech', 'quality']);
    await axeClean(container);
  });

  it('offers a coordinator only coordination’s log, and says so when the service refuses it', async () => {
    signInAs(['koordinator']);
    stubApi({ [logPath('coordination')]: problem(403) });
    const { container } = renderWithProviders(<AccessLog personId={PERSON_ID} />);

    await userEvent.click(screen.getByText('Vis tilgangsloggen'));

    expect(await screen.findByTestId('access-log-coordination-forbidden')).toHaveTextContent('ledere og av personens koordinator');
    expect(screen.queryByRole('tab')).not.toBeInTheDocument();
    await axeClean(container);
  });

  it('downloads a service’s log as CSV from that service', async () => {
    signInAs(['leder']);
    const csv = vi.fn(() => new Response('\ufeffoccurred_at;actor', { headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="tilgangslogg-kvalitet.csv"' } }));
    stubApi({
      [logPath('intake')]: page(),
      [logPath('quality')]: page(entry('Per Ødegård', ['kvalitetsleder'], 'read', 'deviation')),
      [`GET /api/quality/v1/persons/${PERSON_ID}/access-log/export`]: csv,
    });
    const { createObjectURL, revokeObjectURL } = URL;
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderWithProviders(<AccessLog personId={PERSON_ID} />);

    await userEvent.click(screen.getByText('Vis tilgangsloggen'));
    await userEvent.click(screen.getByRole('tab', { name: 'Kvalitet' }));
    await screen.findByTestId('access-log-quality');
    await userEvent.click(screen.getByRole('button', { name: 'Last ned som CSV' }));

    expect(csv).toHaveBeenCalledTimes(1);
    expect(click).toHaveBeenCalledTimes(1);
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    click.mockRestore();
  });
});
