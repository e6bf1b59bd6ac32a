import { describe, expect, it } from 'vitest';

import { schemaErrors } from '@/lib/use-api-form';

import { emptyReport, reportSchema, toRequestCreate } from './report-form';

const TODAY = '2026-12-01';
const PERSON = '7f1c2d3e-0000-4000-8000-000000000001';

describe('reporting a need', () => {
  it('asks for the person, the need and at least one of plan and koordinator', () => {
    const errors = schemaErrors(reportSchema(TODAY), { ...emptyReport(TODAY), wants: [] });
    expect(errors).toEqual({ person_id: 'choosePerson', description: 'required', wants: 'chooseWhat' });
  });

  it('needs the relative’s name when a relative asks, and no date after today', () => {
    const values = { ...emptyReport(TODAY, PERSON), source: 'relative' as const, description: 'Mange tjenester', received_on: '2026-12-02' };
    expect(schemaErrors(reportSchema(TODAY), values)).toEqual({ asked_by: 'required', received_on: 'future' });
  });

  it('sends the employee’s report without a name (the API records who is signed in)', () => {
    const body = toRequestCreate({ ...emptyReport(TODAY, PERSON), asked_by: 'ignored', description: ' Trenger koordinator ', wants: ['coordinator'] });
    expect(body).toEqual({
      person_id: PERSON,
      source: 'employee',
      wants_plan: false,
      wants_coordinator: true,
      received_on: TODAY,
      submitted_by: null,
      description: 'Trenger koordinator',
    });
  });
});
