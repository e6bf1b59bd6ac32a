/** The plan editor: goals, measures, care team and next evaluation date as form values, checks and the body. */
import { z } from 'zod';

import { newUuid } from '@/lib/idempotency';

import type { LifeArea, MeasureStatus, PlanRead, PlanUpdate, ResponsibleKind } from '../api/types';
import { LIFE_AREAS, MEASURE_STATUSES, RESPONSIBLE_KINDS } from '../api/types';

export type GoalValues = { id: string; life_area: LifeArea; text: string; status: string };
export type MeasureValues = {
  id: string;
  what: string;
  responsible_kind: ResponsibleKind;
  responsible: string;
  owner_name: string;
  owner_sub: string;
  goal_id: string;
  decision_id: string;
  service_type: string;
  starts_on: string;
  due_on: string;
  status: MeasureStatus;
  source: string;
  meeting_id: string;
};
export type MemberValues = {
  id: string;
  name: string;
  role: string;
  organisation: string;
  contact: string;
  unit: string;
  employee_sub: string;
  may_see_plan: boolean;
};
export type PlanFormValues = {
  /** The version these values were loaded from: the save sends it as If-Match. */
  base_version: number;
  goals: GoalValues[];
  measures: MeasureValues[];
  team: MemberValues[];
  next_evaluation_on: string;
  note: string;
};

export type PlanErrorKey = 'required' | 'date' | 'dueBeforeStart' | 'tooLong' | 'chooseUnit';

/** NAV, the school, the GP and the specialist health service are named by their kind; a unit needs its code, a relative or another party a name. */
export const NAMED_BY_KIND: readonly ResponsibleKind[] = ['nav', 'school', 'gp', 'specialist'];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const filled = (value: string) => value.trim() !== '';
const optionalDate = z.string().refine((value) => value === '' || ISO_DATE.test(value), 'date');
const text = (max: number) => z.string().refine(filled, 'required').max(max, 'tooLong');

export const planSchema: z.ZodType<PlanFormValues, PlanFormValues> = z.object({
  base_version: z.number(),
  goals: z.array(z.object({ id: z.string(), life_area: z.enum(LIFE_AREAS), text: text(2000), status: z.string() })),
  measures: z.array(
    z
      .object({
        id: z.string(),
        what: text(500),
        responsible_kind: z.enum(RESPONSIBLE_KINDS),
        responsible: z.string().max(200, 'tooLong'),
        owner_name: z.string().max(200, 'tooLong'),
        owner_sub: z.string(),
        goal_id: z.string(),
        decision_id: z.string(),
        service_type: z.string(),
        starts_on: optionalDate,
        due_on: optionalDate,
        status: z.enum(MEASURE_STATUSES),
        source: z.string(),
        meeting_id: z.string(),
      })
      .refine((m) => !(m.starts_on && m.due_on && m.due_on < m.starts_on), { message: 'dueBeforeStart', path: ['due_on'] })
      .refine((m) => m.responsible_kind !== 'unit' || filled(m.responsible), { message: 'chooseUnit', path: ['responsible'] })
      .refine((m) => m.responsible_kind === 'unit' || NAMED_BY_KIND.includes(m.responsible_kind) || filled(m.responsible), {
        message: 'required',
        path: ['responsible'],
      }),
  ),
  team: z.array(
    z.object({
      id: z.string(),
      name: text(200),
      role: text(100),
      organisation: z.string().max(200, 'tooLong'),
      contact: z.string().max(200, 'tooLong'),
      unit: z.string(),
      employee_sub: z.string(),
      may_see_plan: z.boolean(),
    }),
  ),
  next_evaluation_on: optionalDate,
  note: z.string().max(500, 'tooLong'),
});

export function newId(): string {
  return newUuid();
}

export function emptyGoal(): GoalValues {
  return { id: newId(), life_area: 'daily_living', text: '', status: 'open' };
}

export function emptyMeasure(): MeasureValues {
  return {
    id: newId(),
    what: '',
    responsible_kind: 'unit',
    responsible: '',
    owner_name: '',
    owner_sub: '',
    goal_id: '',
    decision_id: '',
    service_type: '',
    starts_on: '',
    due_on: '',
    status: 'planned',
    source: 'manual',
    meeting_id: '',
  };
}

export function emptyMember(): MemberValues {
  return { id: newId(), name: '', role: '', organisation: '', contact: '', unit: '', employee_sub: '', may_see_plan: false };
}

/** A measure added from an intake decision carries the service's code; the form shows its name
 * as intake's decision gives it, so the koordinator confirms a measure a person can read. */
