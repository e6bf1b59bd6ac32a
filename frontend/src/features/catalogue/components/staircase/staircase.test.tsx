import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import { careLevel, serviceSummary } from '@/test/fixtures';
import { renderWithProviders, setLanguage } from '@/test/render';

import { Staircase } from './staircase';

const home = careLevel(3, 'Hjemmebaserte tjenester');
const prevention = careLevel(1, 'Forebygging');
const institution = careLevel(5, 'Institusjon');

const services = [
  serviceSummary('hjemmesykepleie', home, { scope_unit: 'visits_per_day' }),
  serviceSummary('seniorsenter', prevention, { requires_decision: false, scope_unit: 'none' }),
  serviceSummary('langtidsopphold', institution, { scope_unit: 'place', published: false }),
];

beforeEach(async () => {
  await setLanguage('nb');
});

describe('Staircase', () => {
  it('draws the levels as steps from the lowest rank up, whatever order they come in', () => {
    renderWithProviders(<Staircase levels={[institution, home, prevention]} services={services} total={5} />);

    const steps = within(screen.getByRole('list', { name: 'Nivåer i trappen' })).getAllByTestId('care-level');
    expect(steps.map((step) => within(step).getByRole('heading', { level: 2 }).textContent)).toEqual([
      'Forebygging',
      'Hjemmebaserte tjenester',
      'Institusjon',
    ]);
    expect(within(steps[0]!).getByText('Trinn 1 av 5')).toBeInTheDocument();
  });

  it('lists each service on its own step as a link, with whether it needs a decision and its scope unit', () => {
    renderWithProviders(<Staircase levels={[prevention, home]} services={services} />);

    const homeStep = screen.getByRole('listitem', { name: 'Hjemmebaserte tjenester' });
    const link = within(homeStep).getByRole('link', { name: 'hjemmesykepleie' });
    expect(link).toHaveAttribute('href', '/tjenester/hjemmesykepleie');
    expect(within(homeStep).getByText('Krever vedtak')).toBeInTheDocument();
    expect(within(homeStep).getByText('Besøk per dag')).toBeInTheDocument();

    const preventionStep = screen.getByRole('listitem', { name: 'Forebygging' });
    expect(within(preventionStep).getByText('Uten vedtak')).toBeInTheDocument();
    expect(within(preventionStep).getByText('1 tjeneste')).toBeInTheDocument();
  });

  it('marks a service the public cannot see, and says so when a step is empty', () => {
    renderWithProviders(<Staircase levels={[institution, careLevel(4, 'Tilrettelagt bolig')]} services={services} />);

    expect(within(screen.getByRole('listitem', { name: 'Institusjon' })).getByText('Ikke publisert')).toBeInTheDocument();
    expect(
      within(screen.getByRole('listitem', { name: 'Tilrettelagt bolig' })).getByText('Ingen tjenester på dette nivået.'),
    ).toBeInTheDocument();
  });

  it('shows names in the UI language', async () => {
    await setLanguage('en');
    renderWithProviders(<Staircase levels={[home]} services={services} />);

    expect(screen.getByRole('heading', { name: 'Hjemmebaserte tjenester (en)' })).toBeInTheDocument();
    expect(screen.getByText('Requires a decision')).toBeInTheDocument();
    expect(screen.getByText('Visits per day')).toBeInTheDocument();
  });
});
