import { describe, expect, it } from 'vitest';

import { schemaErrors } from '@/lib/use-api-form';

import { emptyGoal, emptyMeasure, emptyMember, planSchema, toPlanUpdate, type PlanFormValues } from './plan-form';

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
});
