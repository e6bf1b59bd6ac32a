/** Small quality-system data in the generated API shapes, for component tests. */
import type { ProcedureRead, RosRead } from '../api/system';

export const PROCEDURE_ID = '77777777-7777-7777-7777-777777777777';
export const ROS_ID = '44444444-4444-4444-4444-444444444444';

const version = (number: number, text: string) => ({
  number,
  valid_from: number === 1 ? '2025-01-01' : '2026-11-01',
  review_by: number === 1 ? '2026-01-01' : '2027-11-01',
  approved_by: 'Kommuneoverlege',
  text,
  link: null,
  change_note: number === 1 ? null : 'Dobbeltkontroll ved multidosebytte.',
  written_by_name: 'Kari Nordby',
  written_at: '2026-11-01T08:00:00Z',
});

export function procedure(overrides: Partial<ProcedureRead> = {}): ProcedureRead {
  const current = version(2, '1. Kontroller navn.\n2. Dobbeltkontroll ved ny multidoserull.');
  return {
    id: PROCEDURE_ID,
    version: 2,
    unit: 'hjemmetjenesten-ski',
    title: 'Legemiddelhåndtering i hjemmetjenesten',
    owner: 'Kari Nordby',
    current_version: 2,
    valid_from: current.valid_from,
    review_by: current.review_by,
    is_review_overdue: false,
    confirmed_by_me: false,
    current,
    versions: [current, version(1, '1. Kontroller navn.')],
    my_confirmed_version: 1,
    may_edit: false,
    not_followed_in_deviations: 0,
    ...overrides,
  };
}

export function ros(overrides: Partial<RosRead> = {}): RosRead {
  return {
    id: ROS_ID,
    version: 3,
    unit: 'hjemmetjenesten-ski',
    title: 'ROS legemiddelhåndtering',
    scope: 'Fra multidose til utdeling.',
    analysed_on: '2026-11-20',
    participants: ['Kari Nordby', 'Aisha Rahman'],
    status: 'draft',
    approved_on: null,
    approved_by: null,
    hazards: [
      {
        id: '44444444-0000-0000-0000-000000000001',
        analysis_id: ROS_ID,
        description: 'Feil dose ved bytte av multidose',
        existing_barriers: null,
        consequence: 4,
        probability: 4,
        risk_score: 16,
        risk_level: 'high',
        needs_measure: true,
        measures: [],
        confirmed_by_deviations: 2,
      },
    ],
    may_edit: true,
    ...overrides,
  };
}
