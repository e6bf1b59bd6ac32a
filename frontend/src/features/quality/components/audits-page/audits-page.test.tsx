import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { signInAs } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi } from '@/test/render';

import { units } from '../../test/fixtures';

import { AuditsPage, SupervisionPage } from './audits-page';

beforeEach(async () => {
  await setLanguage('nb');
  signInAs(['kvalitetsleder']);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AuditsPage and SupervisionPage', () => {
  it('marks a planned audit left after its day as overdue', async () => {
    stubApi({
      'GET /api/catalogue/v1/units': () => jsonResponse(units),
      'GET /api/quality/v1/audits': () =>
        jsonResponse({
          items: [
            {
              id: 'a',
              procedure_id: 'p',
              procedure_title: 'Bruk av trygghetsalarm',
              unit: 'hjemmetjenesten-ski',
              planned_on: '2026-11-20',
              auditor: 'Per Ødegård',
              status: 'planned',
              performed_on: null,
              non_conformities: 0,
              is_overdue: true,
            },
          ],
          next_cursor: null,
        }),
    });
    renderWithProviders(<AuditsPage />, { path: '/kvalitet/internrevisjon', route: '/kvalitet/internrevisjon' });

    const row = within(await screen.findByTestId('audit-list')).getAllByRole('row')[1]!;
    expect(within(row).getByText('Forfalt')).toBeInTheDocument();
    expect(within(row).getByText('20.11.2026')).toBeInTheDocument();
    expect(within(row).getByText('Planlagt')).toBeInTheDocument();
  });

  it('shows a supervision finding for the whole municipality with its authority and deadline', async () => {
    stubApi({
      'GET /api/catalogue/v1/units': () => jsonResponse(units),
      'GET /api/quality/v1/supervision-findings': () =>
        jsonResponse({
          items: [
            {
              id: 'f',
              authority: 'helsetilsynet',
              case_reference: '2025/188',
              unit: null,
              kind: 'remark',
              title: 'Varsling av alvorlige hendelser',
              received_on: '2026-05-01',
              deadline: '2026-11-10',
              status: 'open',
              is_overdue: true,
              open_measures: 1,
            },
          ],
          next_cursor: null,
        }),
    });
    renderWithProviders(<SupervisionPage />, { path: '/kvalitet/tilsyn', route: '/kvalitet/tilsyn' });

    const row = within(await screen.findByTestId('finding-list')).getAllByRole('row')[1]!;
    expect(within(row).getByText('Statens helsetilsyn')).toBeInTheDocument();
    expect(within(row).getByText('Hele kommunen')).toBeInTheDocument();
    expect(within(row).getByText('Forfalt')).toBeInTheDocument();
  });
});
