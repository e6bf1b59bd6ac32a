import { describe, expect, it } from 'vitest';

import { schemaErrors } from '@/lib/use-api-form';

import { emptyGoal, emptyMeasure, emptyMember, ownerOptions, planSchema, toPlanUpdate, type PlanFormValues } from './plan-form';

const values = (overrides: Partial<PlanFormValues> = {}): PlanFormValues => ({
  base_version: 1,
  goals: [],
  measures: [],
  team: [],
  next_evaluation_on: '',
  note: '',
  ...overrides,
});

describe('the plan form', () => {
  it('asks for the goal in the person’s own words', () => {
    expect(schemaErrors(planSchema, values({ goals: [emptyGoal()] }))).toEqual({ 'goals.0.text': 'required' });
  });

  it('refuses a measure due before it starts', () => {
    const measure = { ...emptyMeasure(), what: 'Fysioterapi', responsible: 'Fysio', starts_on: '2026-12-10', due_on: '2026-12-01' };
    expect(schemaErrors(planSchema, values({ measures: [measure] }))).toEqual({ 'measures.0.due_on': 'dueBeforeStart' });
  });

  it('sends empty optional fields as null and keeps the ids', () => {
    const goal = { ...emptyGoal(), text: '  Gå tur med hunden ' };
    const member = { ...emptyMember(), name: 'Kari', role: 'datter' };
    const body = toPlanUpdate(values({ goals: [goal], team: [member] }));
    expect(body.goals?.[0]).toMatchObject({ id: goal.id, text: 'Gå tur med hunden' });
    expect(body.team?.[0]).toMatchObject({ contact: null, may_see_plan: false });
    expect(body.next_evaluation_on).toBeNull();
  });

  it('needs a unit from the catalogue or a named party, but names NAV, school, GP and specialist by their kind', () => {
    const measures = [
      { ...emptyMeasure(), what: 'Opptrening', responsible_kind: 'unit' as const },
      { ...emptyMeasure(), what: 'Følge til koret', responsible_kind: 'other' as const },
      { ...emptyMeasure(), what: 'Arbeidsavklaring', responsible_kind: 'nav' as const },
    ];
    expect(schemaErrors(planSchema, values({ measures }))).toEqual({ 'measures.0.responsible': 'chooseUnit', 'measures.1.responsible': 'required' });
    expect(toPlanUpdate(values({ measures: [measures[2]!] })).measures?.[0]).toMatchObject({ responsible_kind: 'nav', responsible: null });
  });

  it('gives a measure to an employee by user name, with their name', () => {
    const member = { ...emptyMember(), name: 'Aisha Rahman', role: 'sykepleier', employee_sub: 'helsepersonell-nordrefollo' };
    const owners = ownerOptions({ sub: 'koordinator-nordrefollo', name: 'Martin Haugen' }, [member, { ...emptyMember(), name: 'Kari' }]);
    const measure = { ...emptyMeasure(), what: 'Støttekontakt', responsible: 'hjemmetjenesten-ski', owner_sub: 'helsepersonell-nordrefollo' };
    expect(owners.map((o) => o.sub)).toEqual(['koordinator-nordrefollo', 'helsepersonell-nordrefollo']);
    expect(toPlanUpdate(values({ measures: [measure], team: [member] }), owners).measures?.[0]).toMatchObject({
      owner_sub: 'helsepersonell-nordrefollo',
      owner_name: 'Aisha Rahman',
    });
  });
});