function measureWhat(plan: PlanRead, what: string, serviceType: string | null | undefined): string {
  if (!serviceType || what !== serviceType) return what;
  return plan.service_names?.[serviceType]?.nb ?? what;
}

/** The plan as the form edits it (null becomes ''). */
export function planValues(plan: PlanRead): PlanFormValues {
  return {
    base_version: plan.version,
    goals: plan.goals.map((g) => ({ id: g.id ?? newId(), life_area: g.life_area, text: g.text, status: g.status ?? 'open' })),
    measures: plan.measures.map((m) => ({
      id: m.id ?? newId(),
      what: measureWhat(plan, m.what, m.service_type),
      responsible_kind: m.responsible_kind,
      responsible: m.responsible ?? '',
      owner_name: m.owner_name ?? '',
      owner_sub: m.owner_sub ?? '',
      goal_id: m.goal_id ?? '',
      decision_id: m.decision_id ?? '',
      service_type: m.service_type ?? '',
      starts_on: m.starts_on ?? '',
      due_on: m.due_on ?? '',
      status: m.status ?? 'planned',
      source: m.source ?? 'manual',
      meeting_id: m.meeting_id ?? '',
    })),
    team: plan.team.map((t) => ({
      id: t.id ?? newId(),
      name: t.name,
      role: t.role,
      organisation: t.organisation ?? '',
      contact: t.contact ?? '',
      unit: t.unit ?? '',
      employee_sub: t.employee_sub ?? '',
      may_see_plan: t.may_see_plan ?? false,
    })),
    next_evaluation_on: plan.next_evaluation_on ?? '',
    note: '',
  };
}

const orNull = (value: string): string | null => (value.trim() ? value.trim() : null);

/** An employee who can own a measure: the measure then shows on their worklist. */
export type OwnerOption = { sub: string; name: string };

/** The koordinator and the care team's employees (with a user name), each once. */
export function ownerOptions(me: OwnerOption | null, team: readonly { name: string; employee_sub: string }[]): OwnerOption[] {
  const options = new Map<string, OwnerOption>();
  if (me) options.set(me.sub, me);
  for (const member of team) {
    const sub = member.employee_sub.trim();
    if (sub && !options.has(sub)) options.set(sub, { sub, name: member.name.trim() || sub });
  }
  return [...options.values()];
}

/** The body of the next version; an owner chosen among the employees carries their name. */
export function toPlanUpdate(values: PlanFormValues, owners: readonly OwnerOption[] = []): PlanUpdate {
  const ownerName = (m: MeasureValues) => (m.owner_sub ? (owners.find((o) => o.sub === m.owner_sub)?.name ?? m.owner_name) : m.owner_name);
  return {
    goals: values.goals.map((g) => ({ id: g.id, life_area: g.life_area, text: g.text.trim(), status: g.status as never })),
    measures: values.measures.map((m) => ({
      id: m.id,
      what: m.what.trim(),
      responsible_kind: m.responsible_kind,
      responsible: orNull(m.responsible),
      owner_name: orNull(ownerName(m)),
      owner_sub: orNull(m.owner_sub),
      goal_id: orNull(m.goal_id),
      decision_id: orNull(m.decision_id),
      service_type: orNull(m.service_type),
      starts_on: orNull(m.starts_on),
      due_on: orNull(m.due_on),
      status: m.status,
      source: m.source as never,
      meeting_id: orNull(m.meeting_id),
    })),
    team: values.team.map((t) => ({
      id: t.id,
      name: t.name.trim(),
      role: t.role.trim(),
      organisation: orNull(t.organisation),
      contact: orNull(t.contact),
      unit: orNull(t.unit),
      employee_sub: orNull(t.employee_sub),
      may_see_plan: t.may_see_plan,
    })),
    next_evaluation_on: orNull(values.next_evaluation_on),
    note: orNull(values.note),
  };
}

export function planFields(values: PlanFormValues): string[] {
  return [
    ...values.goals.flatMap((_, i) => [`goals.${i}.life_area`, `goals.${i}.text`]),
    ...values.measures.flatMap((_, i) => [
      `measures.${i}.what`,
      `measures.${i}.responsible_kind`,
      `measures.${i}.responsible`,
      `measures.${i}.owner_sub`,
      `measures.${i}.owner_name`,
      `measures.${i}.goal_id`,
      `measures.${i}.starts_on`,
      `measures.${i}.due_on`,
      `measures.${i}.status`,
    ]),
    ...values.team.flatMap((_, i) => [`team.${i}.name`, `team.${i}.role`, `team.${i}.organisation`, `team.${i}.contact`, `team.${i}.employee_sub`]),
    'next_evaluation_on',
    'note',
  ];
}
