import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { osloToday, toDateText } from '@/lib/dates';
import { signInAs } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi } from '@/test/render';

import type { AuditRead } from '../../api/system';
import { units } from '../../test/fixtures';
import { PROCEDURE_ID } from '../../test/system-fixtures';

import { AuditPage } from './audit-page';

const AUDIT_ID = '55555555-5555-5555-5555-555555555555';
const route = { path: '/kvalitet/internrevisjon/:id', route: `/kvalitet/internrevisjon/${AUDIT_ID}` };
const path = `/api/quality/v1/audits/${AUDIT_ID}`;

function audit(overrides: Partial<AuditRead> = {}): AuditRead {
  return {
    id: AUDIT_ID,
    version: 1,
    procedure_id: PROCEDURE_ID,
    procedure_title: 'Legemiddelhåndtering i hjemmetjenesten',
    procedure_version: null,
    unit: 'hjemmetjenesten-ski',
    planned_on: osloToday(),
    auditor: 'Per Ødegård',
    status: 'planned',
    performed_on: null,
    non_conformities: 0,
    is_overdue: false,
    sample_plan: 'Ti medisinkurver',
    sample: null,
    findings: null,
    measures: [],
    may_edit: true,
    ...overrides,
  };
}

beforeEach(async () => {
  await setLanguage('nb');
  signInAs(['leder']);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AuditPage', () => {
  it('records a planned audit with a non-conformity and its measure, with If-Match', async () => {
    let sent: unknown = null;
    let ifMatch: string | null = null;
    let current = audit();
    stubApi({
      'GET /api/catalogue/v1/units': () => jsonResponse(units),
      [`GET ${path}`]: () => jsonResponse(current),
      [`POST ${path}/record`]: async (request) => {
        ifMatch = request.headers.get('If-Match');
        sent = await request.json();
        current = audit({ version: 2, status: 'completed', performed_on: osloToday(), non_conformities: 1 });
        return jsonResponse(current);
      },
    });
    renderWithProviders(<AuditPage />, route);

    const form = await screen.findByTestId('audit-record');
    expect(within(form).getByLabelText(/Hva ble sjekket/)).toHaveValue('Ti medisinkurver');
    await userEvent.type(within(form).getByLabelText(/^Funn/), 'To kurver uten signatur.');
    await userEvent.click(within(form).getByRole('button', { name: 'Legg til avvik fra prosedyren' }));
    await userEvent.type(within(form).getByLabelText(/^Avvik fra prosedyren 1/), 'Manglende signatur');
    await userEvent.type(within(form).getByLabelText(/^Tiltak for avvik 1/), 'Gjennomgå signering på personalmøte');
    await userEvent.type(within(form).getByLabelText(/^Ansvarlig for tiltak 1/), 'Kari Nordby');
    await userEvent.type(within(form).getByLabelText(/^Frist for tiltak 1/), toDateText(osloToday()));
    await userEvent.click(within(form).getByRole('button', { name: 'Registrer og fullfør revisjonen' }));

    await vi.waitFor(() => expect(screen.getByTestId('audit-status')).toHaveTextContent('Gjennomført'));
    expect(ifMatch).toBe('"1"');
    expect(sent).toEqual({
      performed_on: osloToday(),
      sample: 'Ti medisinkurver',
      findings: 'To kurver uten signatur.',
      non_conformities: [
        { non_conformity: 'Manglende signatur', measure: { description: 'Gjennomgå signering på personalmøte', responsible: 'Kari Nordby', due_on: osloToday() } },
      ],
    });
  });

  it('shows a completed audit\'s measures with the overdue one marked', async () => {
    stubApi({
      'GET /api/catalogue/v1/units': () => jsonResponse(units),
      [`GET ${path}`]: () =>
        jsonResponse(
          audit({
            status: 'completed',
            performed_on: '2026-10-01',
            sample: 'Ti kurver',
            findings: 'Ett avvik',
            non_conformities: 1,
            procedure_version: 2,
            measures: [
              {
                id: 'm1',
                version: 1,
                source: 'audit',
                source_id: AUDIT_ID,
                unit: 'hjemmetjenesten-ski',
                non_conformity: 'Manglende signatur',
                description: 'Opplæring',
                responsible: 'Kari Nordby',
                due_on: '2026-10-15',
                status: 'planned',
                done_on: null,
                is_overdue: true,
              },
            ],
          }),
        ),
    });
    renderWithProviders(<AuditPage />, route);

    const table = await screen.findByTestId('audit-measures');
    expect(within(table).getByText('Manglende signatur')).toBeInTheDocument();
    expect(within(table).getByTestId('measure-overdue')).toHaveTextContent('Forfalt');
    expect(screen.queryByTestId('audit-record')).not.toBeInTheDocument();
    expect(screen.getByText(/Prosedyreversjon 2/)).toBeInTheDocument();
  });
});
